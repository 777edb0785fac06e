import CustomerIO
import Foundation
import TerminalUI

/// The reducer's part for acting on a person: `a` opens the menu of ``PersonAction``s, a choice opens its form (or
/// goes straight to the review when it asks for nothing), and the form plans the write the review shows.
enum TrackFormUpdate {
    /// `a` on a profile: the menu, each action with why it is unavailable.
    static func openMenu(_ state: inout AppState) -> [Effect] {
        let marked = MarkedPeople.people(state)
        guard let person = marked.first ?? personShown(state) else { return [] }
        guard state.session.hasTrackCredentials else {
            state.flash = Flash.make(.warn, trackMissing, now: state.now)
            return []
        }
        let title = marked.isEmpty ? "Act on \(person.label)" : "Act on the \(marked.count) marked"
        var choice = ChoiceState(title: "\(title) — through the Track API, always reviewed first", purpose: .personAction(person, bulk: marked))
        choice.options = PersonAction.offered(bulk: !marked.isEmpty, marked: marked.count).map { action in
            let reason = marked.isEmpty ? action.unavailableReason(person).map { "  (not now: \($0))" } ?? "" : ""
            let title = marked.isEmpty ? action.title : action.bulkTitle
            return ComposerState.Option(value: action.rawValue, label: title + reason, name: title)
        }
        state.mode = .choosing(choice)
        return []
    }

    static let trackMissing = "Acting on a person goes through the Track API: set site_id and a Track API key in the profile, or CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY"

    /// Enter on the menu: the action's form, or its review when it needs no input.
    static func chose(_ action: PersonAction, for person: TrackPerson, bulk: [TrackPerson], _ state: inout AppState) -> [Effect] {
        if bulk.isEmpty, let reason = action.unavailableReason(person) {
            state.flash = Flash.make(.warn, "\(action.title.components(separatedBy: ":")[0]): \(reason)", now: state.now)
            return []
        }
        let object = ObjectWrites.selected(state)
        var form = TrackForm(action: action, person: person, fields: action.fields(person, relationship: object ?? selectedObject(state)))
        form.bulk = bulk
        form.target = object
        if action == .merge, bulk.count == 2 {
            // The two marked: the first is this profile, the second the other, already filled in.
            form = TrackForm(action: .merge, person: bulk[0], fields: action.fields(bulk[0]))
            form.fields[0].input = TextInputState(text: "\(bulk[1].identifier.idType.rawValue):\(bulk[1].identifier.value)")
        }
        form.recheck()
        guard form.fields.isEmpty else {
            state.mode = .acting(reopened(form, &state))
            return []
        }
        state.mode = .browsing
        switch form.plan {
        case .success(let write) where !bulk.isEmpty:
            // For these very marks: a review that answers after they changed opens nothing.
            return [.checkWrite(write, ticket: ReviewUpdate.ticket(for: .marked(state.route, state.currentList.marked), &state))]
        case .success(let write): return ReviewUpdate.request(write, &state)
        case .failure(let problem):
            state.flash = Flash.make(.error, "Not ready: \(problem)", now: state.now)
            return []
        }
    }

    /// `P` or `:pipelines`: the Pipelines API test tool's form.
    static func openPipelines(_ state: inout AppState) -> [Effect] {
        guard state.session.hasPipelinesKey else {
            state.flash = Flash.make(.warn, "The Pipelines test tool needs a source's write key: set CUSTOMERIO_CDP_WRITE_KEY, or cdp_write_key in the profile", now: state.now)
            return []
        }
        let tool = TrackPerson(identifier: .id("pipelines"), label: "Pipelines API (\(state.session.cdpHost))")
        state.mode = .acting(reopened(TrackForm(action: .pipelines, person: tool, fields: PipelinesWrites.fields(for: .identify)), &state))
        return []
    }

    /// The same form as last sent when that send's outcome is unknown (what was typed, its event id or
    /// `messageId`), else `form`: typing it again would make a new request that no check could tell from a repeat.
    static func reopened(_ form: TrackForm, _ state: inout AppState) -> TrackForm {
        guard var kept = state.unsettledForms[form.key] else { return form }
        // What was typed and made stays; whom it is about is as the screen shows them now (the review's "before").
        kept.person = form.person
        kept.bulk = form.bulk
        kept.focus = 0
        kept.recheck()
        state.flash = Flash.make(.warn, "Reopened as sent: its outcome is unknown", now: state.now)
        return kept
    }

    /// Keys on an open form: typing edits the focused field, Tab / ↓ and ↑ move, Enter steps a choice or moves on
    /// (on the last field it asks for the review), ctrl-s asks for the review, Esc closes.
    static func prompt(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .acting(var form) = state.mode else { return [] }
        if let change = PromptUpdate.change(for: command) {
            form.edit(change)
            state.mode = .acting(form)
            return []
        }
        switch command {
        case .inputCancel:
            state.mode = .browsing
            state.flash = Flash.make(.info, "Closed; nothing was sent", now: state.now)
            return []
        case .inputComplete, .inputHistoryNext:
            form.move(by: 1)
        case .inputHistoryPrevious:
            form.move(by: -1)
        case .inputSubmit where form.fields.indices.contains(form.focus) && form.fields[form.focus].choices != nil:
            form.cycle()
            if form.action == .pipelines { PipelinesWrites.refit(&form) }
        case .inputSubmit where form.focus < form.fields.count - 1:
            form.move(by: 1)
        case .inputSubmit, .formReview:
            return review(form, &state)
        default:
            break
        }
        state.mode = .acting(form)
        return []
    }

    /// A character typed into the focused field.
    static func type(_ text: String, _ state: inout AppState) {
        guard case .acting(var form) = state.mode else { return }
        form.edit { $0.insert(text) }
        state.mode = .acting(form)
    }

    private static func review(_ form: TrackForm, _ state: inout AppState) -> [Effect] {
        switch form.plan {
        case .success(let write):
            return [.checkWrite(write, ticket: ReviewUpdate.ticket(for: .form(form), &state))]
        case .failure(let problem):
            state.flash = Flash.make(.error, "Not ready: \(problem)", now: state.now)
            return []
        }
    }

    // MARK: Who

    /// The person whose profile is open, with what it loaded: identifiers, attributes, devices, subscription.
    static func personShown(_ state: AppState) -> TrackPerson? {
        guard case .detail(.customers, _) = state.route, let prefill = SegmentWrites.personShown(state),
              let identifier = CustomerIdentifier(preferring: prefill.id, email: prefill.email, cioID: prefill.cioID) else { return nil }
        let profile = state.details[state.route]?.profile
        return TrackPerson(identifier: identifier, label: prefill.email ?? identifier.value, attributes: profile?.attributes,
                           devices: profile?.devices.map(\.id) ?? [], unsubscribed: prefill.unsubscribed, route: state.route)
    }

    /// The object of the relationship line selected on a profile, which relate and unrelate start from.
    static func selectedObject(_ state: AppState) -> TrackObjectRef? {
        guard case .detail(.objects, .object(let typeID, let id))? = state.selectedLine?.link else { return nil }
        return TrackObjectRef(typeID: typeID, id: id)
    }
}
