import Styling

extension Canvas {
    /// Writes text from (x, y) but touches only cells inside `clip` (and the canvas); returns the cells advanced
    /// (counting stops at the clip's right edge).
    ///
    /// `put(_:x:y:style:maxWidth:)` clips on the right only, so widgets laid out in a rect that starts left of
    /// the canvas, or that must not spill over a neighbour, go through here. A wide character cut by either edge
    /// of `clip` leaves a space in its visible half rather than half a glyph.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle, clip: Rect) -> Int {
        let area = clip.intersection(Rect(size))
        var column = x
        for character in text {
            // Past the right edge nothing more can show; stop rather than walk a long value to its end.
            if column >= area.maxX { break }
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            let visible = y >= area.y && y < area.maxY && column + width > area.x && column < area.maxX
            if visible, column >= area.x, column + width <= area.maxX {
                put(String(character), x: column, y: y, style: style)
            } else if visible {
                // Straddles an edge: blank the visible half only.
                for cell in max(column, area.x)..<min(column + width, area.maxX) {
                    put(" ", x: cell, y: y, style: style)
                }
            }
            column += width
        }
        return column - x
    }

    /// Paints `rect ∩ clip` with spaces in `style`: how widgets clear their background without spilling over.
    public mutating func fill(_ rect: Rect, style: CellStyle, clip: Rect) {
        fill(rect.intersection(clip), with: Cell(" ", style: style))
    }
}

/// Scroll arithmetic shared by the list-like widgets, so each keeps its selection on screen the same way.
enum ScrollWindow {
    /// The first visible item: `current` moved just enough that `selected` shows, and never past the end.
    static func offset(selected: Int, current: Int, count: Int, visible: Int) -> Int {
        guard count > 0, visible > 0 else { return 0 }
        let selected = min(max(selected, 0), count - 1)
        var offset = current
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        return min(max(offset, 0), max(count - visible, 0))
    }
}

/// Text helpers for widgets that show one record per row.
enum RowText {
    /// Text with line breaks and tabs turned into visible single-line stand-ins, since a row cannot break.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline ? "⏎" : ($0 == "\t" ? " " : $0) })
    }
}

extension CellStyle {
    /// This style with `base`'s background wherever it leaves the background to the terminal: roles like
    /// help_key set only a foreground, and drawn inside a dialog they should keep the dialog's background.
    func over(_ base: CellStyle) -> CellStyle {
        var style = self
        if style.background == .default { style.background = base.background }
        return style
    }
}
