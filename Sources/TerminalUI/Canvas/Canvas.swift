import Styling

/// One terminal cell: a grapheme and its style. The right half of a wide character is a continuation cell.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; empty on the continuation half of a wide character.
    public var grapheme: String
    public var style: CellStyle

    public init(_ grapheme: String = " ", style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    public static let blank = Cell()

    /// True on the right half of a two-cell character.
    public var isContinuation: Bool { grapheme.isEmpty }
}

/// A grid of cells that views draw into; screens flush it to the terminal. Pure data, so views can be
/// tested as text without a terminal.
public struct Canvas: Sendable, Hashable {
    public let size: Size
    private var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.width * size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Whether (x, y) lies on the canvas.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes text from (x, y), clipped to the canvas and to `maxWidth` cells; returns the cells used.
    ///
    /// A wide character that would straddle the edge is replaced by a space, never split in half; a character
    /// written over half of an existing wide character clears its other half, so no orphan halves remain.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = maxWidth.map { min(size.width, x + $0) } ?? size.width
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if column + width > limit {
                if column < limit, column >= 0 { setCell(Cell(" ", style: style), x: column, y: y) }
                column = limit
                break
            }
            if column >= 0 {
                setCell(Cell(String(character), style: style), x: column, y: y)
                if width == 2 { setCell(Cell("", style: style), x: column + 1, y: y) }
            }
            column += width
        }
        return max(0, column - max(x, 0))
    }

    /// Writes text into exactly `width` cells: cut with an ellipsis when too long, padded with spaces when short.
    public mutating func put(clipping text: some StringProtocol, x: Int, y: Int, width: Int, style: CellStyle = .plain) {
        guard width > 0 else { return }
        let fitted = Self.fit(String(text), width: width)
        let used = put(fitted, x: x, y: y, style: style, maxWidth: width)
        if used < width {
            put(String(repeating: " ", count: width - used), x: x + used, y: y, style: style)
        }
    }

    /// Text cut to `width` cells, ending in "…" when anything was cut.
    /// Prose cut to `width` cells at a word boundary with an ellipsis, so a cut-off message never ends in half a
    /// word ("Enter never se…" reads as a different sentence); a single word longer than the room is cut as `fit`.
    public static func fitWords(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return fit(text, width: width) }
        let cut = fit(text, width: width).dropLast()
        guard let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= width / 3 else { return String(cut) + "…" }
        var kept = cut[..<space]
        // A word cut off leaves no dangling separator behind it ("sends, …" reads "sends…").
        while let last = kept.last, " ,;:·—-".contains(last) { kept = kept.dropLast() }
        return String(kept) + "…"
    }

    /// `text` in lines of at most `width` cells: broken after a word where one ends in the last two thirds of the
    /// line, else at the width (a URL, a token); the lines after the first keep its indentation and two more, so
    /// nothing is cut and a reader sees where a line goes on.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        let indent = String(repeating: " ", count: min(text.prefix { $0 == " " }.count + 2, max(0, width / 2)))
        var lines: [String] = []
        var rest = Substring(text)
        var room = width
        while DisplayWidth.of(rest) > room {
            let head = cells(rest, width: room)
            var cut = head.endIndex
            if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= room / 3 { cut = space }
            // A character wider than the room still moves on, so the loop always ends.
            let taken = cut > head.startIndex ? head[..<cut] : rest.prefix(1)
            lines.append((lines.isEmpty ? "" : indent) + taken)
            rest = rest.dropFirst(taken.count)
            while rest.first == " " { rest = rest.dropFirst() }
            room = width - indent.count
            if rest.isEmpty || room < 1 { break }
        }
        if !rest.isEmpty { lines.append((lines.isEmpty ? "" : indent) + rest) }
        return lines
    }

    /// The longest start of `text` that fits in `width` cells, uncut characters only.
    private static func cells(_ text: Substring, width: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let cell = DisplayWidth.of(text[index])
            if used + cell > width { break }
            used += cell
            end = text.index(after: index)
        }
        return text[..<end]
    }

    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let cell = DisplayWidth.of(character)
            if used + cell > width - 1 { break }
            result.append(character)
            used += cell
        }
        return result + "…"
    }

    /// Paints a rectangle (clipped to the canvas).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(Rect(size))
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { setCell(cell, x: column, y: row) }
        }
    }

    /// One row as text (continuation cells add nothing), trailing spaces kept.
    public func row(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width { text += self[x, y].grapheme }
        return text
    }

    /// The whole canvas as text, one line per row, trailing spaces trimmed: what snapshot tests compare.
    public var text: String {
        (0..<size.height).map { y in
            var line = row(y)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Rows that differ from `previous` and the column span that changed in each: what a screen repaints.
    /// A size change repaints everything.
    public func changes(since previous: Canvas?) -> [(row: Int, columns: Range<Int>)] {
        guard let previous, previous.size == size else {
            return (0..<size.height).map { ($0, 0..<size.width) }
        }
        var changed: [(row: Int, columns: Range<Int>)] = []
        for y in 0..<size.height {
            let start = y * size.width
            var first: Int?
            var last = 0
            for x in 0..<size.width where cells[start + x] != previous.cells[start + x] {
                if first == nil { first = x }
                last = x
            }
            guard var from = first else { continue }
            // Never start a repaint on the right half of a wide character.
            while from > 0, self[from, y].isContinuation { from -= 1 }
            var to = last + 1
            while to < size.width, self[to, y].isContinuation { to += 1 }
            changed.append((y, from..<to))
        }
        return changed
    }

    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * size.width + x
        // Overwriting either half of a wide character blanks the other half.
        if cells[index].isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        // (Checked in this order because the width lookup is the expensive part and rarely needed.)
        if x + 1 < size.width, cells[index + 1].isContinuation, DisplayWidth.of(cells[index].grapheme) == 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
