import TerminalUI

/// The reducer's part for answers to loads: lists, pages, members, lazy cells, an item's sections and fields.
enum LoadUpdate {
    static func apply(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .listLoaded, .listFailed, .listPage, .listPageFailed, .membersLoaded, .membersFailed, .cellLoaded: listAnswer(action, &state)
        default: detailAnswer(action, &state)
        }
    }

    /// Answers for a list: applied only while the pane still shows the query (or metrics window) they answer.
    private static func listAnswer(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .listLoaded(let pane, let rows, let query):
            // The store has it cached either way; the screen takes it only if it still answers what is asked there.
            guard query == AppUpdate.listQuery(pane, state) else { return [] }
            state.lists[pane, default: ListPaneState()].setRows(rows, visibleRows: Layout.tableRows(state.size), keepingColumns: pane.definition.lazyColumns)
            (pane.definition as? any FollowsProgress.Type)?.schedulePoll(&state)
            return []
        case .listFailed(let pane, let message, let query):
            guard query == AppUpdate.listQuery(pane, state) else { return [] }
            state.lists[pane, default: ListPaneState()].rows = .failed(message, previous: state.lists[pane]?.rows.value)
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .listPage(let pane, let query, let rows, let next, let appended, let generation):
            // A page for a search or filter the user has since replaced is dropped, and so is a later page of a
            // loading the list has since started over from (after a write, `r`).
            guard query == AppUpdate.listQuery(pane, state), !appended || generation == state.lists[pane]?.generation else { return [] }
            state.lists[pane, default: ListPaneState()].receivePage(rows, next: next, appended: appended, visibleRows: Layout.tableRows(state.size))
            (pane.definition as? any FollowsProgress.Type)?.schedulePoll(&state)
            return AppUpdate.nextPage(&state)
        case .listPageFailed(let pane, let query, let message):
            guard query == AppUpdate.listQuery(pane, state) else { return [] }
            state.lists[pane]?.pageFailed()
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .membersLoaded(let segment, let rows, let next, let appended, let generation):
            guard !appended || generation == state.members[segment]?.generation else { return [] }
            state.members[segment, default: ListPaneState()].receivePage(rows, next: next, appended: appended, visibleRows: Layout.tableRows(state.size))
            return AppUpdate.nextPage(&state)
        case .membersFailed(let segment, let message):
            state.members[segment]?.isLoadingMore = false
            if state.members[segment]?.loadedRows.isEmpty ?? true {
                state.members[segment]?.rows = .failed(message, previous: nil)
            }
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .cellLoaded(let pane, let key, let column, let cell, let metrics):
            // A figure for the window the user has since left would sit under the new window's title.
            if PaneKind.withMetrics.contains(pane), let metrics, metrics != state.metricsView { return [] }
            state.lists[pane]?.updateCell(key: key, column: column, to: cell)
            // People appear in segment member lists too.
            if pane == .customers {
                for segment in Array(state.members.keys) { state.members[segment]?.updateCell(key: key, column: column, to: cell) }
                for list in PaneKind.listingPeople where list != pane { state.lists[list]?.updateCell(key: key, column: column, to: cell) }
                // And in a profile opened from that row before its cells came.
                for route in Array(state.details.keys) where state.details[route]?.row.key == key {
                    state.details[route]?.row.setCell(column, to: cell)
                }
            }
            return []
        default:
            return []
        }
    }

    /// Answers for an opened item: its sections, its own fields, a person's profile.
    private static func detailAnswer(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .sectionLoaded(let route, let name, let lines, let metrics):
            if isStale(name, metrics, state) { return [] }
            state.details[route]?.sections[name] = .loaded(lines)
            AppUpdate.clampDetailSelection(&state, route)
            return []
        case .sectionFailed(let route, let name, let message, let metrics):
            if isStale(name, metrics, state) { return [] }
            state.details[route]?.sections[name] = .failed(message, previous: nil)
            // A profile asked for ahead of Enter (or left behind) fails quietly; it says so when it is shown.
            if state.route == route { state.flash = Flash.make(.error, "\(name.title): \(message)", now: state.now) }
            return []
        case .itemLoaded(let route, let row):
            state.details[route]?.row = row
            state.details[route]?.isLoadingItem = false
            return []
        case .profileLoaded(let route, let profile):
            guard state.details[route] != nil else { return [] }
            state.details[route]?.person = PersonPrefill(profile: profile)
            state.details[route]?.profile = profile
            for (column, value) in zip(CustomersPane.lazyColumns, PeopleCells.values(profile)) {
                state.details[route]?.row.setCell(column, to: value)
            }
            return []
        case .reachabilityLoaded(let route, let reachability):
            state.details[route]?.reachability = reachability
            return []
        case .itemFailed(let route, let message):
            state.details[route]?.isLoadingItem = false
            guard case .detail(_, let key) = route else { return [] }
            state.details[route]?.row = ListRow(key: key, cells: [], detail: [DetailLine(key: "Error", value: message + "  (r retries)")])
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        default:
            return []
        }
    }

    /// A metrics section loaded for a window or metric the user has since changed.
    private static func isStale(_ section: SectionID, _ metrics: MetricsView?, _ state: AppState) -> Bool {
        guard let metrics, section.followsMetrics else { return false }
        return metrics != state.metricsView
    }
}
