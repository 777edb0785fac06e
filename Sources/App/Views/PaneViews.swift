import TerminalUI

/// A pane's list as a table, or what to say when there is nothing to show yet.
enum ListView {
    static func render(_ state: AppState, pane: PaneKind, into canvas: inout Canvas, in rect: Rect) {
        let theme = state.theme
        let list = state.currentList
        let rows = list.loadedRows
        let spinner = Spinner.frame(state.spinnerFrame)
        let isMembers = if case .members = state.route { true } else { false }
        let noun = isMembers ? "members" : pane.title.lowercased()
        if rows.isEmpty {
            let text: String = switch list.rows {
            case .loading: "\(spinner) Loading \(noun)…"
            case .failed(let message, _): "Could not load \(noun): \(message)  (r retries)"
            default: isMembers ? "Nobody is in this segment." : pane.definition.emptyText(query: AppUpdate.listQuery(pane, state))
            }
            let style = if case .failed = list.rows { theme[.stateBad] } else { theme[.muted] }
            // Wrapped, not cut: the empty text is often what to do next.
            let top = min(1, max(0, rect.height - 1))
            for (offset, line) in Canvas.wrap(" " + text, width: rect.width).enumerated() where top + offset < rect.height {
                canvas.put(clipping: line, x: rect.x, y: rect.y + top + offset, width: rect.width, style: style)
            }
            return
        }
        let visible = list.visible
        let table = TableView(
            columns: state.currentColumns,
            rowCount: visible.count,
            highlight: list.filter.isEmpty ? nil : list.filter,
            styles: TableStyles(header: theme[.tableHeader], row: theme[.tableRow], selected: theme[.tableSelected], match: theme[.tableMatch])
        ) { row, column in
            let shown = rows[visible[row]]
            let text = shown.cells.indices.contains(column) ? shown.cells[column] : ""
            // A marked row says so in its first cell (drawn, never stored).
            return column == 0 && !list.marked.isEmpty && list.marked.contains(shown.key) ? "● " + text : text
        }
        table.render(into: &canvas, in: rect, state: list.table)
    }
}

/// An opened item: its fields as a key/value list, the lazily loaded ones with a spinner until they arrive.
enum DetailPaneView {
    static func render(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        guard let detail = state.details[state.route] else { return }
        let spinner = Spinner.frame(state.spinnerFrame)
        let rows = detail.lines(spinner: spinner).enumerated().map { index, line in
            ChartSteps.row(line, step: detail.step(on: index))
        }
        DetailView(rows: rows, styles: DetailStyles(theme: state.theme))
            .render(into: &canvas, in: rect, state: detail.detail)
    }
}
