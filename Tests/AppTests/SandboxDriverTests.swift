import CustomerIO
import Foundation
import Sandbox
import Styling
import Testing
import TerminalUI
import Workspace
@testable import App

/// The app as a user drives it, with the sandbox behind the real client and the store: every test gets its own
/// sandbox (so probe counts and faults never mix) and stops it at the end, whatever happened.
struct DrivenApp {
    let server: SandboxServer
    let client: AppAPIClient
    let driver: AppDriver

    var probe: SandboxProbe { server.probe }
    var lines: [String] { driver.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var statusBar: String { lines.last ?? "" }
    /// Requests for the segment list itself (not its counts or members).
    var segmentListRequests: Int { probe.requests().filter { $0.method == "GET" && $0.path == "/v1/segments" }.count }

    static func with(_ body: (DrivenApp) async throws -> Void) async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        options.customers = 5_000
        let server = try await SandboxServer.start(options)
        do {
            let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("demo")!, appBaseURL: server.baseURL))
            let environment = AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) })
            let state = AppState(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), size: Size(width: 100, height: 30))
            let driver = AppDriver(state: state, handler: EffectHandler(environment: environment, monochrome: false))
            try await body(DrivenApp(server: server, client: client, driver: driver))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Moves the selection to the row whose key is `key`, from the top.
    func select(key: RowKey) async throws {
        try await driver.press(.character("g"))
        let index = try #require(driver.state.currentList.visible.firstIndex { driver.state.currentList.loadedRows[$0].key == key })
        for _ in 0..<index { try await driver.press(.character("j")) }
        #expect(driver.state.currentList.selectedRow?.key == key)
    }
}

/// `1125` as the app shows it: `1,125`.
func thousands(_ number: Int) -> String {
    var groups: [String] = []
    var rest = number
    repeat {
        let group = rest % 1000
        rest /= 1000
        groups.insert(rest > 0 ? String(repeating: "0", count: 3 - String(group).count) + String(group) : String(group), at: 0)
    } while rest > 0
    return groups.joined(separator: ",")
}

@Suite struct SandboxDriverTests {
    @Test func thousandsFormatsLikeTheApp() {
        #expect(thousands(0) == "0")
        #expect(thousands(999) == "999")
        #expect(thousands(1_125) == "1,125")
        #expect(thousands(1_000_005) == "1,000,005")
    }

    @Test func startShowsTheSandboxSegments() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            #expect(app.segmentListRequests == 1)
            let segments = try await app.client.segments()
            #expect(segments.count >= 10)
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == segments.map { RowKey.id($0.id) })
            let text = app.driver.text
            // 30 rows leave 25 for data under the header: every segment fits.
            for segment in segments {
                let name = try #require(segment.name)
                #expect(text.contains(name), "\(name) is not on screen")
            }
            #expect(app.lines[1].contains("Segments"))
            #expect(app.lines[1].contains("\(segments.count) rows"))
            #expect(app.statusBar.contains("DEMO"))
            #expect(app.statusBar.contains("Demo workspace"))
            // The list, then the customer counts of the rows on screen (all of them here), in one batch.
            #expect(app.driver.performed == [
                .loadList(.segments, refresh: false, query: nil),
                .loadCells(.segments, keys: segments.map { RowKey.id($0.id) }, refresh: false),
            ])
            for segment in segments {
                let row = try #require(app.driver.state.currentList.loadedRows.first { $0.key == .id(segment.id) })
                #expect(row.cells[4] == thousands(try await app.client.segmentCustomerCount(id: segment.id)))
            }
        }
    }

    @Test func openingASegmentShowsItsCountOnceAndRefreshFetchesAgain() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            let segments = try await app.client.segments()
            let segment = try #require(segments.first { $0.name == "Paying customers" })
            let expected = try await app.client.segmentCustomerCount(id: segment.id)
            let countPath = "/v1/segments/\(segment.id)/customer_count"
            // Once for the list's lazily loaded column, once for the line above.
            #expect(app.probe.requestCount(pathPrefix: countPath) == 2)

            try await app.select(key: .id(segment.id))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.segments, key: .id(segment.id)))
            // The detail reuses the count the list already loaded.
            #expect(app.probe.requestCount(pathPrefix: countPath) == 2)
            #expect(app.probe.requestCount(pathPrefix: "/v1/segments/\(segment.id)/used_by") == 1)
            let line = try #require(app.lines.first { $0.hasPrefix("Customers ") })
            #expect(line.hasSuffix(" " + thousands(expected)))
            #expect(expected >= 1_000, "5,000 people should give a four-digit count, to see the separator")
            #expect(line.contains(","))
            #expect(app.lines.contains { $0.hasPrefix("Used by") })
            #expect(app.lines[1].contains("Segments › Paying customers"))

            // Back and in again: everything is still loaded, so nothing is asked for.
            try await app.driver.press(.escape)
            let performed = app.driver.performed.count
            try await app.driver.press(.enter)
            #expect(app.driver.performed.count == performed)
            #expect(app.probe.requestCount(pathPrefix: countPath) == 2)
            #expect(app.lines.contains { $0.hasPrefix("Customers ") && $0.hasSuffix(" " + thousands(expected)) })

            // r on the detail goes to the sandbox again, once for each field.
            try await app.driver.press(.character("r"))
            #expect(app.probe.requestCount(pathPrefix: countPath) == 3)
            #expect(app.probe.requestCount(pathPrefix: "/v1/segments/\(segment.id)/used_by") == 2)
            #expect(app.lines.contains { $0.hasPrefix("Customers ") && $0.hasSuffix(" " + thousands(expected)) })
        }
    }

    @Test func threeShowsTheSandboxCampaigns() async throws {
        // History that ended yesterday, so today's sends cannot come due between the list's request and ours.
        let session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
        try await DrivenApp.with(session: session, options: { $0.anchor = WallClock.now().addingTimeInterval(-86_400) }) { app in
            try await app.driver.start()
            try await app.driver.press(.character("3"))
            #expect(app.driver.state.route == .list(.campaigns))
            #expect(app.probe.requests().filter { $0.method == "GET" && $0.path == "/v1/campaigns" }.count == 1)
            let campaigns = try await app.client.campaigns()
            // Metrics (sparkline, sent, open and click rates) load for the rows on screen only, one request each.
            let onScreen = min(campaigns.count, Layout.tableRows(app.driver.state.size))
            let metricRequests = app.probe.requests().filter { $0.path.hasSuffix("/metrics") }
            #expect(metricRequests.count == onScreen)
            let rows = app.driver.state.currentList.loadedRows
            for row in rows.prefix(onScreen) {
                #expect(row.cells[2] != "…" && row.cells[3] != "…", "no metrics for campaign \(row.key)")
            }
            for row in rows.dropFirst(onScreen) {
                #expect(row.cells[2] == "…", "campaign \(row.key) is off screen but its metrics loaded")
            }
            let first = try #require(campaigns.first)
            let series = try await app.client.campaignMetrics(id: first.id, lastDays: 30).series
            #expect(rows[0].cells[3] == thousands(series.total("sent")))
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == campaigns.map { RowKey.id($0.id) })
            let firstName = try #require(campaigns.first?.name)
            #expect(app.lines[3].contains(firstName))
            #expect(app.lines[1].contains("Campaigns"))
            #expect(app.lines[1].contains("\(campaigns.count) rows"))
            // Back to segments: still loaded, no new request.
            try await app.driver.press(.character("1"))
            #expect(app.segmentListRequests == 1)
            #expect(app.driver.state.route == .list(.segments))
        }
    }

    @Test func aBrokenSegmentsListShowsTheErrorAndRecoversOnRefresh() async throws {
        try await DrivenApp.with { app in
            // A 200 whose body is cut-off JSON: the client does not retry it.
            app.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/segments", status: 200, times: 1, body: .malformedJSON))
            try await app.driver.start()
            #expect(app.segmentListRequests == 1)
            guard case .failed(let message, previous: nil) = app.driver.state.currentList.rows else {
                Issue.record("the list did not fail: \(app.driver.state.currentList.rows)")
                return
            }
            #expect(message.contains("GET /v1/segments could not be read"))
            #expect(app.driver.state.flash?.level == .error)
            #expect(app.statusBar.contains("Customer.io's answer to GET /v1/segments"))
            #expect(app.driver.text.contains("Could not load segments: Customer.io's answer"))
            #expect(app.driver.state.currentList.loadedRows.isEmpty)

            try await app.driver.press(.character("r"))
            #expect(app.segmentListRequests == 2)
            let segments = try await app.client.segments()
            #expect(app.driver.state.currentList.loadedRows.count == segments.count)
            #expect(!app.driver.text.contains("Could not load"))
            let firstName = try #require(segments.first?.name)
            #expect(app.lines[3].contains(firstName))
        }
    }
}
