import CustomerIO
import Foundation
import TerminalUI
import Testing
@testable import cio

/// The choke points every printed text passes: error lines, tables and JSON show control characters from the data
/// and keep cio's own styling.
@Suite struct TerminalOutputTests {
    @Test func anErrorLineKeepsOurColourAndShowsTheMessagesEscapes() {
        let line = Terminal.errorLine("no person \u{1B}]0;x\u{07} here", colour: true)
        #expect(line == "\u{1B}[31merror:\u{1B}[0m no person ␛]0;x␇ here\n")
        #expect(Terminal.errorLine("a\u{9B}2J", colour: false) == "error: a\\u{9B}2J\n")
        // A line break of our own (or of the message) stays one.
        #expect(Terminal.errorLine("one\ntwo", colour: false) == "error: one\ntwo\n")
    }

    @Test func tableCellsShowControlsAndStayAligned() {
        let table = Table(headers: ["NAME", "ID"], rows: [["\u{1B}[2Jx", "1"], ["plain", "2"]]).render()
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B })
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[1] == "␛[2Jx  1")
        #expect(lines[2] == "plain  2")
        // Line breaks and tabs inside a value still fold to spaces, a lone carriage return too.
        #expect(Table.cell("a\nb\tc\rd") == "a b c d")
    }

    @Test func jsonEscapesWhatATerminalWouldObeyAndReadsBackTheSame() throws {
        let value = ["name": "a\u{1B}b\u{7F}c\u{9B}d\u{2028}e"]
        let json = try JSONOutput.render(value)
        #expect(json.contains(#"a\u001bb\u007Fc\u009Bd\u2028e"#), "\(json)")
        #expect(!json.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 })
        let back = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(back == value)
    }
}
