/// Tiny charts of a series: one block character per value, or braille with two values per cell.
public enum Sparkline {
    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values as ▁▂▃▄▅▆▇█, scaled to their own maximum (an all-zero row stays flat).
    public static func blocks(_ values: [Int], width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = Array(values.suffix(width))
        let top = shown.max() ?? 0
        guard top > 0 else { return String(repeating: blocks[0], count: shown.count) }
        return String(shown.map { blocks[level($0, top: top, levels: blocks.count)] })
    }

    /// The last `2 × width` values in braille, two per cell, four dot rows high, scaled to their own maximum.
    public static func braille(_ values: [Int], width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = Array(values.suffix(width * 2))
        let top = max(shown.max() ?? 0, 1)
        // Dots fill from the bottom: left column uses bits 7,3,2,1 (dots 7,3,2,1), right column 8,6,5,4.
        let leftDots: [UInt32] = [0x40, 0x04, 0x02, 0x01]
        let rightDots: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var result = ""
        var index = 0
        while index < shown.count {
            var pattern: UInt32 = 0
            let leftHeight = dots(shown[index], top: top)
            for dot in 0..<leftHeight { pattern |= leftDots[dot] }
            if index + 1 < shown.count {
                let rightHeight = dots(shown[index + 1], top: top)
                for dot in 0..<rightHeight { pattern |= rightDots[dot] }
            }
            result.unicodeScalars.append(Unicode.Scalar(0x2800 + pattern)!)
            index += 2
        }
        return result
    }

    private static func level(_ value: Int, top: Int, levels: Int) -> Int {
        min(levels - 1, max(0, value) * (levels - 1) / top)
    }

    /// 0–4 dots; any non-zero value shows at least one, so small activity is visible.
    private static func dots(_ value: Int, top: Int) -> Int {
        guard value > 0 else { return 0 }
        return max(1, min(4, (value * 4 + top - 1) / top))
    }
}
