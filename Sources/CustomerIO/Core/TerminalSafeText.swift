/// Text from a server or a file made safe to print at a terminal: control characters are shown, never obeyed.
///
/// A terminal acts on C0 controls (ESC starts CSI, OSC, DCS sequences that clear the screen, retitle the window or
/// write the clipboard), DEL and, in many emulators, the C1 controls U+0080–U+009F (U+009B is CSI on its own). A
/// name set through the Track API can hold any of them, so every such character is replaced by a visible stand-in:
/// C0 and DEL by their Control Pictures sign (ESC is `␛`, BEL `␇`, DEL `␡`), C1 by `\u{9B}`-style text, for which
/// Unicode has no picture. The full-screen app needs none of this: its canvas drops zero-width characters.
public enum TerminalSafeText {
    /// Layout characters let through as they are (multi-line text, our own tabs).
    public struct Kept: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let newline = Kept(rawValue: 1)
        public static let tab = Kept(rawValue: 2)
        /// Newlines and tabs: what a block of printed lines may hold.
        public static let layout: Kept = [.newline, .tab]
    }

    /// `text` with every control character (C0, DEL, C1) other than those `kept` shown visibly instead.
    public static func visible(_ text: String, keeping kept: Kept = []) -> String {
        // Nearly everything printed is clean: hand it back untouched rather than rebuild it.
        guard text.unicodeScalars.contains(where: { isReplaced($0, kept) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isReplaced(scalar, kept) {
                result.append(contentsOf: stand(in: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text with the characters JSON may carry raw but a terminal (or a JavaScript reader) acts on — any
    /// control character, DEL, C1, U+2028 and U+2029 — written as `\uXXXX` escapes. Outside strings JSON text is
    /// plain ASCII punctuation, so every such character sits inside a string and the escape means the same value.
    public static func escapingJSON(_ json: String) -> String {
        let needsEscape = { (scalar: Unicode.Scalar) in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: jsonEscape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is a control character a terminal could act on, and not one of those `kept`.
    static func isReplaced(_ scalar: Unicode.Scalar, _ kept: Kept) -> Bool {
        switch scalar.value {
        case 0x0A: !kept.contains(.newline)
        case 0x09: !kept.contains(.tab)
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
    }

    /// What is shown for a control character: its Control Pictures sign, or an escape for C1.
    static func stand(in scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00..<0x20: String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        default: "\\u{" + hex(scalar.value, digits: 2) + "}"
        }
    }

    static func jsonEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u" + hex(scalar.value, digits: 4)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
