import CustomerIO
import TerminalUI

/// The composer: first a menu (new message kinds, then saved drafts), then a form over one draft, with a field being
/// typed into or a list being picked from.
public struct ComposerState: Sendable, Hashable {
    /// A choice in a picker: what is stored and what is shown.
    public struct Option: Sendable, Hashable {
        public var value: String
        /// What the list shows: the name and the id.
        public var label: String
        /// The name alone, which the draft keeps.
        public var name: String

        public init(value: String, label: String, name: String? = nil) {
            self.value = value
            self.label = label
            self.name = name ?? label
        }

        /// The options whose label contains `text` (any case), or whose value is it.
        static func matching(_ options: [Option]?, _ text: String) -> [Option] {
            let needle = text.lowercased()
            return (options ?? []).filter { needle.isEmpty || $0.label.lowercased().contains(needle) || $0.value == needle }
        }
    }

    /// A list to pick a template or a broadcast from, narrowed as the user types.
    public struct Picker: Sendable, Hashable {
        public var field: ComposeField
        public var options: [Option]?
        public var input = TextInputState()
        public var selected = 0

        public init(field: ComposeField) {
            self.field = field
        }

        public var shown: [Option] { Option.matching(options, input.text) }
    }

    /// Saved drafts, newest first, for the menu.
    public var drafts: [ComposeDraft] = []
    public var menuSelection = 0
    /// The draft being edited; nil on the menu.
    public var draft: ComposeDraft?
    /// The focused line of the form.
    public var focus = 0
    /// The field being typed into, and its text before (Esc puts it back).
    public var editing: TextInputState?
    public var valueBeforeEditing = ""
    public var picker: Picker?
    /// What stopped the last attempt to review.
    public var problems: [String] = []
    /// A person to fill new drafts from (when opened from a profile).
    public var person: PersonPrefill?

    public init(drafts: [ComposeDraft] = [], person: PersonPrefill? = nil) {
        self.drafts = drafts
        self.person = person
    }

    /// The menu's lines: one per kind of new draft, then one per saved draft.
    public var menuCount: Int { ComposeDraft.Kind.allCases.count + drafts.count }

    public var fields: [ComposeField] { draft.map(ComposeField.fields(for:)) ?? [] }

    public var focusedField: ComposeField? {
        let fields = fields
        return fields.indices.contains(focus) ? fields[focus] : nil
    }
}

/// A list to choose one thing from, narrowed by typing; what the choice is for decides what happens next.
public struct ChoiceState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// Add this person (a customer id) to the chosen manual segment.
        case addToSegment(personID: String, idType: IDType, personLabel: String)
        /// Act on this person: the options are ``PersonAction``s.
        case personAction(TrackPerson, bulk: [TrackPerson])
    }

    public var title: String
    public var purpose: Purpose
    /// Nil while the options load.
    public var options: [ComposerState.Option]?
    public var input = TextInputState()
    public var selected = 0

    public init(title: String, purpose: Purpose) {
        self.title = title
        self.purpose = purpose
    }

    public var shown: [ComposerState.Option] { ComposerState.Option.matching(options, input.text) }
}
