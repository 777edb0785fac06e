import CustomerIO
import Foundation
import TerminalUI

/// The reducer's part for the composer and the review screen: keys, edits, and what comes back from effects.
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
        if case .reviewing(var review) = state.mode { return runReview(command, &review, &state) }
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
            effects.append(.planWrite(draft))
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
            draft.advance(field)
            draft.markEdited()
            composer.draft = draft
            composer.focus = min(composer.focus, composer.fields.count - 1)
            return [.saveDraft(draft)]
        case .templatePicker, .broadcastPicker:
            composer.picker = ComposerState.Picker(field: field)
            return [.loadPickerOptions(field)]
        }
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

    // MARK: Review

    private static func runReview(_ command: Command, _ review: inout ReviewState, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        defer { if case .reviewing = state.mode { state.mode = .reviewing(review) } }
        switch (command, review.stage) {
        case (.reviewSend, .reviewing), (.reviewOpenOutcome, .reviewing):
            if state.session.isReadOnly {
                state.flash = Flash.make(.warn, "read-only: writes are refused", now: state.now)
                return []
            }
            if let count = review.write.confirmCount, review.typedCount.text != String(count) {
                state.flash = Flash.make(.warn, "Type \(count) to confirm a send to that many people", now: state.now)
                return []
            }
            review.stage = .sending
            effects.append(.performWrite(review.write))
        case (.reviewEdit, .reviewing):
            guard var composer = review.composer else { return [] }
            composer.problems = []
            state.mode = .composing(composer)
        case (.reviewPostpone, .reviewing):
            state.mode = .browsing
            state.flash = Flash.make(.info, review.composer == nil ? "Not sent." : "Postponed: the draft waits in the composer (c).", now: state.now)
        case (.reviewAbort, .reviewing):
            state.mode = .browsing
            state.flash = Flash.make(.info, review.composer == nil ? "Not sent." : "Not sent. The draft stays in the composer (c).", now: state.now)
        case (.reviewAbort, .finished), (.reviewPostpone, .finished):
            state.mode = .browsing
        case (.reviewOpenOutcome, .finished(.done(_, let link?))):
            state.mode = .browsing
            return AppUpdate.follow(link, &state)
        case (.reviewSend, .sending), (.reviewAbort, .sending):
            state.flash = Flash.make(.warn, "Sending… wait for the answer; it is never sent twice", now: state.now)
        case (.reviewUp, _):
            review.scroll = max(0, review.scroll - 1)
        case (.reviewDown, _):
            review.scroll += 1
        case (.reviewErase, .reviewing):
            review.typedCount.backspace()
        default:
            break
        }
        return effects
    }

    /// A digit typed on the review screen, toward the audience count it asks for.
    static func typeDigit(_ character: Character, _ state: inout AppState) {
        guard case .reviewing(var review) = state.mode, review.stage == .reviewing, review.write.confirmCount != nil, character.isNumber else { return }
        review.typedCount.insert(String(character))
        state.mode = .reviewing(review)
    }

    /// Opens the review of a write, with the workspace it will reach spelled out.
    static func review(_ write: PlannedWrite, composer: ComposerState?, _ state: inout AppState) {
        var write = write
        write.warnings.append(state.session.isDemo
            ? "Demo workspace: this goes to the sandbox on this machine, not to real people."
            : "Real workspace: profile \(state.session.profile) (\(state.session.region)). This reaches real people.")
        state.mode = .reviewing(ReviewState(write: write, composer: composer))
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
        case .writePlanned(let write):
            switch state.mode {
            case .composing(let composer): review(write, composer: composer, &state)
            case .browsing: review(write, composer: nil, &state)
            default: break
            }
            state.flash = nil
        case .writeRefused(let problems):
            if case .composing(var composer) = state.mode {
                composer.problems = problems
                state.mode = .composing(composer)
            }
            state.flash = Flash.make(.error, "Not ready: \(problems.first ?? "")", now: state.now)
        case .writeFinished(let outcome):
            return finished(outcome, &state)
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
        case .triggerStatus(let lines, let done):
            guard case .reviewing(var review) = state.mode else { return [] }
            review.followUp = lines
            review.pollAt = done ? nil : state.now + 2
            if done { review.polling = nil }
            state.mode = .reviewing(review)
        default:
            break
        }
        return []
    }

    private static func finished(_ outcome: WriteOutcome, _ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode else { return [] }
        review.stage = .finished(outcome)
        var effects: [Effect] = []
        switch outcome {
        case .done(let id, _):
            state.flash = Flash.make(.info, "Done: \(id)", now: state.now)
            if case .trigger = review.write.kind { state.lastTriggerAt = state.now }
            if let draft = review.write.draftID { effects.append(.deleteDraft(id: draft)) }
            if case .trigger(let broadcast) = review.write.kind, let trigger = Int(id) {
                review.polling = TriggerRef(broadcastID: broadcast, triggerID: trigger)
                effects.append(.pollTrigger(broadcastID: broadcast, triggerID: trigger))
            }
        case .failed(let message):
            state.flash = Flash.make(.error, message, now: state.now)
        case .unknown(let message):
            state.flash = Flash.make(.error, "Outcome unknown — check Messages before sending again", now: state.now)
            // The draft remembers, so a later review of it warns before a second send.
            if var draft = review.composer?.draft {
                draft.unknownOutcome = message
                review.composer?.draft = draft
                effects.append(.saveDraft(draft))
            }
        }
        state.mode = .reviewing(review)
        // What the write touched is stale now: lists and sections reload when next shown.
        if case .done = outcome {
            // The effect emptied the cache before reporting, so what reloads behind the outcome is fresh.
            forgetWhatWritesTouch(&state)
            effects += AppUpdate.ensureLoaded(&state)
        }
        return effects
    }

    private static func forgetWhatWritesTouch(_ state: inout AppState) {
        for pane in Array(state.lists.keys) where pane != .customers { state.lists[pane]?.rows = .idle }
        state.members = [:]
        for route in Array(state.details.keys) { state.details[route]?.sections = [:] }
        state.requestedCells = []
        state.prefetched = []
    }

    /// Seconds until the API takes another trigger, when a trigger is waiting for its turn.
    static func triggerCountdown(_ state: AppState) -> Int? {
        guard case .reviewing(let review) = state.mode, review.stage == .sending, case .trigger = review.write.kind,
              let last = state.lastTriggerAt else { return nil }
        let left = Int((last + 10 - state.now).rounded(.up))
        return left > 0 ? left : nil
    }

    /// On each tick: ask for a followed trigger's status when it is time.
    static func poll(_ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode, let trigger = review.polling, let at = review.pollAt, state.now >= at else { return [] }
        review.pollAt = nil
        state.mode = .reviewing(review)
        return [.pollTrigger(broadcastID: trigger.broadcastID, triggerID: trigger.triggerID)]
    }
}
