import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
import Workspace
@testable import App

/// ESP suppressions from the app: the pane lists and looks up, `U` and `A` go through the review (`y` only, Enter
/// never), are journaled, change the sandbox's lists, and are refused in read-only before anything is built.
@Suite struct SuppressionWriteTests {
    /// Opens `:suppressions`.
    func openPane(_ app: WritingApp) async throws {
        try await app.driver.press(.character(":"))
        try await app.driver.type("suppressions")
        try await app.driver.press(.enter)
        #expect(app.driver.state.route == .list(.suppressions))
    }

    @Test func unsuppressThenSuppressAgainFromThePane() async throws {
        try await WritingApp.with { app in
            try await openPane(app)
            let row = try #require(app.driver.state.currentList.selectedRow)
            guard case .suppression(let type, let entry)? = row.item else { Issue.record("no typed row: \(row)"); return }
            #expect(type == .bounces)

            try await app.driver.press(.character("U"))
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.endpoint == "DELETE /v1/esp/suppression/bounces/\(entry.email)")
            #expect(review.write.summary.first?.hasPrefix("\(entry.email): off bounces") == true)
            try await app.driver.advanceClock(by: ReviewState.keyGrace)
            try await app.driver.press(.enter)
            #expect(app.probe.requestCount(method: "DELETE", pathPrefix: "/v1/esp") == 0, "Enter never sends")
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            #expect(app.probe.requestCount(method: "DELETE", pathPrefix: "/v1/esp") == 1)
            #expect(app.journal.last?.endpoint == "DELETE /v1/esp/suppression/bounces/\(entry.email)")
            #expect(app.journal.last?.outcome == "sent")
            #expect(try await app.app.client.suppression(email: entry.email).suppressions.isEmpty)
            try await app.driver.press(.escape)
            #expect(!app.driver.state.currentList.loadedRows.contains { $0.item == row.item }, "the list reloaded without it")

            // Looked up, it is on no list; A puts it back on bounces after the review.
            try await app.driver.press(.character("e"))
            try await app.driver.type(entry.email)
            try await app.driver.press(.enter)
            #expect(app.driver.state.currentList.loadedRows.isEmpty)
            #expect(app.driver.text.contains("is on no ESP list: A adds it to bounces."))
            try await app.driver.press(.character("A"))
            let again = try #require(app.review)
            #expect(again.write.endpoint == "POST /v1/esp/suppression/bounces/\(entry.email)")
            try await app.confirm()
            #expect(app.journal.count == 2)
            #expect(try await app.app.client.suppression(email: entry.email).category == "bounces")
        }
    }

    @Test func unsuppressAPersonFromTheirProfile() async throws {
        try await WritingApp.with { app in
            let address = try #require(try await app.app.client.suppressions(.bounces, limit: 1).suppressions.first?.email)
            _ = try await app.openPerson(address)
            let route = app.driver.state.route
            #expect(app.driver.state.details[route]?.reachability?.answer(.email)?.suppressedOn == .bounces)
            try await app.driver.press(.character("U"))
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.endpoint == "DELETE /v1/esp/suppression/bounces/\(address)")
            try await app.confirm()
            try await app.driver.press(.escape)
            // The profile reloads: the address is no longer suppressed, and U has nothing left to do.
            #expect(app.driver.state.route == route)
            let email = app.driver.state.details[route]?.reachability?.answer(.email)
            #expect(email?.suppressedOn == nil)
            #expect(email?.reason.hasPrefix("suppressed") == false)
            #expect(Keymap.defaults.first { $0.id == "suppressions.remove" }?.unavailableReason(in: app.driver.state) != nil)
        }
    }

    @Test func readOnlyRefusesBeforeAnythingIsBuilt() async throws {
        try await WritingApp.with(readOnly: true) { app in
            try await openPane(app)
            try await app.driver.press(.character("U"))
            #expect(app.review == nil)
            #expect(app.driver.state.flash?.text.contains("read-only") == true)
            #expect(app.probe.requestCount(method: "DELETE", pathPrefix: "/v1/esp") == 0)
            #expect(app.journal.isEmpty)
        }
    }

    /// `A` adds only what looks like an email address; anything else is said not to be one.
    @Test func onlyAnAddressCanBeAdded() {
        var reducer = Reducer(size: Size(width: 100, height: 24))
        reducer.press(.character(":"))
        reducer.type("suppressions")
        reducer.press(.enter)
        for (typed, allowed) in [("foo", false), ("a@b", false), ("ada@example.com", true)] {
            reducer.state.suppressionsQuery = SuppressionsQuery(type: .bounces, email: typed)
            reducer.send(.listPage(.suppressions, query: .suppressions(reducer.state.suppressionsQuery), rows: [], next: nil, appended: false))
            #expect((SuppressionWrites.suppression(reducer.state) != nil) == allowed, "\(typed)")
        }
        reducer.state.suppressionsQuery = SuppressionsQuery(type: .bounces, email: "foo")
        reducer.send(.listPage(.suppressions, query: .suppressions(reducer.state.suppressionsQuery), rows: [], next: nil, appended: false))
        #expect(AppView.render(reducer.state).text.contains("“foo” is not an email address"))
    }
}

