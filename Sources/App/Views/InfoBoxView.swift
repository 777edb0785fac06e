import Styling
import TerminalUI

/// A centred box of key/value facts over the app (`:cache`).
enum InfoBoxView {
    static func render(title: String, rows: [DetailRow], theme: Theme, into canvas: inout Canvas, in area: Rect) {
        let keyWidth = rows.map { DisplayWidth.of($0.key) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of($0.value) }.max() ?? 0
        let box = Rect.centered(width: max(DisplayWidth.of(title) + 6, keyWidth + valueWidth + 5), height: rows.count + 2, in: area)
        guard !box.isEmpty else { return }
        canvas.fill(box, with: Cell(" ", style: theme[.dialog]))
        canvas.drawBox(box, style: theme[.border], title: title)
        DetailView(rows: rows, styles: DetailStyles(theme: theme)).render(into: &canvas, in: box.inset(dx: 1, dy: 1), state: DetailState(selectedRow: -1))
    }
}
