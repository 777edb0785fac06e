import TerminalUI

/// The top row: the app, the profile and region, and a tab per pane with the current one marked.
enum TopBarView {
    static func render(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        let theme = state.theme
        canvas.fill(rect, with: Cell(" ", style: theme[.topBar]))
        var x = rect.x
        let label = " cio · \(state.session.profile) · \(state.session.region) "
        x += canvas.put(label, x: x, y: rect.y, style: theme[.topBar], maxWidth: rect.maxX - x)
        let strip = TabStrip(current: state.pane, room: rect.maxX - x)
        if strip.hiddenBefore { x += canvas.put(" ‹", x: x, y: rect.y, style: theme[.muted], maxWidth: rect.maxX - x) }
        for (pane, title) in strip.tabs where x < rect.maxX {
            let style = pane == state.pane ? theme[.tabActive] : theme[.tab]
            x += canvas.put(" ", x: x, y: rect.y, style: theme[.topBar], maxWidth: rect.maxX - x)
            let room = rect.maxX - x
            guard room > 0 else { break }
            // Only when even the current tab alone is too wide is a title cut, and then with an ellipsis.
            canvas.put(clipping: title, x: x, y: rect.y, width: min(room, DisplayWidth.of(title)), style: style)
            x += min(room, DisplayWidth.of(title))
        }
        if strip.hiddenAfter { canvas.put(" ›", x: x, y: rect.y, style: theme[.muted], maxWidth: rect.maxX - x) }
    }
}

/// The tabs that fit: every title whole, scrolled so the current pane is always shown with its neighbours, and a
/// marker on the side where tabs are hidden. Shortened titles ("Segm Cust Camp") read as nothing, so none are made.
struct TabStrip {
    /// The visible tabs in order, each with its whole title (" 3 Campaigns ").
    let tabs: [(PaneKind, String)]
    /// Whether tabs are hidden to the left and to the right.
    let hiddenBefore: Bool, hiddenAfter: Bool

    init(current: PaneKind, room: Int) {
        let panes = PaneKind.tabs
        let titles = panes.enumerated().map { " \($0 + 1) \($1.title) " }
        let widths = titles.map { 1 + DisplayWidth.of($0) }
        let marker = 2
        var low = panes.firstIndex(of: current) ?? 0
        var high = low
        func fits(_ low: Int, _ high: Int) -> Bool {
            let markers = (low > 0 ? marker : 0) + (high < panes.count - 1 ? marker : 0)
            return widths[low...high].reduce(0, +) + markers <= room
        }
        // Grow right first, then left, so the strip reads from the start when the current tab is near it.
        var grew = true
        while grew {
            grew = false
            if high + 1 < panes.count, fits(low, high + 1) { high += 1; grew = true }
            if low > 0, fits(low - 1, high) { low -= 1; grew = true }
        }
        tabs = (low...high).map { (panes[$0], titles[$0]) }
        hiddenBefore = low > 0
        hiddenAfter = high < panes.count - 1
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
                SegmentWrites.knownSegment(segment, state)?.name.map { "\($0) members" } ?? "Members"
            case .detail(let pane, let key): Names.title(pane, state.details[route]?.row) ?? "\(pane.title) \(key)"
            }
        }.joined(separator: " › ")
        if case .list(let pane) = state.route, let summary = pane.definition.summary(state) {
            trail += " › \(summary)"
        }
        var right = ""
        if state.isOnList {
            let list = state.currentList
            let total = list.loadedRows.count
            right = (list.filter.isEmpty ? "\(total) row\(total == 1 ? "" : "s")" : "/\(list.filter)  \(list.visible.count) of \(total)") + list.pagingNote
            // A list opened from a figure keeps the figure beside its count, to be held against it.
            if case .list(.messages) = state.route, let figure = state.messagesQuery.figure { right += " · figure \(Format.grouped(figure.count))" }
            if list.rows.isLoading { right = "loading… " + right }
            if !list.marked.isEmpty { right = "● \(list.marked.count) marked · " + right }
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, rect.width / 2))
        // The trail is cut from the left: where you are now matters more than where you came from.
        let room = max(0, rect.width - rightWidth - 2)
        if DisplayWidth.of(trail) > room, room > 1 { trail = "…" + String(trail.suffix(room - 1)) }
        // One column kept free between the trail and the count, so the two never run together.
        canvas.put(clipping: " " + trail, x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 2), style: theme[.title])
        if rightWidth > 0 {
            canvas.put(clipping: right, x: rect.maxX - rightWidth - 1, y: rect.y, width: rightWidth, style: theme[.muted])
        }
    }
}
