import Keys
import TerminalUI
import Workspace

/// The reducer's part for moving around: panes, a segment's members, opening an item or a reference, back.
extension AppUpdate {
    /// A segment's members, or another pane.
    static func switchView(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .members:
            let segment: RowKey? = switch state.route {
            case .detail(.segments, let key): key
            case .list(.segments): state.currentList.selectedRow?.key
            default: nil
            }
            guard let segment else { return [] }
            state.navigation.push(.members(segment: segment))
            return ensureLoaded(&state)
        case .nextPane, .previousPane:
            let all = PaneKind.tabs
            let index = all.firstIndex(of: state.pane) ?? 0
            let next = (index + (command == .nextPane ? 1 : all.count - 1)) % all.count
            state.navigation.switchTo(all[next])
            return ensureLoaded(&state)
        case .showPane(let pane):
            state.navigation.switchTo(pane)
            return ensureLoaded(&state)
        default:
            return []
        }
    }

    static func back(key: Key?, _ state: inout AppState) -> [Effect] {
        if ChartSteps.release(&state) { return [] }
        if case .detail = state.route, state.details[state.route]?.filter.isEmpty == false {
            state.setFilter("")
            return []
        }
        if state.navigation.pop() { return ensureLoaded(&state) }
        if !state.currentList.filter.isEmpty {
            state.currentList.setFilter("", visibleRows: Layout.tableRows(state.size))
            return []
        }
        // On a pane's list `q` leaves the app; Esc there does nothing, so a stray Esc never quits.
        if let key, key != .escape { state.shouldQuit = true }
        return []
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let page = Layout.tableRows(state.size)
        for pane in Array(state.lists.keys) {
            guard var list = state.lists[pane] else { continue }
            list.table.select(list.table.selectedRow, rowCount: list.visible.count, visibleRows: page)
            state.lists[pane] = list
        }
    }

    static func open(_ state: inout AppState) -> [Effect] {
        if case .detail = state.route {
            guard let line = state.selectedLine, let link = line.link else { return [] }
            return follow(link, messages: ChartSteps.messages(for: line, state), &state)
        }
        guard state.isOnList, let row = state.currentList.selectedRow else { return [] }
        // A member opens as a person, under Customers.
        let pane: PaneKind = if case .members = state.route { .customers } else { state.pane.definition.opensAs }
        let route = Route.detail(pane, key: row.key)
        var detail = state.details[route] ?? DetailPaneState(row: row, pane: pane)
        detail.row = row
        detail.isLoadingItem = false
        state.details[route] = detail
        state.navigation.push(route)
        CustomersPane.remember(route, &state)
        return ensureLoaded(&state)
    }

    /// Opens a reference: an item not necessarily in any loaded list, so it may load first.
    static func follow(_ link: Route, messages: MessagesQuery? = nil, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch link {
        case .list(.messages) where messages != nil:
            state.navigation.switchTo(.messages)
            return MessagesPane.show(messages ?? MessagesQuery(), &state)
        case .list(let pane):
            state.navigation.switchTo(pane)
            return ensureLoaded(&state)
        case .members:
            break
        case .detail(let pane, let key):
            if state.details[link] == nil {
                let known = state.lists[pane]?.loadedRows.first { $0.key == key }
                state.details[link] = known.map { DetailPaneState(row: $0, pane: pane) } ?? .placeholder(key: key, pane: pane)
                if known == nil { effects.append(.loadItem(link, refresh: false)) }
            } else if let detail = state.details[link], detail.isLoadingItem, detail.row.cells.isEmpty {
                // Sections asked for ahead (a profile with the lookup) without the item itself: it loads now.
                effects.append(.loadItem(link, refresh: false))
            }
        }
        state.navigation.push(link)
        CustomersPane.remember(link, &state)
        return effects + ensureLoaded(&state)
    }

    /// Keeps a detail's selection on a line that exists after its lines changed.
    static func clampDetailSelection(_ state: inout AppState, _ route: Route) {
        guard var detail = state.details[route] else { return }
        let count = detail.lines(spinner: "").count
        detail.detail.select(detail.detail.selectedRow, rowCount: count, visibleRows: Layout.detailRows(state.size))
        state.details[route] = detail
    }
}
