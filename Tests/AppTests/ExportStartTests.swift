import CustomerIO
import Foundation
import Sandbox
import Styling
import Testing
import TerminalUI
import Workspace
@testable import App

extension DrivenApp {
    /// As `with`, for tests that need another session (read-only), other sandbox options (how long exports take) or
    /// another retry policy (faults that outlast the retries without waiting out the real backoff).
    static func with(
        session: SessionInfo,
        options configure: (inout SandboxOptions) -> Void = { _ in },
        retry: RetryPolicy = RetryPolicy(),
        _ body: (DrivenApp) async throws -> Void
    ) async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        options.customers = 5_000
        configure(&options)
        let server = try await SandboxServer.start(options)
        do {
            let configuration = try ClientConfiguration(key: Secret("demo")!, appBaseURL: server.baseURL)
            let client = AppAPIClient(configuration: configuration, retryPolicy: retry)
            let environment = AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) })
            let state = AppState(session: session, size: Size(width: 100, height: 30))
            let driver = AppDriver(state: state, handler: EffectHandler(environment: environment, monochrome: false))
            try await body(DrivenApp(server: server, client: client, driver: driver))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Runs a Customers search as the user types it: `/`, the text, Enter.
    func find(_ text: String) async throws {
        try await driver.press(.character("/"), .control("u"))
        try await driver.type(text)
        try await driver.press(.enter)
    }

    /// The lines of the opened item, as the detail shows them (unfiltered unless a filter is set).
    var detailLines: [DetailLine] { driver.state.details[driver.state.route]?.lines(spinner: "") ?? [] }

    /// Moves the detail's selection to the first line that `matches`, from the top, and returns it.
    @discardableResult
    func selectLine(_ what: String, where matches: (DetailLine) -> Bool) async throws -> DetailLine {
        try await driver.press(.character("g"))
        let found = detailLines.firstIndex(where: matches)
        let index = try #require(found, "no line for \(what)")
        for _ in 0..<index { try await driver.press(.character("j")) }
        let line = try #require(driver.state.selectedLine)
        #expect(line == detailLines[index], "the selection is not on \(what)")
        return line
    }

    /// The review on screen, if one is.
    var review: ReviewState? { if case .reviewing(let review) = driver.state.mode { review } else { nil } }

    /// `y` on the review once its keys count.
    func confirmReview() async throws {
        try await driver.advanceClock(by: ReviewState.keyGrace)
        try await driver.press(.character("y"))
    }

    /// Requests the sandbox saw with this method and exactly this path.
    func count(_ method: String, _ path: String) -> Int {
        probe.requests().filter { $0.method == method && $0.path == path }.count
    }
}

/// `x` starts an export only after `y` on its review, once; the Exports list follows it until it is done; a
/// read-only session never gets as far as asking. `b` loads a message's archived body on the same terms.
@Suite struct ExportStartTests {
    @Test func aCustomersExportAsksFirstStartsOnceAndIsFollowedUntilDone() async throws {
        // The export is done at its fourth listing, whatever the time (the test's own read, the Exports pane, two
        // polls): seen pending on a machine of any speed, with no clock to race. (No start: the segment counts it
        // loads would fill the client's rate budget and delay the first listing.)
        try await DrivenApp.with(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), options: { $0.exportListings = 4 }) { app in
            try await app.driver.press(.character("2"))
            try await app.find("plan = pro")
            #expect(app.driver.state.currentList.loadedRows.count == 200)

            // x opens the review of exactly what will be sent; Enter never starts it, nor Esc.
            try await app.driver.press(.character("x"))
            let review = try #require(app.review, "no review for the export: \(app.driver.state.mode)")
            #expect(review.write.endpoint == "POST /v1/exports/customers")
            #expect(app.driver.text.contains("Start an export"))
            #expect(app.driver.text.contains("people matching “plan = pro”"))
            #expect(app.driver.text.contains("\"filters\""))
            try await app.driver.advanceClock(by: ReviewState.keyGrace)
            try await app.driver.press(.enter)
            #expect(app.count("POST", "/v1/exports/customers") == 0)
            #expect(app.driver.state.flash?.text.contains("Enter never sends") == true)
            try await app.driver.press(.escape)
            #expect(app.driver.state.mode == .browsing)
            #expect(app.count("POST", "/v1/exports/customers") == 0)

            // x again, and y once its keys count: started, once.
            try await app.driver.press(.character("x"))
            try await app.confirmReview()
            #expect(app.count("POST", "/v1/exports/customers") == 1)
            let flash = try #require(app.driver.state.flash?.text)
            let exports = try await app.client.exports()
            let started = try #require(exports.filter { $0.type == "customers" }.max { $0.id < $1.id })
            #expect(flash.contains("Export \(started.id) started"), "flash: \(flash)")
            try await app.driver.press(.character("y"))
            #expect(app.count("POST", "/v1/exports/customers") == 1, "y on the outcome starts nothing more")
            try await app.driver.press(.escape)

            // Exports shows it, still being built, and schedules a reload.
            let listings = app.count("GET", "/v1/exports")
            try await app.driver.press(.character("7"))
            #expect(app.count("GET", "/v1/exports") == listings + 1)
            let key = started.id
            func status() -> String? { app.driver.state.currentList.loadedRows.first { $0.key == .id(key) }?.cells[2] }
            #expect(status() == "pending")
            let firstPoll = try #require(app.driver.state.pollsAt[.exports])
            #expect(firstPoll == app.driver.state.now + ExportsPane.pollInterval)

            // A tick before the poll is due asks for nothing.
            try await app.driver.send(.tick(now: firstPoll - 0.5))
            #expect(app.count("GET", "/v1/exports") == listings + 1)

            // Each due tick reloads the list, until the sandbox says done: two polls.
            var polls = 0
            while status() == "pending", polls < 10 {
                let due = try #require(app.driver.state.pollsAt[.exports], "an export is pending but no reload is scheduled")
                let before = app.count("GET", "/v1/exports")
                try await app.driver.send(.tick(now: due))
                #expect(app.count("GET", "/v1/exports") == before + 1)
                polls += 1
            }
            #expect(polls == 2)
            #expect(status() == "done")
            #expect(app.driver.text.contains("done"))
            // Nothing is running any more: no further reloads.
            #expect(app.driver.state.pollsAt[.exports] == nil)
            let settled = app.count("GET", "/v1/exports")
            try await app.driver.send(.tick(now: app.driver.state.now + 60))
            #expect(app.count("GET", "/v1/exports") == settled)

            // The export holds exactly the people the query matched: the query went to the sandbox as its filter.
            var everyone = 0
            for try await page in app.client.allCustomers(matching: try FilterQuery.parse("plan = pro"), pageSize: 1000) { everyone += page.count }
            #expect(everyone > 200)
            let row = try #require(app.driver.state.currentList.loadedRows.first { $0.key == .id(key) })
            #expect(row.cells[3] == String(everyone))
        }
    }

    @Test func aReadOnlySessionRefusesXBeforeAsking() async throws {
        try await DrivenApp.with(session: SessionInfo(profile: "ops", region: "sandbox", isReadOnly: true)) { app in
            try await app.driver.press(.character("2"))
            try await app.find("plan = pro")
            #expect(!app.driver.state.currentList.loadedRows.isEmpty)
            try await app.driver.press(.character("x"))
            #expect(app.driver.state.mode == .browsing)
            #expect(app.driver.state.flash?.level == .warn)
            #expect(app.driver.state.flash?.text.contains("read-only") == true)
            // The reason must reach the user, not only the state: the status bar is all they see of the flash.
            #expect(app.statusBar.contains("read-only"))
            // Even pressing on as if a review were open starts nothing.
            try await app.driver.press(.enter, .character("y"))
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/exports") == 0)
            #expect(app.review == nil)

            // The same on a campaign.
            try await app.driver.press(.character("3"), .enter)
            let first = try #require(app.driver.state.lists[.campaigns]?.loadedRows.first)
            #expect(app.driver.state.route == .detail(.campaigns, key: first.key))
            try await app.driver.press(.character("x"))
            #expect(app.driver.state.mode == .browsing)
            #expect(app.driver.state.flash?.text.contains("read-only") == true)
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/exports") == 0)
        }
    }

    @Test func aCampaignsDeliveriesExportNamesTheCampaign() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("3"))
            let campaigns = try await app.client.campaigns()
            let campaign = try #require(campaigns.first)
            try await app.select(key: .id(campaign.id))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.campaigns, key: .id(campaign.id)))

            try await app.driver.press(.character("x"))
            let review = try #require(app.review, "no review for the campaign's deliveries: \(app.driver.state.mode)")
            #expect(review.write.endpoint == "POST /v1/exports/deliveries")
            // Named, not only numbered.
            #expect(app.driver.text.contains("deliveries of campaign \(try #require(campaign.name)) (#\(campaign.id))"))
            try await app.confirmReview()
            #expect(app.count("POST", "/v1/exports/deliveries") == 1)
            #expect(app.count("POST", "/v1/exports/customers") == 0)
            // The sandbox names what the export selects: the body carried this campaign's id.
            let exports = try await app.client.exports()
            let started = try #require(exports.filter { $0.type == "deliveries" }.max { $0.id < $1.id })
            #expect(started.description?.contains("campaign_id \(campaign.id) ") == true, "description: \(started.description ?? "none")")
            #expect(app.driver.state.flash?.text.contains("Export \(started.id) started") == true)
        }
    }

    @Test func theArchivedBodyLoadsOnlyAfterConfirmingAndOnlyOnce() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("6"))
            let message = try #require(app.driver.state.currentList.selectedRow)
            try await app.driver.press(.enter)
            let route = Route.detail(.messages, key: message.key)
            #expect(app.driver.state.route == route)
            func archivedRequests() -> Int {
                app.probe.requests().filter { $0.path.hasPrefix("/v1/messages/") && $0.path.hasSuffix("/archived_message") }.count
            }

            // b warns about the daily quota; Enter on Cancel loads nothing.
            try await app.driver.press(.character("b"))
            guard case .confirming(let dialog, _) = app.driver.state.mode else {
                Issue.record("no confirmation for the archived body: \(app.driver.state.mode)")
                return
            }
            #expect(dialog.message.contains("100"))
            #expect(app.driver.text.contains("100 archived messages a day"))
            try await app.driver.press(.enter)
            #expect(app.driver.state.flash?.text.contains("Cancelled") == true)
            #expect(archivedRequests() == 0)
            #expect(!app.detailLines.contains { $0.isHeading && $0.key == SectionID.archivedBody.title })

            // Confirmed: one request, and the body shows under its own heading.
            try await app.driver.press(.character("b"), .tab, .enter)
            #expect(archivedRequests() == 1)
            let lines = app.detailLines
            #expect(lines.contains { $0.isHeading && $0.key == SectionID.archivedBody.title })
            guard case .loaded(let body)? = app.driver.state.details[route]?.sections[SectionID.archivedBody] else {
                Issue.record("the archived body did not load: \(String(describing: app.driver.state.details[route]?.sections[SectionID.archivedBody]))")
                return
            }
            #expect(body.contains { $0.key == "Body" })
            #expect(app.driver.text.contains(SectionID.archivedBody.title))

            // b again is refused: the body is already on screen, and the quota is not spent twice.
            try await app.driver.press(.character("b"))
            #expect(app.driver.state.mode == .browsing)
            #expect(app.driver.state.flash?.text.contains("already shown") == true)
            #expect(archivedRequests() == 1)
        }
    }
}

/// Every write is journaled, export starts too, and the journal reads its times as the rest of the app does.
@Suite struct ExportJournalTests {
    @Test func anExportStartIsJournaledWithItsId() async throws {
        try await WritingApp.with { app in
            try await app.driver.press(.character("2"))
            try await app.app.find("plan = pro")
            try await app.driver.press(.character("x"))
            #expect(app.review?.write.endpoint == "POST /v1/exports/customers")
            try await app.confirm()
            guard case .finished(.done(let id, let link))? = app.review?.stage else {
                Issue.record("not started: \(String(describing: app.review?.stage))")
                return
            }
            #expect(link == .list(.exports))
            let entry = try #require(app.journal.last)
            #expect(app.journal.count == 1)
            #expect(entry.endpoint == "POST /v1/exports/customers")
            #expect(entry.outcome == "sent")
            #expect(entry.resultID == id)
            #expect(try await app.app.client.exports().contains { String($0.id) == id })
        }
    }

    @Test func journalTimesReadAsLocalTimeLikeEveryOtherTime() {
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        let entry = WriteJournal.Entry(time: time, profile: "prod-us", endpoint: "POST /v1/exports/customers", payloadDigest: "ab12", resultID: "9", outcome: "sent")
        let row = JournalPane.rows([entry])[0]
        #expect(row.cells[0] == TimeText.short(1_790_000_000))
        #expect(row.detail.first?.value.hasSuffix("2026-09-21T14:13:20Z") == true)
    }
}
