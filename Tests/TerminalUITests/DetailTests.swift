import Styling
import Testing
@testable import TerminalUI

@Suite struct DetailTests {
    static let rows = [
        DetailRow(key: "id", value: "42"),
        DetailRow(key: "email", value: "lei@example.com"),
        DetailRow(key: "name", value: "李雷 👍"),
        DetailRow(key: "a very long attribute name", value: "a value that is far too long for the width"),
        DetailRow(key: "note", value: "two\nlines"),
        DetailRow(key: "plan", value: "pro"),
    ]

    func render(_ size: Size, state: DetailState = DetailState(), styles: DetailStyles = DetailStyles()) throws -> HeadlessScreen {
        try present(size) { DetailView(rows: Self.rows, styles: styles).render(into: &$0, in: $1, state: state) }
    }

    @Test func keyColumnIsTheLongestKeyCappedAtFortyPercent() {
        #expect(DetailView.keyWidth(of: Self.rows, width: 100) == 26)
        #expect(DetailView.keyWidth(of: Self.rows, width: 40) == 16)
        #expect(DetailView.keyWidth(of: Array(Self.rows.prefix(3)), width: 40) == 5)
        #expect(DetailView.keyWidth(of: [], width: 40) == 0)
        #expect(DetailView.keyWidth(of: Self.rows, width: 1) == 0)
    }

    @Test func rendersKeysValuesAndCutsWhatDoesNotFit() throws {
        let screen = try render(Size(width: 40, height: 7), state: DetailState(selectedRow: 2))
        #expect(screen.text == """
        id               42
        email            lei@example.com
        name             李雷 👍
        a very long att… a value that is far to…
        note             two⏎lines
        plan             pro

        """)
        #expect(screen.style(x: 0, y: 0)?.attributes == .bold)
        #expect(screen.style(x: 17, y: 0) == .plain)
        #expect(screen.style(x: 0, y: 2)?.attributes == .reverse)
        #expect(screen.style(x: 39, y: 2)?.attributes == .reverse)
        #expect(screen.style(x: 39, y: 6) == .plain)
    }

    @Test func scrollsToKeepTheSelectionInView() throws {
        #expect(try render(Size(width: 30, height: 3), state: DetailState(selectedRow: 4)).text == """
        name         李雷 👍
        a very long… a value that is …
        note         two⏎lines
        """)
        // A stored offset that still shows the selection is kept.
        #expect(try render(Size(width: 30, height: 3), state: DetailState(selectedRow: 4, scrollOffset: 3)).text.hasPrefix("a very long…"))
        var state = DetailState()
        state.moveSelection(by: 4, rowCount: 6, visibleRows: 3)
        #expect(state == DetailState(selectedRow: 4, scrollOffset: 2))
        state.select(99, rowCount: 6, visibleRows: 3)
        #expect(state == DetailState(selectedRow: 5, scrollOffset: 3))
        state.select(3, rowCount: 0, visibleRows: 3)
        #expect(state == DetailState(selectedRow: 0, scrollOffset: 0))
    }

    @Test func themeStylesAndTinyAreas() throws {
        let theme = Theme.fallback
        let screen = try render(Size(width: 40, height: 2), styles: DetailStyles(theme: theme))
        #expect(screen.style(x: 0, y: 1) == theme[.detailKey])
        #expect(screen.style(x: 17, y: 1) == theme[.detailValue])
        #expect(screen.style(x: 0, y: 0) == theme[.tableSelected])
        // One cell: the key column's 40% rounds to nothing, so the value shows, cut.
        #expect(try render(Size(width: 1, height: 1)).text == "…")
        #expect(try render(Size(width: 3, height: 1)).text == "… …")
    }
}
