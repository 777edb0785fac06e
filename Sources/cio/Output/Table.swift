import Foundation

/// A plain-text table with columns sized to their content, aware of wide (CJK, emoji) characters.
struct Table {
    var headers: [String]
    var rows: [[String]]
    /// Columns right-aligned (numbers).
    var rightAligned: Set<Int> = []
    /// No column grows past this many cells; longer values end in an ellipsis.
    var maxColumnWidth = 48

    func render() -> String {
        let cleanRows = rows.map { $0.map { Self.clip(Self.singleLine($0), to: maxColumnWidth) } }
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

    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    static func clip(_ text: String, to width: Int) -> String {
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
}

/// Terminal cell width of text: 2 for East Asian wide and emoji, 0 for combining marks.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        let value = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
