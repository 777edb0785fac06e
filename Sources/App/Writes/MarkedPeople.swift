import CustomerIO
import Foundation
import TerminalUI

/// Marks on lists: space toggles the row selected and `*` marks every row shown (or clears the marks). Segments are
/// marked for their overlap (two or three); people — on Customers, a segment's members, an overlap region — for a
/// write to all of them at once (`a`).
enum MarkedPeople {
    /// Whether the list shown lists people: a pane that does (`ListsPeople`), or a segment's members.
    static func isPeopleList(_ state: AppState) -> Bool {
        switch state.route {
        case .members: true
        case .list(let pane): PaneKind.listingPeople.contains(pane)
        case .detail: false
        }
    }

    static func toggle(_ state: inout AppState) -> [Effect] {
        if case .list(.segments) = state.route { return OverlapPane.run(.mark, &state) }
        guard isPeopleList(state), let row = state.currentList.selectedRow, row.item?.person != nil else { return [] }
        var list = state.currentList
        if let index = list.marked.firstIndex(of: row.key) { list.marked.remove(at: index) } else { list.marked.append(row.key) }
        state.currentList = list
        say(list.marked.count, &state)
        return ListCommands.run(.down, &state)
    }

    /// `*`: every row shown marked, or — when they all are — none.
    static func markAll(_ state: inout AppState) -> [Effect] {
        guard isPeopleList(state) else { return [] }
        var list = state.currentList
        let shown = list.visible.map { list.loadedRows[$0].key }
        let already = Set(list.marked)
        if !shown.isEmpty, shown.allSatisfy(already.contains) {
            list.marked = []
        } else {
            list.marked += shown.filter { !already.contains($0) }
        }
        state.currentList = list
        say(list.marked.count, &state)
        return []
    }

    private static func say(_ count: Int, _ state: inout AppState) {
        let text = count == 0 ? "No one marked" : "\(count) marked: a acts on all of them (reviewed first)"
        state.flash = Flash.make(.info, text, now: state.now)
    }

    /// The marked people of the list shown, in the order marked, by the identifier each write sends.
    static func people(_ state: AppState) -> [TrackPerson] {
        guard isPeopleList(state) else { return [] }
        let list = state.currentList
        guard !list.marked.isEmpty else { return [] }
        var rows: [RowKey: CustomerIdentifiers] = [:]
        let wanted = Set(list.marked)
        for row in list.loadedRows where wanted.contains(row.key) {
            if let person = row.item?.person { rows[row.key] = person }
        }
        return list.marked.compactMap { key in
            guard let ids = rows[key], let identifier = CustomerIdentifier(preferring: ids.id, email: ids.email, cioID: ids.cioID) else { return nil }
            return TrackPerson(identifier: identifier, label: ids.email ?? identifier.value)
        }
    }
}
