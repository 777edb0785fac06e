import TerminalUI

/// The reducer: every change to the app's state happens here, as a pure function of the state and an action.
public enum AppUpdate {
    /// The work to do when the app opens: load the first pane.
    public static func start(_ state: inout AppState) -> [Effect] {
        let effects = ensureLoaded(&state)
        if state.flash == nil, let problem = state.keymap.problems.first {
            state.flash = Flash.make(.warn, problem, now: state.now)
        }
        if state.session.isDemo, state.flash == nil {
            state.flash = Flash.make(.info, "Demo workspace: made-up data on this machine; nothing leaves it.", now: state.now)
        }
        return effects
    }

    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects = apply(&state, action)
        switch action {
        case .key, .resize, .listLoaded:
            effects += lazyCells(&state)
            effects += nextPage(&state)
        default:
            break
        }
        return effects
    }

    /// Asks for the lazily loaded cells of the rows now on screen that nobody has asked for yet.
    static func lazyCells(_ state: inout AppState) -> [Effect] {
        guard case .list(let pane) = state.route, !PaneColumns.lazyColumns(for: pane).isEmpty else { return [] }
        let keys = state.currentList.keysOnScreen(visibleRows: Layout.tableRows(state.size))
            .filter { !state.requestedCells.contains("\(pane.rawValue)/\($0)") }
        guard !keys.isEmpty else { return [] }
        for key in keys { state.requestedCells.insert("\(pane.rawValue)/\(key)") }
        let refresh = state.cellsToRefresh.remove(pane) != nil
        return [.loadCells(pane, keys: keys, refresh: refresh, metrics: state.metricsView)]
    }

    /// Asks for the next page of a paged list (a segment's members, a Customers query) when the selection comes
    /// within a page of the end of what has loaded.
    static func nextPage(_ state: inout AppState) -> [Effect] {
        guard state.currentList.wantsNextPage(visibleRows: Layout.tableRows(state.size)), let start = state.currentList.next else { return [] }
        let effect: Effect
        switch state.route {
        case .members(let segment): effect = .loadMembers(segment: segment, start: start, refresh: false)
        case .list(.customers): effect = .loadMoreCustomers(query: state.customerQuery, start: start)
        default: return []
        }
        state.currentList.isLoadingMore = true
        return [effect]
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .resize(let size):
            state.size = size
            keepSelectionVisible(&state)
            return []
        case .tick(let now):
            state.now = now
            if state.isBusy { state.spinnerFrame += 1 }
            if let flash = state.flash, flash.isExpired(at: now) { state.flash = nil }
            return []
        case .terminate:
            state.shouldQuit = true
            return []
        case .listLoaded(let pane, let rows):
            state.lists[pane, default: ListPaneState()].setRows(rows, visibleRows: Layout.tableRows(state.size), keepingColumns: PaneColumns.lazyColumns(for: pane))
            return []
        case .listFailed(let pane, let message):
            state.lists[pane, default: ListPaneState()].rows = .failed(message, previous: state.lists[pane]?.rows.value)
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .customersPage(let query, let rows, let next, let appended):
            // A page for a search the user has since replaced is dropped.
            guard query == state.customerQuery else { return [] }
            state.lists[.customers, default: ListPaneState()].receivePage(rows, next: next, appended: appended, visibleRows: Layout.tableRows(state.size))
            return nextPage(&state)
        case .membersLoaded(let segment, let rows, let next, let appended):
            state.members[segment, default: ListPaneState()].receivePage(rows, next: next, appended: appended, visibleRows: Layout.tableRows(state.size))
            return nextPage(&state)
        case .membersFailed(let segment, let message):
            state.members[segment]?.isLoadingMore = false
            if state.members[segment]?.loadedRows.isEmpty ?? true {
                state.members[segment]?.rows = .failed(message, previous: nil)
            }
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .cellLoaded(let pane, let key, let column, let value):
            state.lists[pane]?.updateCell(key: key, column: column, value: value)
            return []
        case .extraLoaded(let route, let name, let value):
            state.details[route]?.extras[name] = .loaded(value)
            return []
        case .extraFailed(let route, let name, let message):
            state.details[route]?.extras[name] = .failed(message, previous: nil)
            state.flash = Flash.make(.error, message, now: state.now)
            return []
        case .themeLoaded(let theme, let warning):
            state.theme = theme
            state.flash = warning.map { Flash.make(.warn, $0, now: state.now) } ?? Flash.make(.info, "Theme: \(theme.name)", now: state.now)
            return []
        case .effectFinished:
            state.inFlight = max(0, state.inFlight - 1)
            return []
        case .rateBudget(let used, let limit):
            state.rateUsed = used
            state.rateLimit = limit
            return []
        case .cacheStats(let rows):
            state.mode = .info(title: "Cache — Esc to close", rows: rows)
            return []
        case .notify(let level, let text):
            state.flash = Flash.make(level, text, now: state.now)
            return []
        }
    }

    // MARK: Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.keymap.binding(id: "quit")?.keys.contains(key) == true {
            state.shouldQuit = true
            return []
        }
        let scope = state.mode.scope
        guard let binding = state.keymap.binding(for: key, scope: scope, pane: state.pane) else {
            if scope == .input, case .character(let character) = key {
                return editInput(&state) { $0.insert(String(character)) }
            }
            return []
        }
        if let reason = binding.unavailableReason(in: state) {
            state.flash = Flash.make(.warn, "\(binding.title): \(reason)", now: state.now)
            return []
        }
        return run(binding.command, key: key, &state)
    }

    /// Runs a command, whether it came from a key or the palette.
    static func run(_ command: Command, key: Key?, _ state: inout AppState) -> [Effect] {
        let page = max(1, Layout.tableRows(state.size))
        switch command {
        case .quit:
            state.shouldQuit = true
        case .help:
            state.mode = .help(scroll: 0)
        case .palette:
            var palette = CommandPaletteState()
            palette.input.history = state.paletteHistory
            state.mode = .palette(palette)
        case .back:
            return back(key: key, &state)
        case .historyBack:
            state.navigation.back()
            return ensureLoaded(&state)
        case .historyForward:
            state.navigation.forward()
            return ensureLoaded(&state)
        case .refresh:
            return refresh(&state)
        case .refreshAll:
            // Everything else reloads when next shown; what is on screen reloads now.
            for pane in Array(state.lists.keys) where pane != state.pane {
                state.lists[pane]?.rows = .idle
            }
            for route in Array(state.details.keys) where route != state.route {
                state.details[route]?.extras = [:]
            }
            state.flash = Flash.make(.info, "Cache cleared; reloading", now: state.now)
            state.requestedCells = []
            state.cellsToRefresh = Set(PaneKind.allCases)
            return [.invalidateCache(prefix: "")] + refresh(&state)
        case .cacheStats:
            return [.loadCacheStats]
        case .metricsWindow, .metricsKind:
            var view = state.metricsView
            if command == .metricsWindow {
                let windows = MetricsView.windows
                view.days = windows[((windows.firstIndex(of: view.days) ?? 0) + 1) % windows.count]
            } else {
                let metrics = MetricsView.metrics
                view.metric = metrics[((metrics.firstIndex(of: view.metric) ?? 0) + 1) % metrics.count]
            }
            state.metricsView = view
            // The metric cells load again for the new view (the key handling that follows asks for them).
            for pane in [PaneKind.campaigns, .broadcasts, .transactional] {
                state.requestedCells = state.requestedCells.filter { !$0.hasPrefix("\(pane.rawValue)/") }
                for row in state.lists[pane]?.loadedRows ?? [] {
                    for column in PaneColumns.lazyColumns(for: pane) {
                        state.lists[pane]?.updateCell(key: row.key, column: column, value: "…")
                    }
                }
            }
            state.flash = Flash.make(.info, "Metrics: \(view.title.lowercased())", now: state.now)
        case .messagesType, .messagesMetric, .messagesWindow:
            var query = state.messagesQuery
            switch command {
            case .messagesType: query.type = MessagesQuery.next(query.type, in: MessagesQuery.types)
            case .messagesMetric: query.metric = MessagesQuery.next(query.metric, in: MessagesQuery.metrics)
            default: query.days = MessagesQuery.next(query.days, in: MessagesQuery.windows)
            }
            state.messagesQuery = query
            state.lists[.messages, default: ListPaneState()].rows = .loading(previous: nil)
            state.flash = Flash.make(.info, "Messages: \(query.summary)", now: state.now)
            return [.loadList(.messages, refresh: false, query: query.text)]
        case .downloadExport:
            guard let row = state.selectedExport else { return [] }
            var input = TextInputState()
            input.insert("cio-export-\(row.key).csv")
            state.mode = .saving(exportID: row.key, input: input)
        case .members:
            let segment: String? = switch state.route {
            case .detail(.segments, let key): key
            case .list(.segments): state.currentList.selectedRow?.key
            default: nil
            }
            guard let segment else { return [] }
            state.navigation.push(.members(segment: segment))
            return ensureLoaded(&state)
        case .copy:
            guard let value = state.selectedValue else { return [] }
            state.flash = Flash.make(.info, "Copied \(Canvas.fit(value, width: 40))", now: state.now)
            return [.copyToClipboard(value)]
        case .nextPane, .previousPane:
            let all = PaneKind.allCases
            let index = all.firstIndex(of: state.pane) ?? 0
            let next = (index + (command == .nextPane ? 1 : all.count - 1)) % all.count
            state.navigation.switchTo(all[next])
            return ensureLoaded(&state)
        case .showPane(let pane):
            state.navigation.switchTo(pane)
            return ensureLoaded(&state)
        case .up: move(&state, by: -1)
        case .down: move(&state, by: 1)
        case .pageUp: move(&state, by: -page)
        case .pageDown: move(&state, by: page)
        case .halfPageUp: move(&state, by: -max(1, page / 2))
        case .halfPageDown: move(&state, by: max(1, page / 2))
        case .top: move(&state, by: -Int.max / 2)
        case .bottom: move(&state, by: Int.max / 2)
        case .open:
            return open(&state)
        case .filter:
            state.mode = .filtering(input(text: state.currentList.filter, history: state.filterHistory))
        case .find:
            state.mode = .finding(input(text: state.customerQuery, history: state.filterHistory))
        case .sortNext:
            let columns = state.currentColumns.count
            guard columns > 0 else { return [] }
            let next = ((state.currentList.table.sortColumn ?? -1) + 1) % columns
            state.currentList.sort(by: next, visibleRows: page)
        case .sortReverse:
            let column = state.currentList.table.sortColumn ?? 0
            if state.currentList.table.sortColumn == nil {
                state.currentList.sort(by: column, visibleRows: page)
            }
            state.currentList.sort(by: column, visibleRows: page)
        case .closeHelp:
            state.mode = .browsing
        case .inputCancel, .inputSubmit, .inputComplete, .inputHistoryPrevious, .inputHistoryNext, .inputDeleteWord,
             .inputDeleteLine, .inputLeft, .inputRight, .inputHome, .inputEnd, .inputBackspace, .inputDelete:
            return PromptUpdate.run(command, &state)
        }
        return []
    }

    private static func input(text: String, history: [String]) -> TextInputState {
        var input = TextInputState()
        input.history = history
        input.insert(text)
        return input
    }

    static func editInput(_ state: inout AppState, _ edit: (inout TextInputState) -> Void) -> [Effect] {
        PromptUpdate.edit(&state, edit)
    }

    private static func back(key: Key?, _ state: inout AppState) -> [Effect] {
        if state.navigation.pop() { return ensureLoaded(&state) }
        if !state.currentList.filter.isEmpty {
            state.currentList.setFilter("", visibleRows: Layout.tableRows(state.size))
            return []
        }
        // On a pane's list `q` leaves the app; Esc there does nothing, so a stray Esc never quits.
        if let key, key != .escape { state.shouldQuit = true }
        return []
    }

    private static func move(_ state: inout AppState, by delta: Int) {
        let page = Layout.tableRows(state.size)
        switch (state.mode, state.route) {
        case (.info, _):
            break
        case (.help(let scroll), _):
            let limit = HelpOverlayView.maxScrollOffset(sections: HelpContent.sections(for: state), in: Rect(state.size))
            state.mode = .help(scroll: min(limit, max(0, scroll + max(-1000, min(1000, delta)))))
        case (_, .list), (_, .members):
            let count = state.currentList.visible.count
            state.currentList.table.moveSelection(by: delta, rowCount: count, visibleRows: page)
        case (_, .detail):
            guard var detail = state.details[state.route] else { return }
            let count = detail.rows(spinner: "").count
            detail.detail.moveSelection(by: max(-count, min(count, delta)), rowCount: count, visibleRows: Layout.detailRows(state.size))
            state.details[state.route] = detail
        }
    }

    private static func keepSelectionVisible(_ state: inout AppState) {
        let page = Layout.tableRows(state.size)
        for pane in Array(state.lists.keys) {
            guard var list = state.lists[pane] else { continue }
            list.table.select(list.table.selectedRow, rowCount: list.visible.count, visibleRows: page)
            state.lists[pane] = list
        }
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        guard state.isOnList, let row = state.currentList.selectedRow else { return [] }
        // A member opens as a person, under Customers.
        let pane: PaneKind = if case .members = state.route { .customers } else { state.pane }
        let route = Route.detail(pane, key: row.key)
        var detail = state.details[route] ?? DetailPaneState(row: row)
        detail.row = row
        detail.extraOrder = PaneColumns.extras(for: pane)
        state.details[route] = detail
        state.navigation.push(route)
        return ensureLoaded(&state)
    }

    /// The query a pane's list is loaded with: the email on Customers, the filters on Messages.
    static func listQuery(_ pane: PaneKind, _ state: AppState) -> String? {
        switch pane {
        case .customers: state.customerQuery
        case .messages: state.messagesQuery.text
        default: nil
        }
    }

    /// Loads what the current route shows if it has not been loaded yet.
    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
            guard case .idle = state.currentList.rows, pane != .customers || !state.customerQuery.isEmpty else { return [] }
            state.lists[pane, default: ListPaneState()].rows = .loading(previous: nil)
            return [.loadList(pane, refresh: false, query: listQuery(pane, state))]
        case .members(let segment):
            guard state.members[segment] == nil else { return [] }
            var members = ListPaneState()
            members.rows = .loading(previous: nil)
            members.isLoadingMore = true
            state.members[segment] = members
            return [.loadMembers(segment: segment, start: nil, refresh: false)]
        case .detail:
            guard var detail = state.details[state.route] else { return [] }
            var effects: [Effect] = []
            for name in detail.extraOrder where (detail.extras[name] ?? .idle) == .idle {
                detail.extras[name] = .loading(previous: nil)
                effects.append(.loadExtra(state.route, name: name, refresh: false))
            }
            state.details[state.route] = detail
            return effects
        }
    }

    private static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
            if pane == .customers, state.customerQuery.isEmpty { return [] }
            let previous = state.currentList.rows.value
            state.lists[pane, default: ListPaneState()].rows = .loading(previous: previous)
            state.requestedCells = state.requestedCells.filter { !$0.hasPrefix("\(pane.rawValue)/") }
            state.cellsToRefresh.insert(pane)
            return [.loadList(pane, refresh: true, query: listQuery(pane, state))]
        case .members(let segment):
            var members = ListPaneState()
            members.rows = .loading(previous: state.members[segment]?.rows.value)
            members.isLoadingMore = true
            state.members[segment] = members
            return [.loadMembers(segment: segment, start: nil, refresh: true)]
        case .detail:
            guard var detail = state.details[state.route] else { return [] }
            let effects = detail.extraOrder.map { Effect.loadExtra(state.route, name: $0, refresh: true) }
            for name in detail.extraOrder { detail.extras[name] = .loading(previous: detail.extras[name]?.value) }
            state.details[state.route] = detail
            return effects
        }
    }
}
