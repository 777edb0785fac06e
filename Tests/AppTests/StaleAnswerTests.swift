import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// An answer is shown only while it still answers what is on screen: lists, pages, metric cells and sections that
/// come back out of order, or after the user moved on, may fill the cache but never the screen.
@Suite struct StaleAnswerTests {
    static func message(_ id: String, _ state: String) -> ListRow {
        ListRow(key: .name(id), cells: ["2026-11-28 10:00", "email", state, "a@example.com", "Hello", "campaign #1"])
    }

    /// `e` pressed three times quickly: the answers for the first two filters arrive last, and are dropped.
    @Test func messagesFromAnEarlierFilterNeverFillTheListUnderTheNewLabel() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let all = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: all, rows: [Self.message("m0", "sent")], next: nil, appended: false))
        var asked: [ListQuery] = []
        for _ in 0..<3 {
            for effect in reducer.press(.character("e")) {
                if case .loadList(.messages, _, let query?) = effect { asked.append(query) }
            }
        }
        #expect(asked.count == 3 && Set(asked).count == 3)
        let current = ListQuery.messages(reducer.state.messagesQuery)
        #expect(current == asked[2])
        // The latest answer first, then the two older ones, out of order.
        reducer.send(.listPage(.messages, query: asked[2], rows: [Self.message("m3", "bounced")], next: nil, appended: false))
        reducer.send(.listPage(.messages, query: asked[0], rows: [Self.message("m1", "delivered")], next: nil, appended: false))
        reducer.send(.listFailed(.messages, "timed out", query: asked[1]))
        #expect(reducer.state.currentList.loadedRows.map(\.key) == [.name("m3")])
        #expect(reducer.state.flash?.text.contains("timed out") != true)
        // Enter opens what the screen shows under this filter, not an older answer's row.
        reducer.press(.enter)
        #expect(reducer.state.route == .detail(.messages, key: .name("m3")))
    }

    @Test func anOlderFiltersAnswerArrivingBeforeTheCurrentOneLeavesTheListLoading() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let first = ListQuery.messages(reducer.state.messagesQuery)
        reducer.press(.character("e"))
        reducer.send(.listPage(.messages, query: first, rows: [Self.message("m1", "delivered")], next: nil, appended: false))
        #expect(reducer.state.currentList.loadedRows.isEmpty)
        #expect(reducer.state.currentList.rows.isLoading)
    }

    /// A page for a Messages filter that was replaced is not appended to the new filter's rows.
    @Test func aLatePageOfAnotherFilterIsNotAppended() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let first = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: first, rows: (0..<30).map { Self.message("a\($0)", "sent") }, next: "p2", appended: false))
        reducer.press(.character("e"))
        let second = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: second, rows: [Self.message("b0", "delivered")], next: nil, appended: false))
        reducer.send(.listPage(.messages, query: first, rows: [Self.message("a30", "sent")], next: nil, appended: true))
        #expect(reducer.state.currentList.loadedRows.map(\.key) == [.name("b0")])
    }

    /// `w` changes the metrics window: a cell or a section still coming for the old window is dropped.
    @Test func metricFiguresForTheWindowLeftBehindAreDropped() {
        var reducer = Reducer()
        reducer.press(.character("3"))
        reducer.send(.listLoaded(.campaigns, [ListRow(key: 12, cells: ["12", "Welcome", "…", "…", "…", "…"])]))
        let before = reducer.state.metricsView
        reducer.press(.character("w"))
        #expect(reducer.state.metricsView != before)
        reducer.send(.cellLoaded(.campaigns, key: 12, column: 3, state: .value("999"), metrics: before))
        #expect(reducer.state.currentList.loadedRows.first?.cells[3] == "…")
        reducer.send(.cellLoaded(.campaigns, key: 12, column: 3, state: .value("41"), metrics: reducer.state.metricsView))
        #expect(reducer.state.currentList.loadedRows.first?.cells[3] == "41")

        reducer.press(.enter)
        let route = Route.detail(.campaigns, key: 12)
        #expect(reducer.state.route == route)
        reducer.send(.sectionLoaded(route, name: SectionID.metrics, lines: [DetailLine(key: "sent", value: "old")], metrics: before))
        #expect(reducer.state.details[route]?.sections[SectionID.metrics]?.value == nil)
        reducer.send(.sectionLoaded(route, name: SectionID.metrics, lines: [DetailLine(key: "sent", value: "new")], metrics: reducer.state.metricsView))
        #expect(reducer.state.details[route]?.sections[SectionID.metrics]?.value?.first?.value == "new")
    }

    @Test func anEmptyFilteredListSaysItsFilter() {
        var reducer = Reducer()
        reducer.press(.character("6"), .character("e"))
        reducer.send(.listPage(.messages, query: ListQuery.messages(reducer.state.messagesQuery), rows: [], next: nil, appended: false))
        let text = AppView.render(reducer.state).text
        #expect(text.contains("No messages match"))
        #expect(!text.contains("in this workspace"))
    }

    /// A filter change starts a fresh list: no next-page request with the old filter's cursor, and a later page
    /// with no first page under it is not shown as the first.
    @Test func aNewFilterNeverAsksForTheNextPageWithTheOldCursor() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let first = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: first, rows: (0..<30).map { Self.message("a\($0)", "sent") }, next: "old-cursor", appended: false))
        reducer.press(.character("G"))
        let effects = reducer.press(.character("e"))
        #expect(!effects.contains { if case .loadMore = $0 { true } else { false } }, "\(effects)")
        #expect(reducer.state.currentList.next == nil)
        let second = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: second, rows: [Self.message("b9", "delivered")], next: nil, appended: true))
        #expect(reducer.state.currentList.loadedRows.isEmpty)
        #expect(reducer.state.currentList.rows.isLoading)
    }

    /// A page that fails stops paging (no request loop against a lasting error) and says so; `r` starts again.
    @Test func aFailedPageStopsPagingUntilTheListReloads() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let query = ListQuery.messages(reducer.state.messagesQuery)
        reducer.send(.listPage(.messages, query: query, rows: (0..<5).map { Self.message("a\($0)", "sent") }, next: "p2", appended: false))
        reducer.send(.listPageFailed(.messages, query: query, message: "Customer.io had a server error (503)"))
        #expect(reducer.state.currentList.next == nil)
        #expect(reducer.state.currentList.pagingNote.contains("failed"))
        let moved = reducer.press(.character("G"), .character("k"), .character("j"))
        #expect(!moved.contains { if case .loadMore = $0 { true } else { false } })
        reducer.press(.character("r"))
        reducer.send(.listPage(.messages, query: query, rows: (0..<5).map { Self.message("a\($0)", "sent") }, next: "p2", appended: false))
        #expect(!reducer.state.currentList.pagingNote.contains("failed"))
    }
}

/// A later page asked for before a list reloaded (after a write, or `r`) is not appended to the reloaded rows,
/// even when its query and cursor are the same as the new loading's.
@Suite struct ReloadedListPageTests {
    @Test func aPageOfTheOldLoadingIsDroppedAfterTheListReloads() {
        var reducer = Reducer()
        reducer.press(.character("6"))
        let query = ListQuery.messages(reducer.state.messagesQuery)
        let rows = { (prefix: String) in (0..<30).map { StaleAnswerTests.message("\(prefix)\($0)", "sent") } }
        reducer.send(.listPage(.messages, query: query, rows: rows("old"), next: "p2", appended: false))
        let asked = reducer.state.currentList.generation
        // The list reloads (a write emptied it): the same query, the same first cursor.
        reducer.send(.listPage(.messages, query: query, rows: rows("new"), next: "p2", appended: false))
        #expect(reducer.state.currentList.generation != asked)
        reducer.send(.listPage(.messages, query: query, rows: [StaleAnswerTests.message("old-page-2", "sent")], next: nil, appended: true, generation: asked))
        #expect(!reducer.state.currentList.loadedRows.contains { $0.key == .name("old-page-2") })
        #expect(reducer.state.currentList.loadedRows.count == 30)
        reducer.send(.listPage(.messages, query: query, rows: [StaleAnswerTests.message("new-page-2", "sent")], next: nil, appended: true, generation: reducer.state.currentList.generation))
        #expect(reducer.state.currentList.loadedRows.last?.key == .name("new-page-2"))
    }
}
