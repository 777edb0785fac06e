import TerminalUI
import Workspace

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
        if case .key = action { ReviewUpdate.forgetIfMovedOn(&state) }
        switch action {
        case .key, .resize, .listLoaded, .listPage, .membersLoaded:
            effects += lazyCells(&state)
            effects += nextPage(&state)
        default:
            break
        }
        return effects
    }

    /// Asks for the lazily loaded cells of the rows now on screen that nobody has asked for yet.
    static func lazyCells(_ state: inout AppState) -> [Effect] {
        if let people = peopleCells(&state) { return people }
        guard case .list(let pane) = state.route, !pane.definition.lazyColumns.isEmpty else { return [] }
        let onScreen = state.currentList.keysOnScreen(visibleRows: Layout.tableRows(state.size))
        let keys = onScreen.filter { !state.requestedCells.contains("\(pane.rawValue)/\($0)") }
        guard !keys.isEmpty else { return [] }
        for key in keys { state.requestedCells.insert("\(pane.rawValue)/\(key)") }
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
        let scope: String
        switch state.route {
        case .list(.customers): scope = "customers"
        case .members(let segment): scope = "members/\(segment)"
        default: return nil
        }
        // Only the rows on screen are looked at: this runs on every key, over lists of up to 100,000 people.
        let people = state.currentList.rowsOnScreen(visibleRows: Layout.tableRows(state.size))
            .compactMap { row in row.item?.person?.id.map { PersonRef(key: row.key, id: $0) } }
            .filter { !state.requestedCells.contains("\(scope)/\($0.key)") }
        guard !people.isEmpty else { return [] }
        for person in people { state.requestedCells.insert("\(scope)/\(person.key)") }
        return [.loadPeopleCells(people, refresh: state.cellsToRefresh.remove(.customers) != nil)]
    }

    /// Asks for the next page of a paged list (a segment's members, a Customers query) when the selection comes
    /// within a page of the end of what has loaded.
    static func nextPage(_ state: inout AppState) -> [Effect] {
        guard state.currentList.wantsNextPage(visibleRows: Layout.tableRows(state.size)), let start = state.currentList.next else { return [] }
        let effect: Effect
        switch state.route {
        case .members(let segment): effect = .loadMembers(segment: segment, start: start, refresh: false)
        case .list(let pane):
            effect = .loadMore(pane, query: listQuery(pane, state), start: start)
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
            return pollExports(&state) + ReviewUpdate.poll(&state)
        case .terminate:
            state.shouldQuit = true
            return []
        case .listLoaded, .listFailed, .listPage, .listPageFailed, .membersLoaded, .membersFailed, .cellLoaded,
             .sectionLoaded, .sectionFailed, .itemLoaded, .profileLoaded, .itemFailed:
            return LoadUpdate.apply(action, &state)
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
        case .draftsLoaded, .pickerOptions, .choiceOptions, .writePlanned, .writeRefused, .writeFinished, .triggerStatus, .externalEditFinished:
            return ComposerUpdate.apply(action, &state)
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
            if scope == .review, case .character(let character) = key { ReviewUpdate.typeDigit(character, &state) }
            return []
        }
        if let reason = binding.unavailableReason(in: state) {
            // The title up to its first explanation, so the reason fits on the status bar.
            let name = binding.title.split(separator: ":", maxSplits: 1)[0].components(separatedBy: " (")[0]
            state.flash = Flash.make(.warn, "\(name): \(reason)", now: state.now)
            return []
        }
        return run(binding.command, key: key, &state)
    }

    /// Runs a command, whether it came from a key or the palette.
    static func run(_ command: Command, key: Key?, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.shouldQuit = true
        case .compose:
            return ComposerUpdate.open(&state)
        case .composerUp, .composerDown, .composerEdit, .composerExternalEdit, .composerReview, .composerClose, .composerDeleteDraft,
             .reviewSend, .reviewEdit, .reviewPostpone, .reviewAbort, .reviewUp, .reviewDown, .reviewOpenOutcome, .reviewErase:
            return ComposerUpdate.run(command, &state)
        case .createSegment, .deleteSegment, .addToSegment, .removeFromSegment:
            return SegmentWrites.run(command, &state)
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
            return refreshAll(&state)
        case .cacheStats:
            return [.loadCacheStats]
        case .metricsWindow, .metricsKind:
            return FilterCommands.metrics(command, &state)
        case .pane(let pane, let command):
            return pane.definition.run(command, &state)
        case .downloadExport, .closeHelp, .dialogCancel, .dialogNext, .dialogPrevious, .dialogPress, .archivedBody, .startExport:
            return DialogCommands.run(command, &state)
        case .members, .nextPane, .previousPane, .showPane:
            return switchView(command, &state)
        case .open:
            return open(&state)
        case .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .filter, .find, .sortNext, .sortReverse, .copy:
            return ListCommands.run(command, &state)
        case .inputCancel, .inputSubmit, .inputComplete, .inputHistoryPrevious, .inputHistoryNext, .inputDeleteWord,
             .inputDeleteLine, .inputLeft, .inputRight, .inputHome, .inputEnd, .inputBackspace, .inputDelete:
            return PromptUpdate.run(command, &state)
        }
        return []
    }

    /// `R`: everything else reloads when next shown; what is on screen reloads now.
    private static func refreshAll(_ state: inout AppState) -> [Effect] {
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

    /// A segment's members, or another pane.
    private static func switchView(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .members:
            let segment: String? = switch state.route {
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

    static func editInput(_ state: inout AppState, _ edit: (inout TextInputState) -> Void) -> [Effect] {
        PromptUpdate.edit(&state, edit)
    }

    private static func back(key: Key?, _ state: inout AppState) -> [Effect] {
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

    private static func keepSelectionVisible(_ state: inout AppState) {
        let page = Layout.tableRows(state.size)
        for pane in Array(state.lists.keys) {
            guard var list = state.lists[pane] else { continue }
            list.table.select(list.table.selectedRow, rowCount: list.visible.count, visibleRows: page)
            state.lists[pane] = list
        }
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        if case .detail = state.route {
            guard let line = state.selectedLine, let link = line.link else { return [] }
            return follow(link, source: line.messagesSource, &state)
        }
        guard state.isOnList, let row = state.currentList.selectedRow else { return [] }
        // A member opens as a person, under Customers.
        let pane: PaneKind = if case .members = state.route { .customers } else { state.pane }
        let route = Route.detail(pane, key: row.key)
        var detail = state.details[route] ?? DetailPaneState(row: row, pane: pane)
        detail.row = row
        detail.isLoadingItem = false
        state.details[route] = detail
        state.navigation.push(route)
        return ensureLoaded(&state)
    }

    /// Opens a reference: an item not necessarily in any loaded list, so it may load first.
    static func follow(_ link: Route, source: DeliverySource? = nil, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch link {
        case .list(.messages) where source != nil:
            state.messagesQuery = MessagesQuery(source: source)
            state.lists[.messages] = ListPaneState()
            state.navigation.switchTo(.messages)
            state.flash = Flash.make(.info, "Messages: \(state.messagesQuery.summary)", now: state.now)
            return ensureLoaded(&state)
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
            }
        }
        state.navigation.push(link)
        return effects + ensureLoaded(&state)
    }

    /// Runs what a confirmation dialog held back, once the user chose to go ahead.
    /// Seconds between reloads of the Exports list while an export on it is still being built.
    static let exportsPollInterval = 2.0

    /// After the Exports list loads: if an export on it is still running, reload it again shortly.
    static func scheduleExportsPoll(_ state: inout AppState) {
        let running = state.lists[.exports]?.loadedRows.contains { $0.item?.export?.isRunning == true } ?? false
        state.exportsPollAt = running ? state.now + exportsPollInterval : nil
    }

    /// Reloads the Exports list when its poll is due and it is on screen; elsewhere it waits until shown again.
    static func pollExports(_ state: inout AppState) -> [Effect] {
        guard let due = state.exportsPollAt, state.now >= due, state.pane == .exports else { return [] }
        state.exportsPollAt = nil
        let previous = state.lists[.exports]?.rows.value
        state.lists[.exports]?.rows = .loading(previous: previous)
        return [.loadList(.exports, refresh: true, query: nil)]
    }

    /// Keeps a detail's selection on a line that exists after its lines changed.
    static func clampDetailSelection(_ state: inout AppState, _ route: Route) {
        guard var detail = state.details[route] else { return }
        let count = detail.lines(spinner: "").count
        detail.detail.select(detail.detail.selectedRow, rowCount: count, visibleRows: Layout.detailRows(state.size))
        state.details[route] = detail
    }

    /// The query a pane's list is loaded with: the email on Customers, the filters on Messages.
    static func listQuery(_ pane: PaneKind, _ state: AppState) -> ListQuery? {
        pane.definition.query(state)
    }

    /// Loads what the current route shows if it has not been loaded yet.
    /// Asks for the Segments list when nothing of it is loaded or loading (typed segments: which are manual).
    private static func segmentsListLoaded(_ state: inout AppState) -> [Effect] {
        guard case .idle = state.lists[.segments]?.rows ?? .idle else { return [] }
        state.lists[.segments, default: ListPaneState()].rows = .loading(previous: nil)
        return [.loadList(.segments, refresh: false, query: nil)]
    }

    /// A pane that lists nothing until it is asked something (Customers before a search) has nothing to load.
    private static func waitsForQuery(_ pane: PaneKind, _ state: AppState) -> Bool {
        pane.definition.needsQuery && listQuery(pane, state).map { $0.key.isEmpty } != false
    }

    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
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
            state.requestedCells = state.requestedCells.filter { !$0.hasPrefix("members/\(segment)/") }
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

    private static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .list(let pane):
            if waitsForQuery(pane, state) { return [] }
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
            state.requestedCells = state.requestedCells.filter { !$0.hasPrefix("members/\(segment)/") }
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
