import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("李雷", 4), ("e\u{301}", 1), ("Zoë", 3), ("👍", 2), ("👍🏽", 2), ("🇩🇪", 2),
        ("👩‍👩‍👧", 2), ("\u{200B}", 0), ("\t", 0), ("ｱ", 1), ("Ｆ", 2), ("한국어", 6), ("", 0),
    ])
    func widths(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }
}
