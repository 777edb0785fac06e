import Styling

extension Canvas {
    /// Draws a ─│┌┐└┘ frame along the edges of `rect`, with `title` set into the top edge as `┌─ Title ─┐`.
    ///
    /// Only cells of `rect` that lie on the canvas are touched, so a box hanging off an edge simply loses that
    /// side. The title is cut with an ellipsis to leave at least one ─ on either side of it. A rect too thin for
    /// corners (one row or one column) becomes a plain line, which still shows where the box would be.
    /// - Parameters:
    ///   - fill: when given, the inside is painted with spaces of this style first (what dialogs need to hide
    ///     the view underneath).
    ///   - titleStyle: the title's style; the border's when nil.
    public mutating func drawBox(_ rect: Rect, style: CellStyle, title: String? = nil, titleStyle: CellStyle? = nil, fill: CellStyle? = nil) {
        guard !rect.isEmpty else { return }
        if let fill { self.fill(rect.inset(dx: 1, dy: 1), style: fill, clip: rect) }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        if rect.height == 1 || rect.width == 1 {
            let line = rect.height == 1 ? "─" : "│"
            for y in rect.y...bottom {
                for x in rect.x...right { put(line, x: x, y: y, style: style, clip: rect) }
            }
        } else {
            let horizontal = String(repeating: "─", count: rect.width - 2)
            put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style, clip: rect)
            put("└" + horizontal + "┘", x: rect.x, y: bottom, style: style, clip: rect)
            for y in (rect.y + 1)..<bottom {
                put("│", x: rect.x, y: y, style: style, clip: rect)
                put("│", x: right, y: y, style: style, clip: rect)
            }
        }
        guard let title, !title.isEmpty else { return }
        // "┌─ " before and " ─┐" after the title leave width - 6 cells for its text.
        let room = rect.width - 6
        guard room > 0 else { return }
        let text = " " + Canvas.fit(RowText.singleLine(title), width: room) + " "
        put(text, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, clip: rect)
    }
}

extension Rect {
    /// A `width` × `height` rect centred in `area`, shrunk to fit it: where dialogs and overlays go.
    /// Odd leftovers put the extra cell on the right and bottom.
    public static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let width = min(max(width, 0), area.width)
        let height = min(max(height, 0), area.height)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    }
}
