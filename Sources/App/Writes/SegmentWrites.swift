import CustomerIO
import Foundation
import TerminalUI

/// Manual segments: create, delete, add the person shown, remove a member — each one a planned write that goes
/// through the review screen.
enum SegmentWrites {
    /// The person whose profile is open, with what the profile knows of them.
    static func personShown(_ state: AppState) -> PersonPrefill? {
        if case .members = state.route, let row = state.currentList.selectedRow {
            func cell(_ index: Int) -> String? { row.cells.indices.contains(index) && row.cells[index] != "—" ? row.cells[index] : nil }
            let person = PersonPrefill(id: cell(0), email: cell(1), cioID: cell(2), unsubscribed: cell(5) == "no")
            return person.id == nil && person.email == nil && person.cioID == nil ? nil : person
        }
        guard case .detail(.customers, _) = state.route, let detail = state.details[state.route] else { return nil }
        if let person = detail.person { return person }
        let cells = detail.row.cells
        func cell(_ index: Int) -> String? {
            guard cells.indices.contains(index) else { return nil }
            let value = cells[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value == "—" || value == "…" ? nil : value
        }
        var person = PersonPrefill(id: cell(0), email: cell(1), cioID: cell(2))
        if case .loaded(let attributes)? = detail.sections[DetailSections.attributes] {
            func attribute(_ key: String) -> String? { attributes.first { $0.key == key }.map(\.value).flatMap { $0.isEmpty || $0 == "—" ? nil : $0 } }
            person.phone = attribute("phone")
            person.email = person.email ?? attribute("email")
            person.id = person.id ?? attribute("id")
            person.unsubscribed = attribute("unsubscribed") == "true"
        }
        // A profile opened from a reference has no row cells yet: its key says who it is.
        if person.id == nil, person.email == nil, person.cioID == nil {
            let key = PersonKey.parse(detail.row.key)
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
        guard let row, let id = Int(row.key), row.cells.count > 2, row.cells[2] == "manual" else { return nil }
        return (id, row.cells[1])
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
            guard let line = state.selectedLine, case .detail(.segments, let key)? = line.link, let id = Int(key),
                  line.value.hasSuffix("· manual"), let person = personShown(state) else { return nil }
            let (value, type) = identifier(person)
            return (id, line.key, value, type)
        }
        guard case .members(let segment) = state.route, let id = Int(segment),
              let row = state.lists[.segments]?.loadedRows.first(where: { $0.key == segment }) ?? state.details[.detail(.segments, key: segment)]?.row,
              row.cells.count > 2, row.cells[2] == "manual",
              let member = state.currentList.selectedRow else { return nil }
        if member.cells.first.map({ $0 != "—" }) == true { return (id, row.cells[1], member.cells[0], .id) }
        if member.cells.count > 1, member.cells[1] != "—" { return (id, row.cells[1], member.cells[1], .email) }
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
            guard let request = try? AppAPIClient.membershipRequests(segment: removal.segment, change: .remove, people: [removal.person], idType: removal.idType).first else { return [] }
            var write = PlannedWrite(kind: .removeMembers(segment: removal.segment), request: request, title: "Remove a person from a manual segment")
            write.summary = ["\(removal.idType.rawValue) \(removal.person)", "From \(removal.name) (#\(removal.segment)), through the Track API"]
            write.reach = 1
            return ReviewUpdate.request(write, &state)
        default:
            break
        }
        return []
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
        guard let request = try? AppAPIClient.createSegmentRequest(name: name) else { return [] }
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
            guard choice.shown.indices.contains(choice.selected), let segment = Int(choice.shown[choice.selected].value) else { return [] }
            let option = choice.shown[choice.selected]
            switch choice.purpose {
            case .addToSegment(let person, let idType, let label):
                guard let request = try? AppAPIClient.membershipRequests(segment: segment, change: .add, people: [person], idType: idType).first else { return [] }
                var write = PlannedWrite(kind: .addMembers(segment: segment), request: request, title: "Add a person to a manual segment")
                write.summary = ["\(idType.rawValue) \(person)" + (label == person ? "" : " (\(label))"), "To \(option.label), through the Track API"]
                write.reach = 1
                state.mode = .browsing
                return ReviewUpdate.request(write, &state)
            }
        default:
            break
        }
        return []
    }
}
