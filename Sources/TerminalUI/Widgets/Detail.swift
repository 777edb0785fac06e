import Styling

/// One line of a detail view: a field name and its value as text.
public struct DetailRow: Sendable, Hashable {
    /// How a row is drawn: a field, a section heading across the whole width, or a reference that opens.
    public enum Kind: Sendable, Hashable {
        case field, heading, link
    }

    public var key: String
    public var value: String
    public var kind: Kind
    /// Cells of the value drawn apart from the rest (a picked day on a sparkline), counted from the value's start.
    public var mark: Range<Int>?

    public init(key: String, value: String, kind: Kind = .field, mark: Range<Int>? = nil) {
        self.key = key
        self.value = value
        self.kind = kind
        self.mark = mark
    }
}

/// Where the user is in a detail view: the selected row (what `y` copies) and the first row shown.
public struct DetailState: Sendable, Hashable {
    public var selectedRow: Int
    public var scrollOffset: Int

    public init(selectedRow: Int = 0, scrollOffset: Int = 0) {
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls just enough to keep it on screen.
    public mutating func moveSelection(by delta: Int, rowCount: Int, visibleRows: Int) {
        select(selectedRow + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects `row` (clamped) and scrolls just enough to keep it on screen.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        selectedRow = rowCount > 0 ? min(max(row, 0), rowCount - 1) : 0
        scrollOffset = ScrollWindow.offset(selected: selectedRow, current: scrollOffset, count: rowCount, visible: visibleRows)
    }
}

/// Styles a detail view draws with.
public struct DetailStyles: Sendable, Hashable {
    public var key: CellStyle
    public var value: CellStyle
    public var selected: CellStyle
    public var heading: CellStyle
    public var link: CellStyle

    public init(key: CellStyle = CellStyle(attributes: .bold), value: CellStyle = .plain, selected: CellStyle = CellStyle(attributes: .reverse),
                heading: CellStyle = CellStyle(attributes: [.bold, .underline]), link: CellStyle = CellStyle(attributes: .underline)) {
        self.key = key
        self.value = value
        self.selected = selected
        self.heading = heading
        self.link = link
    }

    /// The theme's detail roles; the selection borrows the table's so both lists highlight alike.
    public init(theme: Theme) {
        self.init(key: theme[.detailKey], value: theme[.detailValue], selected: theme[.tableSelected], heading: theme[.title], link: theme[.accent])
    }
}

/// A two-column list of key/value pairs (a customer's attributes, a campaign's settings).
public struct DetailView: Sendable {
    public var rows: [DetailRow]
    public var styles: DetailStyles

    public init(rows: [DetailRow], styles: DetailStyles = DetailStyles()) {
        self.rows = rows
        self.styles = styles
    }

    /// Cells for the key column: the longest key, but never more than 40% of `width`, so values keep most room.
    public static func keyWidth(of rows: [DetailRow], width: Int) -> Int {
        let longest = rows.filter { $0.kind != .heading }.map { DisplayWidth.of(RowText.singleLine($0.key)) }.max() ?? 0
        return min(longest, width * 2 / 5)
    }

    /// Draws the rows that fit in `rect`, scrolled so the selected row shows; keys and values that do not fit
    /// end in "…".
    public func render(into canvas: inout Canvas, in rect: Rect, state: DetailState) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let keyWidth = Self.keyWidth(of: rows, width: area.width)
        let valueX = area.x + keyWidth + (keyWidth > 0 ? 1 : 0)
        let valueWidth = area.maxX - valueX
        let first = ScrollWindow.offset(selected: state.selectedRow, current: state.scrollOffset, count: rows.count, visible: area.height)
        for line in 0..<area.height {
            let index = first + line
            let y = area.y + line
            let selected = index == state.selectedRow && index < rows.count
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selected ? styles.selected : styles.value, clip: area)
            guard index < rows.count else { continue }
            let row = rows[index]
            if row.kind == .heading {
                // A heading spans both columns, so a long section name is never cut at the key column.
                let title = Canvas.fit(RowText.singleLine(row.key), width: area.width)
                canvas.put(title, x: area.x, y: y, style: selected ? styles.selected : styles.heading, clip: area)
                continue
            }
            if keyWidth > 0 {
                let key = Canvas.fit(RowText.singleLine(row.key), width: keyWidth)
                canvas.put(key, x: area.x, y: y, style: selected ? styles.selected : styles.key, clip: area)
            }
            if valueWidth > 0 {
                // A reference ends in an arrow: Enter opens it.
                let text = row.kind == .link ? RowText.singleLine(row.value) + " →" : RowText.singleLine(row.value)
                let value = Canvas.fit(text, width: valueWidth)
                canvas.put(value, x: valueX, y: y, style: selected ? styles.selected : (row.kind == .link ? styles.link : styles.value), clip: area)
                drawMark(of: row, in: value, at: valueX, y: y, selected: selected, into: &canvas, clip: area)
            }
        }
    }

    /// Draws the row's marked cells in the style that stands out from the row's own: plain on the selection.
    private func drawMark(of row: DetailRow, in value: String, at x: Int, y: Int, selected: Bool, into canvas: inout Canvas, clip: Rect) {
        guard let mark = row.mark else { return }
        let characters = Array(value)
        guard mark.lowerBound < characters.count else { return }
        let marked = String(characters[mark.lowerBound..<min(mark.upperBound, characters.count)])
        let offset = DisplayWidth.of(String(characters[..<mark.lowerBound]))
        canvas.put(marked, x: x + offset, y: y, style: selected ? styles.link : styles.selected, clip: clip)
    }
}
