import TerminalUI

/// The top row: the app, the profile and region, and a tab per pane with the current one marked.
enum TopBarView {
    static func render(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let theme = state.theme
        canvas.fill(rect, with: Cell(" ", style: theme[.topBar]))
        var x = rect.x
        let label = " cio · \(state.session.profile) · \(state.session.region) "
        x += canvas.put(label, x: x, y: rect.y, style: theme[.topBar], maxWidth: rect.maxX - x)
        let tabs = tabTitles(state.pane, room: rect.maxX - x)
        for (index, pane) in PaneKind.tabs.enumerated() where x < rect.maxX {
            let style = pane == state.pane ? theme[.tabActive] : theme[.tab]
            x += canvas.put(" ", x: x, y: rect.y, style: theme[.topBar], maxWidth: rect.maxX - x)
            let tab = tabs[index]
            let room = rect.maxX - x
            guard room > 0 else { break }
            // A tab that does not fit is cut with an ellipsis, so a cut-off title never reads as a whole word.
            canvas.put(clipping: tab, x: x, y: rect.y, width: min(room, DisplayWidth.of(tab)), style: style)
            x += min(room, DisplayWidth.of(tab))
        }
    }

    /// Each tab's text: whole titles when they fit, else the current pane's whole and the others shortened to
    /// four letters, else numbers only beside the current one.
    static func tabTitles(_ current: PaneKind, room: Int) -> [String] {
        let panes = PaneKind.tabs
        let variants: [[String]] = [
            panes.enumerated().map { " \($0 + 1) \($1.title) " },
            panes.enumerated().map { " \($0 + 1) \($1 == current ? $1.title : String($1.title.prefix(4))) " },
            panes.enumerated().map { $1 == current ? " \($0 + 1) \($1.title) " : " \($0 + 1) " },
        ]
        for variant in variants where variant.reduce(0, { $0 + 1 + DisplayWidth.of($1) }) <= room { return variant }
        return variants[variants.count - 1]
    }
}

/// The second row: where you are (`Segments › VIP customers`), and on the right the filter and the row count.
enum BreadcrumbView {
    static func render(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let theme = state.theme
        canvas.fill(rect, with: Cell(" ", style: theme[.text]))
        var trail = state.navigation.stack.map { route -> String in
            switch route {
            case .list(let pane): pane.title
            case .members(let segment):
                // Named after the segment when it is known (opened from the list it always is).
                (state.lists[.segments]?.loadedRows.first { $0.key == segment }?.cells.dropFirst().first).map { "\($0) members" } ?? "Members"
            case .detail(let pane, let key): state.details[route]?.row.cells.dropFirst().first.flatMap { $0.isEmpty ? nil : $0 } ?? "\(pane.title) \(key)"
            }
        }.joined(separator: " › ")
        if state.pane == .customers, !state.customerQuery.isEmpty, state.isOnList { trail += " › \(state.customerQuery)" }
        if case .list(.messages) = state.route { trail += " › \(state.messagesQuery.summary)" }
        var right = ""
        if state.isOnList {
            let list = state.currentList
            let total = list.loadedRows.count
            right = (list.filter.isEmpty ? "\(total) rows" : "/\(list.filter)  \(list.visible.count) of \(total)") + list.pagingNote
            if list.rows.isLoading { right = "loading… " + right }
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, rect.width / 2))
        canvas.put(clipping: " " + trail, x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), style: theme[.title])
        if rightWidth > 0 {
            canvas.put(clipping: right, x: rect.maxX - rightWidth - 1, y: rect.y, width: rightWidth, style: theme[.muted])
        }
    }
}
