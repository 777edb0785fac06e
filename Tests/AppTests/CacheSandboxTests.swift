import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
import Workspace
@testable import App

/// What the cache saves and what it must forget, seen from the sandbox's side: panes shown again, concurrent
/// callers, a write that changes a list, a list that fails until it doesn't, and a query paged by its cursor.
@Suite struct CacheSandboxTests {
    @Test func campaignsShownAgainAskForNothing() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("3"))
            #expect(app.count("GET", "/v1/campaigns") == 1)
            let requests = app.probe.requests().count
            let rows = app.driver.state.currentList.loadedRows
            #expect(!rows.isEmpty)

            // Away to Broadcasts (which loads its own) and back: Campaigns neither lists nor charts again.
            try await app.driver.press(.character("4"))
            #expect(app.driver.state.route == .list(.broadcasts))
            let afterBroadcasts = app.probe.requests().count
            #expect(afterBroadcasts > requests)
            try await app.driver.press(.character("3"))
            #expect(app.driver.state.route == .list(.campaigns))
            #expect(app.probe.requests().count == afterBroadcasts)
            #expect(app.count("GET", "/v1/campaigns") == 1)
            #expect(app.driver.state.currentList.loadedRows == rows)
        }
    }

    @Test func concurrentCallersShareOneRequest() async throws {
        try await DrivenApp.with { app in
            // The answer is held back, so the second call surely arrives while the first is still waiting.
            app.probe.inject(.delay(300, method: "GET", pathPrefix: "/v1/campaigns"))
            let service = WorkspaceService(client: app.client)
            async let first = service.campaigns()
            async let second = service.campaigns()
            let (a, b) = try await (first, second)
            #expect(!a.isEmpty)
            #expect(a == b)
            #expect(app.count("GET", "/v1/campaigns") == 1)
            let stats = await service.store.stats
            #expect(stats.misses == 1)
            #expect(stats.hits == 1)
            #expect(stats.inFlight == 0)
            #expect(stats.entries == 1)

            // And afterwards it is cached.
            _ = try await service.campaigns()
            #expect(app.count("GET", "/v1/campaigns") == 1)
        }
    }

    @Test func startingAnExportForgetsTheCachedExportsList() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("7"))
            #expect(app.count("GET", "/v1/exports") == 1)
            let before = Set(app.driver.state.currentList.loadedRows.map(\.key))
            #expect(!before.isEmpty)

            // Without a write, Exports shown again comes from what was loaded.
            try await app.driver.press(.character("2"), .character("7"))
            #expect(app.count("GET", "/v1/exports") == 1)

            try await app.driver.press(.character("2"))
            try await app.find("plan = enterprise")
            try await app.driver.press(.character("x"))
            try await app.confirmReview()
            #expect(app.count("POST", "/v1/exports/customers") == 1)
            try await app.driver.press(.escape, .character("7"))
            #expect(app.count("GET", "/v1/exports") == 2)
            let after = app.driver.state.currentList.loadedRows
            let added = after.filter { !before.contains($0.key) }
            #expect(added.count == 1)
            #expect(added.first?.cells[1] == "customers")
            #expect(app.driver.state.flash?.text.contains("Export \(added.first?.key.description ?? "?") started") == true)
            #expect(app.driver.text.contains(added.first?.key.description ?? "?"))
        }
    }

    @Test func aSegmentsListThatKeepsFailingShowsWhyAndRecoversOnRefresh() async throws {
        // Short retries: the fault outlasts them all without the test waiting out the real backoff.
        let retry = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02)
        try await DrivenApp.with(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), retry: retry) { app in
            // A proxy's HTML error page for every segments request, until it is cleared.
            app.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/segments", status: 502, times: 1_000, body: .html))
            try await app.driver.start()
            let attempts = app.probe.requests().filter { $0.method == "GET" && $0.path == "/v1/segments" }
            #expect(attempts.count == 3)
            #expect(attempts.allSatisfy { $0.status == 502 })
            guard case .failed(let message, previous: nil) = app.driver.state.currentList.rows else {
                Issue.record("the list did not fail: \(app.driver.state.currentList.rows)")
                return
            }
            #expect(message.contains("HTML"))
            #expect(app.driver.text.contains("Could not load segments"))
            let flash = try #require(app.driver.state.flash)
            #expect(flash.level == .error)
            #expect(flash.text == message)
            #expect(app.statusBar.contains(String(message.prefix(40))))

            // r while it still fails: still the error, no rows.
            try await app.driver.press(.character("r"))
            #expect(app.segmentListRequests == 6)
            #expect(app.driver.text.contains("Could not load segments"))

            app.probe.clearFaults()
            try await app.driver.press(.character("r"))
            #expect(app.segmentListRequests == 7)
            let segments = try await app.client.segments()
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == segments.map { RowKey.id($0.id) })
            #expect(!app.driver.text.contains("Could not load"))
            #expect(app.lines[3].contains(try #require(segments.first?.name)))
        }
    }

    @Test func aQueryPagesByItsCursorTwoHundredAtATime() async throws {
        try await DrivenApp.with { app in
            try await app.driver.press(.character("2"))
            try await app.find("plan = free")
            func searches() -> [SandboxRequestRecord] { app.probe.requests().filter { $0.method == "POST" && $0.path == "/v1/customers" } }
            #expect(app.driver.state.currentList.loadedRows.count == 200)
            #expect(searches().count == 1)
            #expect(searches().first?.query["start"] == nil)
            #expect(searches().first?.query["limit"] == "200")

            // Each G goes to the last row loaded and brings the next page, from where the previous one ended.
            var cursors: [String] = []
            for page in 2...4 {
                let cursor = try #require(app.driver.state.customersNext, "no page \(page)")
                try await app.driver.press(.character("G"))
                #expect(app.driver.state.currentList.loadedRows.count == page * 200)
                #expect(searches().count == page)
                #expect(searches().last?.query["start"] == cursor)
                #expect(searches().last?.query["limit"] == "200")
                cursors.append(cursor)
            }
            #expect(Set(cursors).count == 3)
            let keys = app.driver.state.currentList.loadedRows.map(\.key)
            #expect(Set(keys).count == keys.count, "a page repeated people")
            // The pages are the sandbox's first 800 matches, in order.
            let expected = try await app.client.searchCustomers(filter: try FilterQuery.parse("plan = free"), limit: 800).identifiers
            #expect(app.driver.state.currentList.loadedRows.map { $0.cells[0] } == expected.map { $0.id ?? "—" })
            #expect(app.driver.text.contains("800 rows (more as you scroll)"))
        }
    }
}
