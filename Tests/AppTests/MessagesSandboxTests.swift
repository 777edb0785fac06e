import Foundation
import CustomerIO
import Testing
import TerminalUI
@testable import App

/// The Messages pane's filters against the sandbox: each key narrows the list and the request says so.
@Suite struct MessagesSandboxTests {
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
            #expect(abs(start - (Int(Date().timeIntervalSince1970) - 7 * 86_400)) < 120)
        }
    }
}
