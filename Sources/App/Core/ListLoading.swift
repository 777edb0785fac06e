import TerminalUI
import Workspace

/// The reducer's part for asking for what is on screen: a pane's list and its next page, the lazy cells of the rows
/// shown, an opened item's sections, and reloading them.
extension AppUpdate {
    /// Asks for the lazily loaded cells of the rows now on screen that nobody has asked for yet.
    static func lazyCells(_ state: inout AppState) -> [Effect] {
        if let people = peopleCells(&state) { return people }
        guard case .list(let pane) = state.route, !pane.definition.lazyColumns.isEmpty else { return [] }
        let onScreen = state.currentList.keysOnScreen(visibleRows: Layout.tableRows(state.size))
        let keys = onScreen.filter { !state.requestedCells.contains(CellRequest(list: .pane(pane), key: $0)) }
        guard !keys.isEmpty else { return [] }
        for key in keys { state.requestedCells.insert(CellRequest(list: .pane(pane), key: key)) }
        let refresh = state.cellsToRefresh.remove(pane) != nil
        var effects: [Effect] = [.loadCells(pane, keys: keys, refresh: refresh, metrics: state.metricsView)]
        // The rest of the list fills in behind, so scrolling finds the cells there already. (After a refresh the
        // rows on screen bypass the cache; the rest reload as they come into view.)
        if !refresh, !state.prefetched.contains(pane) {
            state.prefetched.insert(pane)
            let shown = Set(onScreen)
            let rest = state.currentList.loadedRows.map(\.key).filter { !shown.contains($0) }
            if !rest.isEmpty { effects.append(.prefetchCells(pane, keys: rest, metrics: state.metricsView)) }
        }
        return effects
    }

    /// People on screen (a Customers query, a segment's members) whose attributes nobody has asked for yet: one
    /// bulk request. Nil when the table shows no people.
    static func peopleCells(_ state: inout AppState) -> [Effect]? {
        let list: CellRequest.List
        switch state.route {
        case .list(let pane) where PaneKind.listingPeople.contains(pane): list = .pane(pane)
        case .members(let segment): list = .members(segment: segment)
        default: return nil
        }
        // Only the rows on screen are looked at: this runs on every key, over lists of up to 100,000 people.
        let people = state.currentList.rowsOnScreen(visibleRows: Layout.tableRows(state.size))
            .compactMap { row in row.item?.person?.id.map { PersonRef(key: row.key, id: $0) } }
            .filter { !state.requestedCells.contains(CellRequest(list: list, key: $0.key)) }
        guard !people.isEmpty else { return [] }
        for person in people { state.requestedCells.insert(CellRequest(list: list, key: person.key)) }
        return [.loadPeopleCells(people, refresh: state.cellsToRefresh.remove(.customers) != nil)]
    }

    /// Asks for the next page of a paged list (a segment's members, a Customers query) when the selection comes
    /// within a page of the end of what has loaded.
    static func nextPage(_ state: inout AppState) -> [Effect] {
        guard state.currentList.wantsNextPage(visibleRows: Layout.tableRows(state.size)), let start = state.currentList.next else { return [] }
        let effect: Effect
        switch state.route {
        // The page continues this very loading of the list: one asked for before the list reloaded is dropped.
        case .members(let segment): effect = .loadMembers(segment: segment, start: start, refresh: false, generation: state.currentList.generation)
        case .list(let pane):
            effect = .loadMore(pane, query: listQuery(pane, state), start: start, generation: state.currentList.generation)
        default: return []
        }
        state.currentList.isLoadingMore = true
        return [effect]
    }

    /// `R`: everything else reloads when next shown; what is on screen reloads now.
    static func refreshAll(_ state: inout AppState) -> [Effect] {
        for pane in Array(state.lists.keys) where pane != state.pane {
            state.lists[pane]?.rows = .idle
        }
        for route in Array(state.details.keys) where route != state.route {
            state.details[route]?.sections = [:]
        }
        state.flash = Flash.make(.info, "Cache cleared; reloading", now: state.now)
        state.requestedCells = []
        state.prefetched = []
        state.cellsToRefresh = Set(PaneKind.allCases)
        return [.invalidateCache(prefix: "")] + refresh(&state)
    }

    /// The query a pane's list is loaded with: the email on Customers, the filters on Messages.
    static func listQuery(_ pane: PaneKind, _ state: AppState) -> ListQuery? {
        pane.definition.query(state)
    }

    /// Loads what the current route shows if it has not been loaded yet.
    /// Asks for the Segments list when nothing of it is loaded or loading (typed segments: which are manual).
    static func segmentsListLoaded(_ state: inout AppState) -> [Effect] {
        guard case .idle = state.lists[.segments]?.rows ?? .idle else { return [] }
        state.lists[.segments, default: ListPaneState()].rows = .loading(previous: nil)
        return [.loadList(.segments, refresh: false, query: nil)]
    }

    /// A pane that lists nothing until it is asked something (Customers before a search) has nothing to load.
    static func waitsForQuery(_ pane: PaneKind, _ state: AppState) -> Bool {
        pane.definition.needsQuery && listQuery(pane, state).map { $0.key.isEmpty } != false
    }

    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
            if waitsForQuery(pane, state), let meanwhile = pane.definition.withoutQuery(state) {
                state.lists[pane, default: ListPaneState()].setRows(meanwhile, visibleRows: Layout.tableRows(state.size))
                return []
            }
            guard case .idle = state.currentList.rows, !waitsForQuery(pane, state) else { return [] }
            state.lists[pane, default: ListPaneState()].rows = .loading(previous: nil)
            return [.loadList(pane, refresh: false, query: listQuery(pane, state))]
        case .members(let segment):
            // The segment's own row names the breadcrumb and says whether members can be removed (manual).
            let effects = segmentsListLoaded(&state)
            guard state.members[segment] == nil else { return effects }
            var members = ListPaneState()
            members.rows = .loading(previous: nil)
            members.isLoadingMore = true
            state.members[segment] = members
            state.requestedCells.forget(.members(segment: segment))
            return effects + [.loadMembers(segment: segment, start: nil, refresh: false)]
        case .detail(let pane, _):
            guard var detail = state.details[state.route] else { return [] }
            // A person's segments are removable (`-`) when the segment is manual: the Segments list says which.
            var effects: [Effect] = pane == .customers ? segmentsListLoaded(&state) : []
            for name in detail.sectionOrder where (detail.sections[name] ?? .idle) == .idle {
                detail.sections[name] = .loading(previous: nil)
                effects.append(.loadSection(state.route, name: name, refresh: false, metrics: state.metricsView))
            }
            state.details[state.route] = detail
            return effects
        }
    }

    static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
            if waitsForQuery(pane, state) { return [] }
            let previous = state.currentList.rows.value
            state.lists[pane, default: ListPaneState()].rows = .loading(previous: previous)
            state.requestedCells.forget(.pane(pane))
            state.cellsToRefresh.insert(pane)
            return [.loadList(pane, refresh: true, query: listQuery(pane, state))]
        case .members(let segment):
            var members = ListPaneState()
            members.rows = .loading(previous: state.members[segment]?.rows.value)
            members.isLoadingMore = true
            state.members[segment] = members
            state.requestedCells.forget(.members(segment: segment))
            return [.loadMembers(segment: segment, start: nil, refresh: true)]
        case .detail:
            guard var detail = state.details[state.route] else { return [] }
            var effects = detail.sectionOrder.map { Effect.loadSection(state.route, name: $0, refresh: true, metrics: state.metricsView) }
            for name in detail.sectionOrder { detail.sections[name] = .loading(previous: detail.sections[name]?.value) }
            // An item opened from a reference (or one that failed to load) loads itself again too.
            if detail.isLoadingItem || detail.row.cells.isEmpty {
                detail.isLoadingItem = true
                effects.insert(.loadItem(state.route, refresh: true), at: 0)
            }
            state.details[state.route] = detail
            return effects
        }
    }
}
