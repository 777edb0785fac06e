import TerminalUI

/// The reducer's part for the metrics window and metric of the sparklines, on every pane that charts metrics.
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
            state.requestedCells.forget(.pane(pane))
            for row in state.lists[pane]?.loadedRows ?? [] {
                for column in pane.definition.lazyColumns {
                    state.lists[pane]?.updateCell(key: row.key, column: column, to: .loading)
                }
            }
        }
        let shown = PaneKind.withMetrics.contains(state.pane) ? state.pane : .campaigns
        state.flash = Flash.make(.info, "Metrics: \(view.title(for: shown).lowercased())", now: state.now)
        // An open item's metric sections follow the new window.
        if case .detail(let pane, _) = state.route, PaneKind.withMetrics.contains(pane), var detail = state.details[state.route] {
            for name in detail.sectionOrder where name.followsMetrics { detail.sections[name] = .idle }
            // A day picked on the old window's chart is not a day of the new one.
            detail.chartStep = nil
            state.details[state.route] = detail
            return AppUpdate.ensureLoaded(&state)
        }
        return []
    }
}
