import Foundation
import Testing
@testable import CustomerIO

@Suite struct TerminalSafeTextTests {
    @Test func everyControlCharacterIsShownVisibly() {
        #expect(TerminalSafeText.visible("a\u{1B}]0;title\u{07}b") == "a␛]0;title␇b")
        #expect(TerminalSafeText.visible("\u{00}\u{1F}\u{7F}") == "␀␟␡")
        #expect(TerminalSafeText.visible("x\u{9B}2J\u{80}\u{9F}") == "x\\u{9B}2J\\u{80}\\u{9F}")
        #expect(TerminalSafeText.visible("cr\rlf\ntab\t") == "cr␍lf␊tab␉")
    }

    @Test func lineBreaksAndTabsStayWhenKept() {
        #expect(TerminalSafeText.visible("a\nb\tc\r", keeping: .layout) == "a\nb\tc␍")
        #expect(TerminalSafeText.visible("a\nb\t", keeping: .newline) == "a\nb␉")
    }

    @Test func cleanTextIsUntouchedAndNothingPrintableChanges() {
        let text = "Zoë 李雷 👩‍👩‍👧 e\u{301} ␛ \\u{9B} \u{A0}\u{2028}"
        #expect(TerminalSafeText.visible(text) == text)
        // Shown once, nothing is left to show again.
        let shown = TerminalSafeText.visible("\u{1B}[2J\u{9B}")
        #expect(TerminalSafeText.visible(shown) == shown)
    }

    @Test func jsonEscapesMeanTheSameValue() throws {
        let original = "a\u{7F}b\u{85}c\u{9B}d\u{2028}e\u{2029}f"
        let encoded = String(decoding: try JSONEncoder().encode([original]), as: UTF8.self)
        let escaped = TerminalSafeText.escapingJSON(encoded)
        #expect(escaped == #"["a\u007Fb\u0085c\u009Bd\u2028e\u2029f"]"#)
        #expect(try JSONDecoder().decode([String].self, from: Data(escaped.utf8)) == [original])
        #expect(TerminalSafeText.escapingJSON("{\n  \"a\" : 1\n}") == "{\n  \"a\" : 1\n}")
    }
}
