import Foundation
import Styling

/// A table column: its title, how it sizes, and how its text aligns.
public struct TableColumn: Sendable, Hashable {
    /// How a column claims width.
    public enum Width: Sendable, Hashable {
        /// Exactly this many cells (less only when the table is narrower than its fixed columns).
        case fixed(Int)
        /// At least `min` cells, then a share of what is left in proportion to `weight`.
        case flexible(min: Int, weight: Int)
    }

    public enum Alignment: Sendable, Hashable { case left, right }

    public var title: String
    public var width: Width
    public var alignment: Alignment
    /// When the table is short of room, columns with a higher number give way first (0: only when even the
    /// minimums do not fit, from the right), so what identifies a row stays.
    public var dropPriority = 0
    /// A flexible column's width below which it reads badly: room is made for it by dropping columns that may give
    /// way, before it is squeezed towards its minimum.
    public var comfortable: Int?
    /// The most a flexible column takes on a wide screen; what it leaves goes to the other flexible columns.
    public var maxWidth: Int?

    public init(_ title: String, width: Width = .flexible(min: 4, weight: 1), alignment: Alignment = .left,
                dropPriority: Int = 0, comfortable: Int? = nil, maxWidth: Int? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.dropPriority = dropPriority
        self.comfortable = comfortable
        self.maxWidth = maxWidth
    }

    /// Its minimum width.
    public var minimum: Int {
        switch width {
        case .fixed(let width): max(width, 0)
        case .flexible(let minimum, _): max(minimum, 0)
        }
    }
}

/// Where the user is in a table: selection, scroll position and sort. Pure state, changed by the reducer.
public struct TableState: Sendable, Hashable {
    public var selectedRow = 0
    public var scrollOffset = 0
    public var sortColumn: Int?
    public var sortAscending = true

    public init(selectedRow: Int = 0, scrollOffset: Int = 0, sortColumn: Int? = nil, sortAscending: Bool = true) {
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls just enough to keep it on screen.
    public mutating func moveSelection(by delta: Int, rowCount: Int, visibleRows: Int) {
        select(selectedRow + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects `row` (clamped) and scrolls just enough to keep it on screen.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            selectedRow = 0
            scrollOffset = 0
            return
        }
        selectedRow = min(max(row, 0), rowCount - 1)
        let page = max(visibleRows, 1)
        if selectedRow < scrollOffset { scrollOffset = selectedRow }
        if selectedRow >= scrollOffset + page { scrollOffset = selectedRow - page + 1 }
        scrollOffset = min(max(scrollOffset, 0), max(rowCount - page, 0))
    }
}

/// Styles a table draws with; themes fill them in.
public struct TableStyles: Sendable, Hashable {
    public var header: CellStyle
    public var row: CellStyle
    public var selected: CellStyle
    public var match: CellStyle

    public init(
        header: CellStyle = CellStyle(attributes: .bold),
        row: CellStyle = .plain,
        selected: CellStyle = CellStyle(attributes: .reverse),
        match: CellStyle = CellStyle(attributes: [.bold, .underline])
    ) {
        self.header = header
        self.row = row
        self.selected = selected
        self.match = match
    }
}

/// Draws a header and the visible rows of a table of any length: cells are asked for only for rows on screen,
/// so a frame costs the same for 100 rows or 100,000.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The text of one cell; called only for visible rows.
    public var cell: (_ row: Int, _ column: Int) -> String
    /// Text to highlight inside cells (the incremental filter), matched without regard to case.
    public var highlight: String?
    public var styles: TableStyles

    public init(columns: [TableColumn], rowCount: Int, highlight: String? = nil, styles: TableStyles = TableStyles(), cell: @escaping (_ row: Int, _ column: Int) -> String) {
        self.columns = columns
        self.rowCount = rowCount
        self.cell = cell
        self.highlight = highlight
        self.styles = styles
    }

    /// Rows of data that fit under the header in `rect`.
    public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Column widths for `available` cells, with one space between shown columns. Columns that may give way do so
    /// first, highest `dropPriority` first, while the others would sit below their comfortable widths; then, when
    /// even the minimums do not fit, columns drop from the right (width 0), since the leftmost ones identify the
    /// row. Flexible columns stop at their `maxWidth`, handing the rest to the others.
    public static func widths(of columns: [TableColumn], available: Int) -> [Int] {
        let kept = keptColumns(columns, available: available)
        let shownWidths = baseWidths(of: kept.map { columns[$0] }, available: available)
        var widths = Array(repeating: 0, count: columns.count)
        for (position, index) in kept.enumerated() { widths[index] = shownWidths[position] }
        return capped(widths, columns: columns)
    }

    /// The columns that stay after those that may give way have, while the rest would be uncomfortably narrow.
    static func keptColumns(_ columns: [TableColumn], available: Int) -> [Int] {
        var kept = Array(columns.indices)
        func need(_ indices: [Int]) -> Int {
            indices.reduce(max(0, indices.count - 1)) { total, index in total + max(columns[index].minimum, columns[index].comfortable ?? 0) }
        }
        while need(kept) > available, let drop = kept.filter({ columns[$0].dropPriority > 0 }).max(by: { columns[$0].dropPriority < columns[$1].dropPriority }) {
            kept.removeAll { $0 == drop }
        }
        return kept
    }

    /// Flexible columns stopped at their `maxWidth`; what they leave goes to flexible columns without a cap.
    static func capped(_ widths: [Int], columns: [TableColumn]) -> [Int] {
        var widths = widths
        var spare = 0
        for index in columns.indices {
            if let cap = columns[index].maxWidth, widths[index] > cap {
                spare += widths[index] - cap
                widths[index] = cap
            }
        }
        let open = columns.indices.filter { index in
            guard widths[index] > 0, columns[index].maxWidth == nil, case .flexible = columns[index].width else { return false }
            return true
        }
        guard spare > 0, !open.isEmpty else { return widths }
        for (position, index) in open.enumerated() { widths[index] += spare / open.count + (position < spare % open.count ? 1 : 0) }
        return widths
    }

    /// Widths of the columns that stay: minimums, then what is left by weight (the earlier algorithm).
    static func baseWidths(of columns: [TableColumn], available: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let minimums = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): max(width, 0)
            case .flexible(let minimum, _): max(minimum, 0)
            }
        }
        var shown = columns.count
        while shown > 1, minimums.prefix(shown).reduce(0, +) + (shown - 1) > available { shown -= 1 }
        var widths = minimums.enumerated().map { $0.offset < shown ? $0.element : 0 }
        if shown == 1 { widths[0] = min(widths[0], max(available, 0)) }
        let extra = max(0, available - (shown - 1) - widths.reduce(0, +))
        let weights = columns.enumerated().map { index, column -> Int in
            guard index < shown, case .flexible(_, let weight) = column.width else { return 0 }
            return max(weight, 0)
        }
        let totalWeight = weights.reduce(0, +)
        if extra > 0, totalWeight > 0 {
            var handed = 0
            for index in columns.indices where weights[index] > 0 {
                let share = extra * weights[index] / totalWeight
                widths[index] += share
                handed += share
            }
            // Rounding leftovers go to the last flexible column, so the table always fills its width.
            if let last = weights.lastIndex(where: { $0 > 0 }) { widths[last] += extra - handed }
        }
        return widths
    }

    /// Draws into `rect` of `canvas`.
    public func render(into canvas: inout Canvas, in rect: Rect, state: TableState) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let widths = Self.widths(of: columns, available: area.width)
        canvas.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: styles.header))
        var x = area.x
        for (index, column) in columns.enumerated() {
            var title = column.title
            if state.sortColumn == index { title += state.sortAscending ? " ▲" : " ▼" }
            guard widths[index] > 0 else { continue }
            draw(title, column: column, x: x, y: area.y, width: widths[index], style: styles.header, canvas: &canvas)
            x += widths[index] + 1
        }
        let visible = Self.visibleRows(in: area)
        let first = min(max(state.scrollOffset, 0), max(rowCount - 1, 0))
        for line in 0..<visible {
            let row = first + line
            let y = area.y + 1 + line
            let style = row == state.selectedRow ? styles.selected : styles.row
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: row < rowCount ? style : styles.row))
            guard row < rowCount else { continue }
            var cellX = area.x
            for (index, column) in columns.enumerated() where widths[index] > 0 {
                draw(cell(row, index), column: column, x: cellX, y: y, width: widths[index], style: style, canvas: &canvas)
                cellX += widths[index] + 1
            }
        }
    }

    private func draw(_ text: String, column: TableColumn, x: Int, y: Int, width: Int, style: CellStyle, canvas: inout Canvas) {
        guard width > 0 else { return }
        let fitted = Canvas.fit(text, width: width)
        let used = DisplayWidth.of(fitted)
        let start = column.alignment == .right ? x + width - used : x
        canvas.put(fitted, x: start, y: y, style: style, maxWidth: width)
        guard let highlight, !highlight.isEmpty, let range = fitted.range(of: highlight, options: .caseInsensitive) else { return }
        let offset = DisplayWidth.of(fitted[fitted.startIndex..<range.lowerBound])
        var matchStyle = styles.match
        matchStyle.background = style.background
        if style.attributes.contains(.reverse) { matchStyle.attributes.insert(.reverse) }
        canvas.put(fitted[range], x: start + offset, y: y, style: matchStyle, maxWidth: width - offset)
    }
}
