import CustomerIO
import Foundation
import TerminalUI

/// Numbers, rates and metric series as people read them: one place, so a list cell, a detail line and a `cio get`
/// table agree.
public enum Format {
    /// `1125` as `1,125`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// `12.5%`, or `—` when there is nothing to divide by.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// `values` summed into at most `count` consecutive buckets of equal size (the last may be shorter).
    static func buckets(_ values: [Int], count: Int) -> [Int] {
        guard values.count > count, count > 0 else { return values }
        let size = (values.count + count - 1) / count
        return stride(from: 0, to: values.count, by: size).map { values[$0..<min($0 + size, values.count)].reduce(0, +) }
    }

    /// A daily series in a 15-cell braille sparkline: two samples per cell, so 30 days fill it and 90 days are
    /// summed three to a sample.
    public static func sparkline(_ values: [Int]) -> String {
        Sparkline.braille(buckets(values, count: 30), width: 15)
    }

    /// The cell of `sparkline` that draws period `index` of `count`: two samples a cell, each sample a bucket.
    static func sparklineCell(of index: Int, count: Int) -> Int {
        let size = count > 30 ? (count + 29) / 30 : 1
        return index / size / 2
    }
}
