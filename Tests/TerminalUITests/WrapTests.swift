import Testing
@testable import TerminalUI

/// Long lines wrap whole: after a word where one ends late enough, else at the width; nothing is lost.
@Suite struct WrapTests {
    @Test func prosBreaksAfterAWordAndKeepsItsIndent() {
        let lines = Canvas.wrap("   ada@example.com: off bounces (on it since 2026-09-04 16:45 (85d ago): Hard bounce)", width: 40)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.first == "   ada@example.com: off bounces (on it")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") })
        #expect(lines.joined(separator: " ").split(separator: " ") == "   ada@example.com: off bounces (on it since 2026-09-04 16:45 (85d ago): Hard bounce)".split(separator: " "))
    }

    @Test func aURLBreaksAtTheWidthAndLosesNothing() {
        let url = "   DELETE http://127.0.0.1:41607/v1/esp/suppression/bounces/brittany.burns.the.third@gmail.com"
        let lines = Canvas.wrap(url, width: 30)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined().replacingOccurrences(of: " ", with: "")
            == url.replacingOccurrences(of: " ", with: ""))
    }

    @Test func shortLinesAndOddWidthsStandAsTheyAre() {
        #expect(Canvas.wrap("fits", width: 10) == ["fits"])
        #expect(Canvas.wrap("anything", width: 0) == ["anything"])
        let wide = Canvas.wrap("李李李李", width: 1)
        #expect(wide.joined().filter { $0 == "李" }.count == 4, "a character wider than the room still moves on")
    }
}
