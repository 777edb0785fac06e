import Styling

/// Styles a JSON tree draws with, one per kind of text plus the selected line.
public struct JSONTreeStyles: Sendable, Hashable {
    public var key: CellStyle
    public var string: CellStyle
    public var number: CellStyle
    public var bool: CellStyle
    public var null: CellStyle
    public var punctuation: CellStyle
    public var selected: CellStyle

    public init(
        key: CellStyle = CellStyle(attributes: .bold),
        string: CellStyle = .plain,
        number: CellStyle = .plain,
        bool: CellStyle = .plain,
        null: CellStyle = CellStyle(attributes: .dim),
        punctuation: CellStyle = CellStyle(attributes: .dim),
        selected: CellStyle = CellStyle(attributes: .reverse)
    ) {
        self.key = key
        self.string = string
        self.number = number
        self.bool = bool
        self.null = null
        self.punctuation = punctuation
        self.selected = selected
    }

    /// The theme's json_* roles; the selection borrows the table's so every list highlights alike.
    public init(theme: Theme) {
        self.init(
            key: theme[.jsonKey], string: theme[.jsonString], number: theme[.jsonNumber], bool: theme[.jsonBool],
            null: theme[.jsonNull], punctuation: theme[.jsonPunctuation], selected: theme[.tableSelected]
        )
    }

    func style(for kind: TreePiece.Kind) -> CellStyle {
        switch kind {
        case .key: key
        case .string: string
        case .number: number
        case .bool: bool
        case .null: null
        case .punctuation: punctuation
        }
    }
}

/// A foldable, pretty-printed JSON document: two spaces per level, ▾/▸ before containers, one value a line.
public struct JSONTreeView: Sendable {
    public var value: TreeValue
    public var styles: JSONTreeStyles

    /// Strings are cut to this many characters before layout: no row shows more, and escaping a megabyte
    /// string on every frame would stall the interface.
    public static let maxStringLength = 500

    public init(value: TreeValue, styles: JSONTreeStyles = JSONTreeStyles()) {
        self.value = value
        self.styles = styles
    }

    /// The lines shown for `value` with the folds of `state`, in order: what scrolling and selection count.
    public static func lines(of value: TreeValue, state: TreeState) -> [TreeLine] {
        var lines: [TreeLine] = []
        append(value, key: nil, path: TreePath.root, depth: 0, isLast: true, collapsed: state.collapsed, to: &lines)
        return lines
    }

    private static func append(_ value: TreeValue, key: String?, path: String, depth: Int, isLast: Bool, collapsed: Set<String>, to lines: inout [TreeLine]) {
        var lead: [TreePiece] = []
        if let key { lead = [TreePiece(TreePath.quoted(key), .key), TreePiece(": ", .punctuation)] }
        let comma = isLast ? [] : [TreePiece(",", .punctuation)]
        func line(_ pieces: [TreePiece], foldable: Bool = false, folded: Bool = false, closing: Bool = false) {
            lines.append(TreeLine(path: path, depth: depth, pieces: pieces, isFoldable: foldable, isCollapsed: folded, isClosing: closing))
        }
        func container(open: String, close: String, count: Int, noun: String, children: () -> Void) {
            if count == 0 {
                line(lead + [TreePiece(open + close, .punctuation)] + comma)
            } else if collapsed.contains(path) {
                let summary = TreePiece(open + "…" + close + " \(count) \(noun)" + (count == 1 ? "" : "s"), .punctuation)
                line(lead + [summary] + comma, foldable: true, folded: true)
            } else {
                line(lead + [TreePiece(open, .punctuation)], foldable: true)
                children()
                line([TreePiece(close, .punctuation)] + comma, foldable: true, closing: true)
            }
        }
        switch value {
        case .object(let members):
            container(open: "{", close: "}", count: members.count, noun: "key") {
                for (index, member) in members.enumerated() {
                    append(member.value, key: member.key, path: TreePath.member(member.key, of: path), depth: depth + 1,
                           isLast: index == members.count - 1, collapsed: collapsed, to: &lines)
                }
            }
        case .array(let elements):
            container(open: "[", close: "]", count: elements.count, noun: "item") {
                for (index, element) in elements.enumerated() {
                    append(element, key: nil, path: TreePath.element(index, of: path), depth: depth + 1,
                           isLast: index == elements.count - 1, collapsed: collapsed, to: &lines)
                }
            }
        case .string(let text):
            let shown = text.count > maxStringLength ? String(text.prefix(maxStringLength)) + "…" : text
            line(lead + [TreePiece(TreePath.quoted(shown), .string)] + comma)
        case .number(let text):
            line(lead + [TreePiece(text, .number)] + comma)
        case .bool(let flag):
            line(lead + [TreePiece(flag ? "true" : "false", .bool)] + comma)
        case .null:
            line(lead + [TreePiece("null", .null)] + comma)
        }
    }

    /// Draws the lines that fit in `rect`, scrolled so the selected line shows. A line too long for the width
    /// ends in "…" in its last cell.
    public func render(into canvas: inout Canvas, in rect: Rect, state: TreeState) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let lines = Self.lines(of: value, state: state)
        let first = ScrollWindow.offset(selected: state.selectedLine, current: state.scrollOffset, count: lines.count, visible: area.height)
        for row in 0..<area.height {
            let index = first + row
            let y = area.y + row
            let selected = index == state.selectedLine && index < lines.count
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selected ? styles.selected : .plain, clip: area)
            guard index < lines.count else { continue }
            draw(lines[index], y: y, area: area, selected: selected, canvas: &canvas)
        }
    }

    private func draw(_ line: TreeLine, y: Int, area: Rect, selected: Bool, canvas: inout Canvas) {
        let marker = line.isFoldable && !line.isClosing ? (line.isCollapsed ? "▸ " : "▾ ") : "  "
        let pieces = [TreePiece(marker, .punctuation)] + line.pieces
        let indent = line.depth * 2
        let total = indent + pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
        // Leave the last cell for "…" when the line runs past the edge.
        let overflows = total > area.width
        let clip = Rect(x: area.x, y: y, width: area.width - (overflows ? 1 : 0), height: 1)
        var x = area.x + indent
        var lastStyle = selected ? styles.selected : styles.punctuation
        for piece in pieces where x < clip.maxX {
            let style = selected ? styles.selected : styles.style(for: piece.kind)
            canvas.put(piece.text, x: x, y: y, style: style, clip: clip)
            x += DisplayWidth.of(piece.text)
            lastStyle = style
        }
        if overflows { canvas.put("…", x: area.maxX - 1, y: y, style: lastStyle, clip: area) }
    }
}
