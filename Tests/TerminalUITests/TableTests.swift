import Testing
@testable import TerminalUI

@Suite struct TableTests {
    let columns = [
        TableColumn("ID", width: .fixed(3), alignment: .right),
        TableColumn("NAME", width: .flexible(min: 4, weight: 2)),
        TableColumn("STATE", width: .flexible(min: 5, weight: 1)),
    ]

    @Test func widthsFillTheSpaceByWeight() {
        // Minimums first (3 + 4 + 5), then the 16 cells left over shared 2 : 1, the rounding leftover to STATE.
        #expect(TableView.widths(of: columns, available: 30) == [3, 14, 11])
        #expect(TableView.widths(of: columns, available: 30).reduce(0, +) + 2 == 30)
        // Too narrow: the rightmost columns drop out first, and their separators with them.
        #expect(TableView.widths(of: columns, available: 9) == [3, 5, 0])
        #expect(TableView.widths(of: columns, available: 1) == [1, 0, 0])
        #expect(TableView.widths(of: [], available: 10).isEmpty)
    }

    @Test func onlyVisibleRowsAreAskedFor() {
        var asked = Set<Int>()
        let table = TableView(columns: columns, rowCount: 100_000) { row, _ in
            asked.insert(row)
            return "r\(row)"
        }
        var canvas = Canvas(size: Size(width: 30, height: 6))
        table.render(into: &canvas, in: Rect(canvas.size), state: TableState(selectedRow: 500, scrollOffset: 498))
        #expect(asked == Set(498..<503))
    }

    @Test func rendersHeaderSortIndicatorSelectionAndAlignment() {
        let names = ["Welcome series", "李雷的活动", "Abandoned cart"]
        let table = TableView(columns: columns, rowCount: names.count) { row, column in
            [String(row + 1), names[row], row == 1 ? "draft" : "running"][column]
        }
        var canvas = Canvas(size: Size(width: 30, height: 5))
        table.render(into: &canvas, in: Rect(canvas.size), state: TableState(selectedRow: 1, sortColumn: 1, sortAscending: false))
        // ID is right-aligned in 3 cells, NAME takes 14 (the wide name 10 of them), STATE starts at cell 19.
        #expect(canvas.text == """
         ID NAME ▼         STATE
          1 Welcome series running
          2 李雷的活动     draft
          3 Abandoned cart running

        """)
        #expect(canvas[0, 0].style.attributes.contains(.bold))
        #expect(canvas[29, 2].style.attributes.contains(.reverse))
        #expect(!canvas[29, 1].style.attributes.contains(.reverse))
    }

    @Test func filterMatchesAreHighlighted() {
        let table = TableView(columns: columns, rowCount: 1, highlight: "CART") { _, column in
            ["1", "Abandoned cart", "running"][column]
        }
        var canvas = Canvas(size: Size(width: 30, height: 2))
        table.render(into: &canvas, in: Rect(canvas.size), state: TableState(selectedRow: 5))
        // "Abandoned cart" starts at x = 4; "cart" sits at 14..<18.
        #expect(canvas[14, 1].style.attributes.contains(.underline))
        #expect(canvas[17, 1].style.attributes.contains(.underline))
        #expect(!canvas[13, 1].style.attributes.contains(.underline))
        #expect(!canvas[18, 1].style.attributes.contains(.underline))
    }

    @Test func aTinyAreaDrawsWhatFitsWithoutCrashing() {
        let table = TableView(columns: columns, rowCount: 3) { row, _ in "row \(row)" }
        var one = Canvas(size: Size(width: 1, height: 1))
        table.render(into: &one, in: Rect(one.size), state: TableState())
        #expect(one.text == "…")
        var none = Canvas(size: Size(width: 0, height: 0))
        table.render(into: &none, in: Rect(none.size), state: TableState())
        #expect(none.text == "")
    }

    @Test func selectionMovesAndScrollsToStayInView() {
        var state = TableState()
        state.moveSelection(by: 7, rowCount: 100, visibleRows: 5)
        #expect(state.selectedRow == 7)
        #expect(state.scrollOffset == 3)
        state.moveSelection(by: -5, rowCount: 100, visibleRows: 5)
        #expect(state.selectedRow == 2)
        #expect(state.scrollOffset == 2)
        state.select(1_000, rowCount: 100, visibleRows: 5)
        #expect(state.selectedRow == 99)
        #expect(state.scrollOffset == 95)
        state.select(-3, rowCount: 100, visibleRows: 5)
        #expect(state == TableState(selectedRow: 0, scrollOffset: 0))
        state.select(4, rowCount: 0, visibleRows: 5)
        #expect(state.selectedRow == 0)
    }
}
