import Styling

/// The colour words theme files accept, in one place so parsing, suggestions and docs agree.
enum ColorSpec {
    /// The 16 standard names, indexed as terminals number them (0–7 normal, 8–15 bright).
    static let standardNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    static let attributeNames: [(name: String, value: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ]

    /// Reads "default", a standard name, "#rrggbb" or a decimal index; nil for anything else (a palette name, say).
    static func literal(_ text: String) -> TerminalColor? {
        let word = text.trimmingWhitespace().lowercased()
        if word == "default" { return .default }
        if let index = standardNames.firstIndex(of: word.replacingUnderscores()) { return .indexed(UInt8(index)) }
        if let value = UInt8(word) { return .indexed(value) }
        return hex(word)
    }

    /// "#rrggbb" → `.rgb`; nil when malformed.
    static func hex(_ word: String) -> TerminalColor? {
        guard word.first == "#", word.count == 7, let value = UInt32(word.dropFirst(), radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
