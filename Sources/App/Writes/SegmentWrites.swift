import CustomerIO
import Foundation
import TerminalUI

/// Manual segments: create, delete, add the person shown, remove a member — each one a planned write that goes
/// through the review screen.
enum SegmentWrites {
    /// The person whose profile is open, with what the profile knows of them.
    static func personShown(_ state: AppState) -> PersonPrefill? {
        if case .members = state.route, let row = state.currentList.selectedRow {
            guard let ids = row.item?.person else { return nil }
            let person = PersonPrefill(id: ids.id, email: ids.email, cioID: ids.cioID, unsubscribed: row.number(PeopleCells.subscribedColumn) == 0)
            return person.id == nil && person.email == nil && person.cioID == nil ? nil : person
        }
        guard case .detail(.customers, _) = state.route, let detail = state.details[state.route] else { return nil }
        if let person = detail.person { return person }
        // Before the profile has loaded: who the row says it is.
        let ids = detail.row.item?.person
        var person = PersonPrefill(id: ids?.id, email: ids?.email, cioID: ids?.cioID)
        // A profile opened from a reference has no row yet: its key says who it is.
        if person.id == nil, person.email == nil, person.cioID == nil, let key = detail.row.key.person {
            switch key.type {
            case .id: person.id = key.value
            case .email: person.email = key.value
            case .cioID: person.cioID = key.value
            case .phone: break
            }
        }
        return person.id == nil && person.email == nil && person.cioID == nil ? nil : person
    }

    /// The manual segment that `D` would delete: the one open, or the one selected on the list.
    static func deletable(_ state: AppState) -> (id: Int, name: String)? {
        let row: ListRow? = switch state.route {
        case .list(.segments): state.currentList.selectedRow
        case .detail(.segments, _): state.details[state.route]?.row
        default: nil
        }
        guard let segment = row?.item?.segment, segment.kind == .manual else { return nil }
        return (segment.id, segment.name ?? "#\(segment.id)")
    }

    /// A segment the app has loaded, typed: from the Segments list, or opened on its own.
    static func knownSegment(_ id: RowKey, _ state: AppState) -> Segment? {
        (state.lists[.segments]?.loadedRows.first { $0.key == id } ?? state.details[.detail(.segments, key: id)]?.row)?.item?.segment
    }

    static func deleteUnavailableReason(_ state: AppState) -> String {
        switch state.route {
        case .list(.segments), .detail(.segments, _): "only manual segments can be deleted here"
        default: "only on a segment"
        }
    }

    /// The member `-` would remove: the selected person of a manual segment's member list, or the person shown from
    /// the manual segment selected in their profile's Segments.
    static func removal(_ state: AppState) -> (segment: Int, name: String, person: String, idType: IDType)? {
        if case .detail(.customers, _) = state.route {
            guard let line = state.selectedLine, case .detail(.segments, let key)? = line.link,
                  let segment = knownSegment(key, state), segment.kind == .manual, let person = personShown(state) else { return nil }
            let (value, type) = identifier(person)
            return (segment.id, segment.name ?? line.key, value, type)
        }
        guard case .members(let key) = state.route, let segment = knownSegment(key, state), segment.kind == .manual,
              let member = state.currentList.selectedRow?.item?.person else { return nil }
        let name = segment.name ?? "#\(segment.id)"
        if let id = member.id { return (segment.id, name, id, .id) }
        if let email = member.email { return (segment.id, name, email, .email) }
        if let cioID = member.cioID { return (segment.id, name, cioID, .cioID) }
        return nil
    }

    static func removeUnavailableReason(_ state: AppState) -> String {
        switch state.route {
        case .members: "only members of a manual segment can be removed"
        case .detail(.customers, _): "select one of their manual segments (under Segments) first"
        default: "open a manual segment's members (m), or a person's profile, first"
        }
    }

    // MARK: Commands

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .createSegment:
            state.mode = .naming(TextInputState())
        case .deleteSegment:
            guard let segment = deletable(state) else { return [] }
            var write = PlannedWrite(kind: .deleteSegment(id: segment.id), request: AppAPIClient.deleteSegmentRequest(id: segment.id), title: "Delete a manual segment")
            write.summary = ["Segment \(segment.name) (#\(segment.id))", "Its people stay; only the segment goes. This cannot be undone."]
            return ReviewUpdate.request(write, &state)
        case .addToSegment:
            guard let person = personShown(state) else { return [] }
            guard state.session.hasTrackCredentials else {
                state.flash = Flash.make(.warn, trackMissing, now: state.now)
                return []
            }
            // The identifier travels with its type: a cio_id-only person must be sent as cio_id, never guessed again.
            let (value, idType) = identifier(person)
            let purpose = ChoiceState.Purpose.addToSegment(personID: value, idType: idType, personLabel: person.email ?? value)
            state.mode = .choosing(ChoiceState(title: "Add \(person.email ?? value) to which manual segment?", purpose: purpose))
            return [.loadManualSegments]
        case .removeFromSegment:
            guard let removal = removal(state) else { return [] }
            guard state.session.hasTrackCredentials else {
                state.flash = Flash.make(.warn, trackMissing, now: state.now)
                return []
            }
            guard let request = planned({ try AppAPIClient.membershipRequests(segment: removal.segment, change: .remove, people: [removal.person], idType: removal.idType).first }, &state) else { return [] }
            var write = PlannedWrite(kind: .removeMembers(segment: removal.segment), request: request, title: "Remove a person from a manual segment")
            write.summary = ["\(removal.idType.rawValue) \(removal.person)", "From \(removal.name) (#\(removal.segment)), through the Track API"]
            write.reach = 1
            return ReviewUpdate.request(write, &state)
        default:
            break
        }
        return []
    }

    /// The request `make` builds, or nil with the reason it could not be built said in the status bar: a write that
    /// cannot be built is refused out loud, never dropped without a word.
    static func planned(_ make: () throws -> APIRequest?, _ state: inout AppState) -> APIRequest? {
        do {
            if let request = try make() { return request }
            state.flash = Flash.make(.warn, "Refused: there is nothing to send", now: state.now)
        } catch {
            state.flash = Flash.make(.warn, "Refused: \(error)", now: state.now)
        }
        return nil
    }

    static let trackMissing = "Segment membership goes through the Track API: set site_id and a Track API key in the profile, or CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY"

    /// The identifier a membership change sends: the id when known, else the email.
    static func identifier(_ person: PersonPrefill) -> (String, IDType) {
        if let id = person.id { return (id, .id) }
        if let email = person.email { return (email, .email) }
        return (person.cioID ?? "", .cioID)
    }

    /// Enter on the name prompt of `N`.
    static func planCreate(name: String, _ state: inout AppState) -> [Effect] {
        guard !name.isEmpty else {
            state.flash = Flash.make(.warn, "A segment needs a name", now: state.now)
            return []
        }
        guard let request = planned({ try AppAPIClient.createSegmentRequest(name: name) }, &state) else { return [] }
        var write = PlannedWrite(kind: .createSegment(name: name), request: request, title: "Create a manual segment")
        write.summary = ["Name: \(name)", "It starts empty; add people from their profiles (+)."]
        state.mode = .browsing
        return ReviewUpdate.request(write, &state)
    }

    /// Keys on the segment chooser: type to narrow, ↑ ↓ to move, Enter to choose, Esc to close.
    static func prompt(_ command: Command, _ state: inout AppState) -> [Effect] {
        if let change = PromptUpdate.change(for: command) { return PromptUpdate.edit(&state, change) }
        guard case .choosing(var choice) = state.mode else { return [] }
        switch command {
        case .inputCancel:
            state.mode = .browsing
        case .inputHistoryPrevious, .inputHistoryNext:
            choice.selected = max(0, min(choice.shown.count - 1, choice.selected + (command == .inputHistoryPrevious ? -1 : 1)))
            state.mode = .choosing(choice)
        case .inputSubmit:
            guard choice.shown.indices.contains(choice.selected) else { return [] }
            let option = choice.shown[choice.selected]
            if case .personAction(let person, let bulk) = choice.purpose, let action = PersonAction(rawValue: option.value) {
                return TrackFormUpdate.chose(action, for: person, bulk: bulk, &state)
            }
            guard let segment = Int(option.value) else { return [] }
            switch choice.purpose {
            case .addToSegment(let person, let idType, let label):
                guard let request = planned({ try AppAPIClient.membershipRequests(segment: segment, change: .add, people: [person], idType: idType).first }, &state) else { return [] }
                var write = PlannedWrite(kind: .addMembers(segment: segment), request: request, title: "Add a person to a manual segment")
                write.summary = ["\(idType.rawValue) \(person)" + (label == person ? "" : " (\(label))"), "To \(option.label), through the Track API"]
                write.reach = 1
                state.mode = .browsing
                return ReviewUpdate.request(write, &state)
            case .personAction:
                return []
            }
        default:
            break
        }
        return []
    }
}
