import Foundation
import Testing
@testable import App

/// Pages added to a list in place: order, index by key, selection and sort all hold as pages arrive.
struct ListPagingTests {
    private func page(_ range: Range<Int>) -> [ListRow] {
        range.map { ListRow(key: .name("k\($0)"), cells: ["k\($0)", "…"]) }
    }

    @Test func appendedPagesKeepOrderAndFindLateCellsByKey() {
        var list = ListPaneState()
        list.receivePage(page(0..<200), next: "200", appended: false, visibleRows: 20)
        list.table.select(150, rowCount: list.visible.count, visibleRows: 20)
        list.receivePage(page(200..<400), next: "400", appended: true, visibleRows: 20)
        list.receivePage(page(400..<450), next: nil, appended: true, visibleRows: 20)

        #expect(list.loadedRows.map(\.key) == (0..<450).map { RowKey.name("k\($0)") })
        #expect(list.visible == Array(0..<450))
        #expect(list.next == nil)
        #expect(!list.isLoadingMore)
        #expect(list.selectedRow?.key == .name("k150"))

        // A cell for a row of the last page lands on that row and no other.
        list.updateCell(key: .name("k420"), column: 1, to: .value("Ada"))
        #expect(list.loadedRows[420].cells == ["k420", "Ada"])
        #expect(list.loadedRows.filter { $0.cells[1] == "Ada" }.count == 1)
    }

    @Test func aSortedListKeepsTheSelectionOnItsRowAsPagesArrive() {
        var list = ListPaneState()
        list.table.sortColumn = 0
        list.table.sortAscending = false
        list.receivePage(page(0..<10), next: "10", appended: false, visibleRows: 5)
        list.table.select(2, rowCount: list.visible.count, visibleRows: 5)
        let selected = list.selectedRow?.key
        list.receivePage(page(10..<20), next: nil, appended: true, visibleRows: 5)

        let shown = list.visible.map { list.loadedRows[$0].cells[0] }
        #expect(shown == shown.sorted { $0.compare($1, options: .numeric) == .orderedDescending })
        #expect(list.selectedRow?.key == selected)
    }

    @Test func aFirstPageReplacesWhatWasThere() {
        var list = ListPaneState()
        list.receivePage(page(0..<5), next: "5", appended: false, visibleRows: 5)
        list.receivePage(page(100..<103), next: nil, appended: false, visibleRows: 5)
        #expect(list.loadedRows.map(\.key) == [.name("k100"), .name("k101"), .name("k102")])
        list.updateCell(key: .name("k101"), column: 1, to: .value("x"))
        #expect(list.loadedRows[1].cells[1] == "x")
    }
}
