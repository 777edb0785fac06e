import CustomerIO
import Testing
import TerminalUI
@testable import App

/// Rows keep their typed item and logic reads that, never the text drawn for it: figures sort as numbers, writes
/// ask the segment and the person themselves.
@Suite struct TypedRowTests {
    @Test func figuresSortByTheirNumbersNotTheirText() {
        var reducer = Reducer()
        reducer.send(.listLoaded(.segments, SegmentsPane.rows([Segment(id: 1, name: "Big"), Segment(id: 2, name: "Small"), Segment(id: 3, name: "Mid")])))
        reducer.send(.cellLoaded(.segments, key: 1, column: 4, state: .value("1,125", number: 1_125)))
        reducer.send(.cellLoaded(.segments, key: 2, column: 4, state: .value("999", number: 999)))
        reducer.send(.cellLoaded(.segments, key: 3, column: 4, state: .value("1,000", number: 1_000)))
        // Sort by Customers (the fifth column): s steps the sort column from none to the first, then on.
        for _ in 0..<5 { reducer.press(.character("s")) }
        #expect(reducer.state.currentList.table.sortColumn == 4)
        #expect(reducer.state.currentList.visible.map { reducer.state.currentList.loadedRows[$0].key } == [2, 3, 1])
    }

    @Test func aCountThatArrivedSurvivesAReloadAndAPlaceholderNever() {
        var list = ListPaneState()
        list.setRows(SegmentsPane.rows([Segment(id: 1, name: "A"), Segment(id: 2, name: "B")]), visibleRows: 10, keepingColumns: [4])
        list.updateCell(key: 1, column: 4, to: .value("1,125", number: 1_125))
        list.setRows(SegmentsPane.rows([Segment(id: 1, name: "A"), Segment(id: 2, name: "B")]), visibleRows: 10, keepingColumns: [4])
        #expect(list.loadedRows[0].cells[4] == "1,125" && list.loadedRows[0].hasArrived(4))
        #expect(!list.loadedRows[1].hasArrived(4))
    }

    /// `D` deletes what the segment is, typed: a dynamic segment whose drawn type reads "manual" is not offered.
    @Test func deletingAsksTheSegmentNotItsCells() {
        var reducer = Reducer()
        var row = SegmentsPane.rows([Segment(id: 7, name: "Looks manual", type: "dynamic")])[0]
        row.cells[2] = "manual"
        reducer.send(.listLoaded(.segments, [row]))
        #expect(SegmentWrites.deletable(reducer.state) == nil)
        reducer.send(.listLoaded(.segments, SegmentsPane.rows([Segment(id: 8, name: "Beta testers", type: "manual")])))
        #expect(SegmentWrites.deletable(reducer.state)?.name == "Beta testers")
    }

    /// `-` on a manual segment's member who has only a cio_id removes them as cio_id, and a member shown as
    /// unsubscribed is known to be so from the loaded profile, not from the "no" drawn for it.
    @Test func aMemberIsWhoTheRowSaysTyped() throws {
        var reducer = Reducer(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true, hasTrackCredentials: true))
        reducer.send(.listLoaded(.segments, SegmentsPane.rows([Segment(id: 8, name: "Beta testers", type: "manual")])))
        reducer.press(.character("m"))
        #expect(reducer.state.route == .members(segment: 8))
        let member = CustomerIdentifiers(cioID: "c0ffee")
        reducer.send(.membersLoaded(segment: 8, rows: CustomersPane.rows([member]), next: nil, appended: false))
        let removal = SegmentWrites.removal(reducer.state)
        #expect(removal?.person == "c0ffee" && removal?.idType == .cioID)

        let withID = CustomerIdentifiers(id: "5", email: "u@example.com")
        reducer.send(.membersLoaded(segment: 8, rows: CustomersPane.rows([withID]), next: nil, appended: false))
        let key = try #require(RowKey.person(of: withID))
        reducer.send(.cellLoaded(.customers, key: key, column: PeopleCells.subscribedColumn, state: .value("no", number: 0)))
        #expect(SegmentWrites.personShown(reducer.state)?.unsubscribed == true)
    }
}
