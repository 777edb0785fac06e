import CustomerIO
import Foundation
import TerminalUI

/// The person a Track write acts on, as their loaded profile showed them: what the review's diff and the form's
/// choices (their devices) start from.
public struct TrackPerson: Sendable, Hashable {
    /// The identifier every operation sends: the id when the profile has one, else the email, else the cio_id.
    public var identifier: CustomerIdentifier
    /// How a person reads it: their email, or the identifier.
    public var label: String
    /// The profile's attributes; nil when it had not loaded.
    public var attributes: [String: JSONValue]?
    /// Device tokens the profile lists.
    public var devices: [String] = []
    public var unsubscribed = false
    /// The profile to reload after the write.
    public var route: Route?

    public init(identifier: CustomerIdentifier, label: String, attributes: [String: JSONValue]? = nil, devices: [String] = [], unsubscribed: Bool = false, route: Route? = nil) {
        self.identifier = identifier
        self.label = label
        self.attributes = attributes
        self.devices = devices
        self.unsubscribed = unsubscribed
        self.route = route
    }
}

/// One line of a Track form: its name, what it holds, and how it is edited.
public struct TrackFormField: Sendable, Hashable {
    /// Which value the field holds.
    public enum Name: String, Sendable, Hashable {
        case changes, topics, eventName, eventData, timestamp, eventID, anonymousID
        case token, platform, lastUsed, deviceAttributes
        case objectType, objectID, relationshipAttributes, confirm, secondary, keep, segment
        case call, userID, groupID, previousID, properties, batch, objectAttributes, anonymousId, callName
    }

    public var name: Name
    public var input: TextInputState
    /// Values Enter steps through; nil for a typed field.
    public var choices: [String]?

    public init(_ name: Name, _ text: String = "", choices: [String]? = nil) {
        self.name = name
        self.input = TextInputState(text: text)
        self.choices = choices
    }

    public var text: String { input.text }
    var trimmed: String { input.text.trimmingCharacters(in: .whitespacesAndNewlines) }

    public var label: String {
        switch name {
        case .changes: "Changes"
        case .topics: "Topics"
        case .eventName: "Event name"
        case .eventData: "Data (JSON)"
        case .timestamp: "Happened at"
        case .eventID: "Event id (ULID)"
        case .anonymousID: "anonymous_id"
        case .token: "Device token"
        case .platform: "Platform"
        case .lastUsed: "Last used"
        case .deviceAttributes: "Attributes (JSON)"
        case .objectType: "Object type id"
        case .objectID: "Object id"
        case .relationshipAttributes: "Relationship (JSON)"
        case .confirm: "Type to confirm"
        case .secondary: "Other person"
        case .keep: "Survives"
        case .segment: "Manual segment id"
        case .call: "Call"
        case .userID: "userId"
        case .groupID: "groupId"
        case .previousID: "previousId"
        case .properties: "traits / properties"
        case .batch: "batch (JSON array)"
        case .objectAttributes: "Attributes (JSON)"
        case .anonymousId: "anonymousId"
        case .callName: "event / name"
        }
    }

    /// Shown beside an empty field: what it takes.
    public var hint: String {
        switch name {
        case .changes: "plan=pro  score:=42  vip:=true  trial_ends@=2026-12-31  -nickname"
        case .topics: "topic ids: 2=off 5=on (off unsubscribes from that topic)"
        case .eventName: "e.g. purchased"
        case .eventData, .deviceAttributes, .relationshipAttributes: "a JSON object, e.g. {\"sku\": \"A-1\"} (optional)"
        case .timestamp, .lastUsed: "empty: now; or 2026-11-29 09:30 (local) or Unix seconds"
        case .eventID: "a repeat with the same id is one event"
        case .anonymousID: "the visitor's anonymous id"
        case .token: "the push token"
        case .objectType: "a number: 1, 2, …"
        case .objectID: "the object's id"
        case .confirm: "the identifier shown above"
        case .secondary: "id, email or cio_… of the person merged in and deleted"
        case .segment: "the manual segment's id (Segments lists it)"
        case .call: ""
        case .anonymousId: "the visitor's anonymous id (when there is no userId)"
        case .callName: "track: the event's name (required); page and screen: the name (optional)"
        case .objectAttributes: "a JSON object; null or \"\" removes one, e.g. {\"name\": \"Acme\", \"plan\": null}"
        case .userID: "your id for the person"
        case .groupID: "the group (object) id"
        case .previousID: "the id the person had before"
        case .properties: "a JSON object (identify and group: traits; the others: properties)"
        case .batch: "[{\"type\": \"identify\", \"userId\": \"42\", \"traits\": {…}}, …]  (ctrl-e: $EDITOR not here; paste)"
        case .platform, .keep: ""
        }
    }

    /// Whether the field holds JSON (checked as it is typed).
    public var isJSON: Bool { [.eventData, .deviceAttributes, .relationshipAttributes, .properties, .batch, .objectAttributes].contains(name) }

    /// What is wrong with the field as it stands, shown under it while typing.
    public var problem: String? {
        guard isJSON else { return nil }
        if name == .batch { return trimmed.isEmpty ? nil : JSONChecker.check(text).map(\.description) }
        return JSONChecker.objectProblem(text).map(\.description)
    }
}

/// A Track write being filled in over a person or an object: the action, its fields, which one has the cursor.
public struct TrackForm: Sendable, Hashable {
    public var action: PersonAction
    public var person: TrackPerson
    /// Marked people the write is for, all of them (empty for one person: ``person``).
    public var bulk: [TrackPerson] = []
    public var fields: [TrackFormField]
    public var focus = 0
    /// An attribute edit that may create the person when nobody has the identifier (`cio track identify --create`);
    /// from a profile it never does.
    public var createsPeople = false
    /// The object an object form acts on (the one selected when it opened); nil for a new one.
    public var target: TrackObjectRef?
    /// What stops the review as the form stands (nil: ready), worked out when the form is edited (``recheck()``)
    /// rather than on every frame the form is drawn.
    public private(set) var problem: TrackProblem?
    /// Minted when the form opens: a Pipelines call's `messageId`, the same however often it is reviewed.
    public var messageID = UUID().uuidString.lowercased()

    /// Which form this is for remembering it: the action and whom it acts on (the person, every marked person, or
    /// the object), not what was typed.
    public struct Key: Sendable, Hashable {
        let action: PersonAction
        let people: [CustomerIdentifier]
        let object: TrackObjectRef?
    }

    public var key: Key {
        Key(action: action, people: bulk.isEmpty ? [person.identifier] : bulk.map(\.identifier), object: target)
    }

    public init(action: PersonAction, person: TrackPerson, fields: [TrackFormField]) {
        self.action = action
        self.person = person
        self.fields = fields
        recheck()
    }

    /// Plans it to see what stops it. For many people, one stands for all: the operation is the same for each, and
    /// the whole batch is planned when the review is asked for.
    mutating func recheck() {
        if bulk.count > 1 {
            var sample = self
            sample.bulk = [bulk[0]]  // its own check runs as it is set
            problem = sample.problem
        } else if case .failure(let problem) = plan {
            self.problem = problem
        } else {
            problem = nil
        }
    }

    /// The value of a field by name (empty when the form has no such field).
    func value(_ name: TrackFormField.Name) -> String {
        fields.first { $0.name == name }?.trimmed ?? ""
    }

    /// Changes the focused field's text (a choice field ignores typing).
    mutating func edit(_ change: (inout TextInputState) -> Void) {
        guard fields.indices.contains(focus), fields[focus].choices == nil else { return }
        change(&fields[focus].input)
        recheck()
    }

    /// Enter on a choice field: its next value.
    mutating func cycle() {
        guard fields.indices.contains(focus), let choices = fields[focus].choices, !choices.isEmpty else { return }
        let index = choices.firstIndex(of: fields[focus].text) ?? -1
        fields[focus].input = TextInputState(text: choices[(index + 1) % choices.count])
        recheck()
    }

    mutating func move(by step: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + step + fields.count) % fields.count
    }

    /// The write, or the first thing that stops it (shown under the form as it is typed).
    public var plan: Result<PlannedWrite, TrackProblem> {
        Result { try PersonAction.plan(self) }.mapError { error in
            (error as? TrackProblem) ?? TrackProblem("form", "\(error)")
        }
    }
}

extension TrackForm {
    /// A form for `action` with its fields filled from `values`: how `cio track` builds the same write the app does.
    public static func filled(_ action: PersonAction, person: TrackPerson, bulk: [TrackPerson] = [], values: [TrackFormField.Name: String]) -> TrackForm {
        var form = TrackForm(action: action, person: person, fields: action.fields(person))
        form.bulk = bulk
        for index in form.fields.indices {
            if let value = values[form.fields[index].name] { form.fields[index].input = TextInputState(text: value) }
        }
        form.recheck()
        return form
    }

    /// A typed identifier: `id:…`, `email:…` and `cio_id:…` say which; otherwise one with an @ is an email, one
    /// starting `cio_` a cio_id, anything else an id.
    public static func identifier(parsing text: String) throws -> CustomerIdentifier {
        try PersonRemoval.identifier(text, field: "person")
    }
}
