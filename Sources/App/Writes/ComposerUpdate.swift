import CustomerIO
import Foundation
import TerminalUI

/// The reducer's part for the composer: its menu, its form, typing and picking, and what comes back from its
/// effects. The review screen it leads to is ``ReviewUpdate``'s.
enum ComposerUpdate {
    // MARK: Opening

    /// `c`: a new email to the person on screen, or the menu of new kinds and saved drafts.
    static func open(_ state: inout AppState) -> [Effect] {
        let person = SegmentWrites.personShown(state)
        var composer = ComposerState(person: person)
        if let person {
            composer.draft = ComposeDraft.to(person: person, kind: .email)
            composer.focus = ComposeField.fields(for: composer.draft!).firstIndex(of: .template) ?? 0
        }
        state.mode = .composing(composer)
        return [.loadDrafts]
    }

    // MARK: Composer keys

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        if case .reviewing = state.mode { return ReviewUpdate.run(command, &state) }
        guard case .composing(var composer) = state.mode else { return [] }
        var effects: [Effect] = []
        defer { if case .composing = state.mode { state.mode = .composing(composer) } }
        switch command {
        case .composerUp, .composerDown:
            let delta = command == .composerUp ? -1 : 1
            if composer.draft == nil {
                composer.menuSelection = max(0, min(composer.menuCount - 1, composer.menuSelection + delta))
            } else {
                composer.focus = max(0, min(composer.fields.count - 1, composer.focus + delta))
            }
        case .composerEdit:
            guard composer.draft != nil else {
                openFromMenu(&composer)
                return []
            }
            effects += edit(&composer)
        case .composerExternalEdit:
            guard let draft = composer.draft, let field = composer.focusedField else { return [] }
            switch field.editor {
            case .text, .json: effects.append(.editExternally(field, text: draft.editableText(of: field)))
            default: state.flash = Flash.make(.warn, "\(field.label) is not edited as text", now: state.now)
            }
        case .composerReview:
            guard let draft = composer.draft else { return [] }
            composer.problems = []
            state.flash = Flash.make(.info, "Checking the draft…", now: state.now)
            effects.append(.planWrite(draft, ticket: ReviewUpdate.ticket(for: .draft(draft), &state)))
        case .composerDeleteDraft:
            let index = composer.menuSelection - ComposeDraft.Kind.allCases.count
            guard composer.draft == nil, composer.drafts.indices.contains(index) else {
                state.flash = Flash.make(.warn, "Select a saved draft on the composer's menu to delete it", now: state.now)
                return []
            }
            let removed = composer.drafts.remove(at: index)
            composer.menuSelection = min(composer.menuSelection, composer.menuCount - 1)
            state.flash = Flash.make(.info, "Draft deleted: \(removed.summary)", now: state.now)
            effects.append(.deleteDraft(id: removed.id))
        case .composerClose:
            if let draft = composer.draft {
                // Back to the menu, where the draft now shows among the saved ones (if it was ever changed).
                if draft.isEdited || composer.drafts.contains(where: { $0.id == draft.id }) {
                    composer.drafts.removeAll { $0.id == draft.id }
                    composer.drafts.insert(draft, at: 0)
                }
                composer.draft = nil
                composer.problems = []
                composer.menuSelection = 0
            } else {
                state.mode = .browsing
            }
        default:
            break
        }
        return effects
    }

    private static func openFromMenu(_ composer: inout ComposerState) {
        let kinds = ComposeDraft.Kind.allCases
        if kinds.indices.contains(composer.menuSelection) {
            let kind = kinds[composer.menuSelection]
            composer.draft = composer.person.map { ComposeDraft.to(person: $0, kind: kind) } ?? ComposeDraft(kind: kind)
        } else {
            let index = composer.menuSelection - kinds.count
            guard composer.drafts.indices.contains(index) else { return }
            composer.draft = composer.drafts[index]
        }
        composer.focus = 1
        composer.problems = []
    }

    /// Enter on a field: type into it, open its list, or step it to its next value.
    private static func edit(_ composer: inout ComposerState) -> [Effect] {
        guard var draft = composer.draft, let field = composer.focusedField else { return [] }
        switch field.editor {
        case .text, .json:
            var input = TextInputState()
            input.insert(draft.editableText(of: field))
            composer.valueBeforeEditing = draft.editableText(of: field)
            composer.editing = input
            return []
        case .cycle, .toggle:
            let before = draft
            draft.advance(field)
            if field == .kind { followChannel(&draft, from: before, person: composer.person) }
            draft.markEdited()
            composer.draft = draft
            composer.focus = min(composer.focus, composer.fields.count - 1)
            return [.saveDraft(draft)]
        case .templatePicker, .broadcastPicker:
            composer.picker = ComposerState.Picker(field: field)
            return [.loadPickerOptions(field, kind: draft.kind)]
        }
    }

    /// A channel change moves the recipient with it: the person's phone for SMS, their last used device for push,
    /// their email for email. A recipient that was the old channel's default, or does not fit the new channel, is
    /// replaced (emptied when the person has no such address), so an email address never rides along to an SMS.
    static func followChannel(_ draft: inout ComposeDraft, from before: ComposeDraft, person: PersonPrefill?) {
        guard let channel = TransactionalMessage.Channel(rawValue: draft.kind.rawValue) else { return }
        let to = draft.to.trimmingCharacters(in: .whitespaces)
        let wasDefault = person.map { to == ComposeDraft.recipient(of: $0, kind: before.kind) } ?? false
        guard to.isEmpty || wasDefault || TransactionalMessage.recipientMisfit(to, channel: channel) != nil else { return }
        draft.to = person.map { ComposeDraft.recipient(of: $0, kind: draft.kind) } ?? ""
    }

    // MARK: Typing in a field or a picker

    /// An edit to the field being typed into (saved at once) or to the picker's filter.
    static func edit(_ state: inout AppState, _ change: (inout TextInputState) -> Void) -> [Effect] {
        guard case .composing(var composer) = state.mode else { return [] }
        defer { state.mode = .composing(composer) }
        if var picker = composer.picker {
            change(&picker.input)
            picker.selected = 0
            composer.picker = picker
            return []
        }
        guard var input = composer.editing, var draft = composer.draft, let field = composer.focusedField else { return [] }
        change(&input)
        composer.editing = input
        draft.set(field, to: input.text)
        draft.markEdited()
        composer.draft = draft
        return [.saveDraft(draft)]
    }

    /// Enter (`submit`), Esc (`cancel`), Tab (`next`) or ↑ ↓ while typing or picking.
    static func prompt(_ command: Command, _ state: inout AppState) -> [Effect] {
        if let change = PromptUpdate.change(for: command) { return edit(&state, change) }
        guard case .composing(var composer) = state.mode else { return [] }
        defer { state.mode = .composing(composer) }
        if var picker = composer.picker {
            switch command {
            case .inputHistoryPrevious, .inputHistoryNext:
                let count = picker.shown.count
                picker.selected = max(0, min(count - 1, picker.selected + (command == .inputHistoryPrevious ? -1 : 1)))
                composer.picker = picker
            case .inputSubmit:
                guard var draft = composer.draft, picker.shown.indices.contains(picker.selected) else { return [] }
                let option = picker.shown[picker.selected]
                draft.set(picker.field, to: option.value)
                if picker.field == .template { draft.templateName = option.value.isEmpty ? "" : option.name }
                if picker.field == .broadcast { draft.broadcastName = option.name }
                draft.markEdited()
                composer.draft = draft
                composer.picker = nil
                composer.focus = min(composer.focus + 1, composer.fields.count - 1)
                return [.saveDraft(draft)]
            case .inputCancel:
                composer.picker = nil
            default:
                break
            }
            return []
        }
        guard composer.editing != nil, var draft = composer.draft, let field = composer.focusedField else { return [] }
        switch command {
        case .inputSubmit, .inputComplete:
            composer.editing = nil
            if command == .inputComplete { composer.focus = min(composer.focus + 1, composer.fields.count - 1) }
            return []
        case .inputCancel:
            draft.set(field, to: composer.valueBeforeEditing)
            composer.draft = draft
            composer.editing = nil
            return [.saveDraft(draft)]
        default:
            return []
        }
    }

    // MARK: Results of effects

    static func apply(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .draftsLoaded(let drafts):
            guard case .composing(var composer) = state.mode else { return [] }
            composer.drafts = drafts
            state.mode = .composing(composer)
        case .pickerOptions(let field, let options):
            guard case .composing(var composer) = state.mode, composer.picker?.field == field else { return [] }
            composer.picker?.options = options
            state.mode = .composing(composer)
        case .choiceOptions(let options):
            guard case .choosing(var choice) = state.mode else { return [] }
            choice.options = options
            state.mode = .choosing(choice)
        case .writePlanned(let write, let ticket):
            ReviewUpdate.planned(write, ticket: ticket, &state)
        case .writeRefused(let problems, let ticket):
            // Said only while the user is still on the draft that was checked.
            guard let pending = ReviewUpdate.claim(ticket, &state), ReviewUpdate.isStill(at: pending.origin, state),
                  case .composing(var composer) = state.mode else { return [] }
            composer.problems = problems
            state.mode = .composing(composer)
            state.flash = Flash.make(.error, "Not ready: \(problems.first ?? "")", now: state.now)
        case .writeFinished(let outcome):
            return ReviewUpdate.finished(outcome, &state)
        case .externalEditFinished(let field, let result):
            guard case .composing(var composer) = state.mode, var draft = composer.draft else { return [] }
            switch result {
            case .success(let text):
                // Editors end files with a newline; a one-line field does not want it.
                let value = field.isLong ? text : text.trimmingCharacters(in: .newlines)
                draft.set(field, to: value.hasSuffix("\n") ? String(value.dropLast()) : value)
                draft.markEdited()
                composer.draft = draft
                state.mode = .composing(composer)
                return [.saveDraft(draft)]
            case .failure(let failure):
                state.flash = Flash.make(.error, failure.description, now: state.now)
            }
        case .writeReport(let lines):
            return ReviewUpdate.followed(lines, done: true, &state)
        case .writeProgress(let text):
            guard case .reviewing(var review) = state.mode, review.stage == .sending else { return [] }
            review.progress = text
            state.mode = .reviewing(review)
        case .triggerStatus(let lines, let done):
            return ReviewUpdate.followed(lines, done: done, &state)
        default:
            break
        }
        return []
    }
}
