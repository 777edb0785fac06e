import TerminalUI

/// The reducer's part for what a list shows: the metrics window and metric of the sparklines, and the Messages
/// filters.
enum FilterCommands {
    /// `w` / `v`: the next window or metric; every metric cell, and an open item's metric sections, load again.
    static func metrics(_ command: Command, _ state: inout AppState) -> [Effect] {
        var view = state.metricsView
        if command == .metricsWindow {
            let windows = MetricsView.windows
            view.days = windows[((windows.firstIndex(of: view.days) ?? 0) + 1) % windows.count]
        } else {
            let metrics = MetricsView.metrics
            view.metric = metrics[((metrics.firstIndex(of: view.metric) ?? 0) + 1) % metrics.count]
        }
        state.metricsView = view
        state.prefetched.subtract(PaneKind.withMetrics)
        // The metric cells load again for the new view (the key handling that follows asks for them).
        for pane in PaneKind.withMetrics {
            state.requestedCells = state.requestedCells.filter { !$0.hasPrefix("\(pane.rawValue)/") }
            for row in state.lists[pane]?.loadedRows ?? [] {
                for column in PaneColumns.lazyColumns(for: pane) {
                    state.lists[pane]?.resetCell(key: row.key, column: column)
                }
            }
        }
        let shown = PaneKind.withMetrics.contains(state.pane) ? state.pane : .campaigns
        state.flash = Flash.make(.info, "Metrics: \(view.title(for: shown).lowercased())", now: state.now)
        // An open item's metric sections follow the new window.
        if case .detail(let pane, _) = state.route, PaneKind.withMetrics.contains(pane), var detail = state.details[state.route] {
            for name in detail.sectionOrder where DetailSections.followMetrics.contains(name) { detail.sections[name] = .idle }
            state.details[state.route] = detail
            return AppUpdate.ensureLoaded(&state)
        }
        return []
    }

    /// `t` / `e` / `w` on Messages: the next type, furthest state or window, loaded afresh.
    static func messages(_ command: Command, _ state: inout AppState) -> [Effect] {
        var query = state.messagesQuery
        switch command {
        case .messagesType: query.type = MessagesQuery.next(query.type, in: MessagesQuery.types)
        case .messagesMetric: query.metric = MessagesQuery.next(query.metric, in: MessagesQuery.metrics)
        default: query.days = MessagesQuery.next(query.days, in: MessagesQuery.windows)
        }
        state.messagesQuery = query
        // A fresh list: the old filter's rows and its next-page cursor must not carry over.
        state.lists[.messages] = ListPaneState()
        state.lists[.messages]?.rows = .loading(previous: nil)
        state.flash = Flash.make(.info, "Messages: \(query.summary)", now: state.now)
        return [.loadList(.messages, refresh: false, query: query.text)]
    }
}
