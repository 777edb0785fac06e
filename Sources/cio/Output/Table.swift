import CustomerIO
import Foundation
import TerminalUI

/// A plain-text table with columns sized to their content, aware of wide (CJK, emoji) characters.
struct Table {
    var headers: [String]
    var rows: [[String]]
    /// Columns right-aligned (numbers).
    var rightAligned: Set<Int> = []
    /// No column grows past this many cells; longer values end in an ellipsis.
    var maxColumnWidth = 48

    func render() -> String {
        let cleanRows = rows.map { $0.map { Canvas.fit(Self.cell($0), width: maxColumnWidth) } }
        var widths = headers.map(DisplayWidth.of)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        var lines: [String] = [line(headers, widths: widths)]
        lines.append(contentsOf: cleanRows.map { line($0, widths: widths) })
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
            let isLast = index == widths.count - 1
            if rightAligned.contains(index) {
                parts.append(padding + cell)
            } else {
                parts.append(isLast ? cell : cell + padding)
            }
        }
        return parts.joined(separator: "  ")
    }

    /// A value as one cell: on one line, and with every control character shown (values come from the server, and
    /// a terminal would obey an ESC in them). Shown before the width is measured, so the columns stay aligned.
    static func cell(_ text: String) -> String {
        TerminalSafeText.visible(singleLine(text))
    }

    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }
}
