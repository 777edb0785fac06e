import Foundation
import CustomerIO
import Testing
import TerminalUI
@testable import App

/// The Messages pane's filters against the sandbox: each key narrows the list and the request says so.
@Suite struct MessagesSandboxTests {
    /// Messages pages as you scroll, as Customers does: 200 at first, "more as you scroll", G loads on, every row
    /// once and in the API's order.
    @Test func messagesPageAsYouScroll() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("6"))
            let first = app.driver.state.currentList.loadedRows
            #expect(first.count == 200)
            #expect(app.driver.text.contains("more as you scroll"))
            try await app.driver.press(.character("G"))
            let more = app.driver.state.currentList.loadedRows
            #expect(more.count > 200)
            #expect(Set(more.map(\.key)).count == more.count)
            #expect(Array(more.prefix(200)).map(\.key) == first.map(\.key))
            let pages = app.probe.requests().filter { $0.path == "/v1/messages" }
            #expect(pages.contains { $0.query["start"] != nil })
            // The next pages are the API's own: what a second request from the first cursor gives.
            let page = try await app.client.messages(MessageFilter(limit: 200))
            let second = try await app.client.messages(MessageFilter(start: page.next, limit: 200))
            #expect(Array(more.dropFirst(200).prefix(second.messages.count)).map(\.key) == second.messages.map { RowKey.name($0.id) })
        }
    }

    @Test func typeMetricAndWindowFilterTheList() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("6"))
            #expect(app.driver.text.contains("Messages › all"))
            let all = app.driver.state.currentList.loadedRows.count
            #expect(all > 0)

            try await app.driver.press(.character("t"))
            #expect(app.driver.text.contains("Messages › email"))
            let typed = app.driver.state.currentList.loadedRows
            #expect(!typed.isEmpty)
            #expect(typed.allSatisfy { $0.cells[1] == "email" })
            let last = try #require(app.probe.requests().last { $0.path == "/v1/messages" })
            #expect(last.query["type"] == "email")

            try await app.driver.press(.character("e"), .character("e"), .character("e"))
            #expect(app.driver.text.contains("Messages › email · opened"))
            let opened = try #require(app.probe.requests().last { $0.path == "/v1/messages" })
            #expect(opened.query["metric"] == "opened")
            // Every delivery shown has an "opened" time in its timeline.
            let rows = app.driver.state.currentList.loadedRows
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { row in row.detail.contains { $0.key == "  opened" } })

            try await app.driver.press(.character("w"), .character("w"))
            #expect(app.driver.text.contains("last 7 days"))
            let windowed = try #require(app.probe.requests().last { $0.path == "/v1/messages" })
            let start = try #require(windowed.query["start_ts"].flatMap(Int.init))
            #expect(abs(start - (WallClock.unixNow() - 7 * 86_400)) < 120)
        }
    }
}
