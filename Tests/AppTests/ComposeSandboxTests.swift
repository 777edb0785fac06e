import CustomerIO
import Foundation
import Sandbox
import Styling
import Testing
import TerminalUI
import Workspace
@testable import App

/// The app on a sandbox with the Track API configured and a state folder of its own, for writes; optionally behind
/// a loopback gateway (for answers a gateway gives) and with Track credentials of the test's choosing.
struct WritingApp {
    let app: DrivenApp
    let stateFolder: URL
    /// The gateway every request goes through, when asked for.
    var gateway: GatewayProxy?
    var driver: AppDriver { app.driver }
    var probe: SandboxProbe { app.probe }
    /// One entry per write attempt (its outcome, or its pending line read as unknown).
    var journal: [WriteJournal.Entry] { WriteJournal(folder: stateFolder).attempts() }
    var drafts: [ComposeDraft] { DraftFiles(stateFolder: stateFolder).all() }

    /// Track API credentials for a run.
    struct TrackCredentials {
        var siteID = "sandbox"
        var key = "sandbox"
    }

    static func with(
        readOnly: Bool = false, timeout: Double = 30, rateLimit: Bool = false, throughGateway: Bool = false,
        track: TrackCredentials = TrackCredentials(), configure: (inout SandboxOptions) -> Void = { _ in },
        _ body: (WritingApp) async throws -> Void
    ) async throws {
        var options = SandboxOptions()
        options.rateLimit = rateLimit
        options.customers = 2_000
        configure(&options)
        let server = try await SandboxServer.start(options)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-compose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gateway = throughGateway ? try await GatewayProxy.start(forwardingTo: server.baseURL) : nil
        do {
            let base = gateway?.baseURL ?? server.baseURL
            let configuration = try ClientConfiguration(
                key: Secret("demo")!, appBaseURL: base, trackBaseURL: base,
                trackSiteID: track.siteID, trackKey: Secret(track.key),
                cdpBaseURL: base.appendingPathComponent("cdp"), cdpWriteKey: Secret("sandbox-write-key"), requestTimeout: timeout
            )
            let client = AppAPIClient(configuration: configuration)
            let environment = AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) }, stateFolder: folder, profile: "demo")
            var session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true, isReadOnly: readOnly, appHost: base.absoluteString, trackHost: base.absoluteString, hasTrackCredentials: true)
            session.cdpHost = base.appendingPathComponent("cdp").absoluteString
            session.hasPipelinesKey = true
            let driver = AppDriver(state: AppState(session: session, size: Size(width: 110, height: 40)), handler: EffectHandler(environment: environment, monochrome: false))
            try await body(WritingApp(app: DrivenApp(server: server, client: client, driver: driver), stateFolder: folder, gateway: gateway))
        } catch {
            await gateway?.stop()
            await server.stop()
            throw error
        }
        await gateway?.stop()
        await server.stop()
    }

    /// Opens the profile of the first person matching `query` and returns its customer id.
    func openPerson(_ query: String) async throws -> String {
        try await driver.press(.character("2"))
        try await app.find(query)
        let row = try #require(driver.state.currentList.selectedRow)
        try await driver.press(.enter)
        return row.cells[0]
    }

    /// Moves the composer's focus to `field` and presses Enter on it.
    func edit(_ field: ComposeField) async throws {
        guard case .composing(let composer) = driver.state.mode, let index = composer.fields.firstIndex(of: field) else {
            Issue.record("no field \(field) in \(driver.state.mode)")
            return
        }
        let moves = index - composer.focus
        for _ in 0..<abs(moves) { try await driver.press(.character(moves > 0 ? "j" : "k")) }
        try await driver.press(.enter)
    }

    /// Types into `field` and commits it.
    func fill(_ field: ComposeField, _ text: String) async throws {
        try await edit(field)
        try await driver.press(.control("u"))
        try await driver.type(text)
        try await driver.press(.enter)
    }

    /// `y` on the review, once its keys count (they wait ``ReviewState/keyGrace`` after it appears).
    func confirm() async throws {
        try await driver.advanceClock(by: ReviewState.keyGrace)
        try await driver.press(.character("y"))
    }

    var composer: ComposerState? { if case .composing(let composer) = driver.state.mode { composer } else { nil } }
    var review: ReviewState? { if case .reviewing(let review) = driver.state.mode { review } else { nil } }
}

@Suite struct ComposeSandboxTests {
    @Test func anEmailToAPersonFromTheirProfileIsReviewedSentOnceAndJournaled() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("plan = pro")
            let before = app.probe.deliveryCount(customerID: id)
            try await app.driver.press(.character("c"))
            let draft = try #require(app.composer?.draft)
            #expect(draft.kind == .email)
            #expect(draft.identifier == id)
            #expect(draft.to.contains("@"))

            // The template comes from the workspace's list.
            try await app.edit(.template)
            let options = try #require(app.composer?.picker?.options)
            #expect(options.contains { $0.label.hasPrefix("Order receipt") })
            try await app.driver.type("order")
            try await app.driver.press(.enter)
            #expect(app.composer?.draft?.template == "1")
            #expect(app.composer?.draft?.templateName == "Order receipt")
            try await app.fill(.messageData, #"{"order": 1042}"#)
            // Saved as typed.
            #expect(app.drafts.first?.messageData == #"{"order": 1042}"#)

            try await app.driver.press(.character("s"))
            let review = try #require(app.review)
            #expect(review.write.endpoint == "POST /v1/send/email")
            #expect(review.write.warnings.contains { $0.hasPrefix("Demo workspace") })
            #expect(app.app.lines.contains { $0.contains("POST \(app.app.server.baseURL.absoluteString)/v1/send/email") })
            #expect(app.app.lines.contains { $0.contains("Bearer ••••••••") })
            #expect(!app.app.lines.joined().contains("demo\u{0}"))
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send") == 0, "nothing leaves before y")

            try await app.confirm()
            guard case .finished(.done(let deliveryID, let link))? = app.review?.stage else {
                Issue.record("not sent: \(String(describing: app.review?.stage))")
                return
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)
            #expect(app.probe.deliveryCount(customerID: id) == before + 1)
            // y again on the outcome sends nothing.
            try await app.driver.press(.character("y"))
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)

            let entry = try #require(app.journal.last)
            #expect(app.journal.count == 1)
            #expect(entry.endpoint == "POST /v1/send/email")
            #expect(entry.outcome == "sent")
            #expect(entry.resultID == deliveryID)
            #expect(entry.profile == "demo")
            #expect(entry.payloadDigest == review.write.payloadDigest)
            #expect(app.drafts.isEmpty, "a sent draft is gone")

            // Enter opens the delivery; the person's Messages now list it.
            #expect(link == .detail(.messages, key: .name(deliveryID)))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.messages, key: .name(deliveryID)))
            let messages = try await app.app.client.customerMessages(id: id)
            #expect(messages.messages.contains { $0.id == deliveryID })
        }
    }

    @Test func aSendWhoseAnswerNeverComesIsUnknownAndNotRetried() async throws {
        // Every request of this client times out after 3 s, reads included: enough for them on a busy machine.
        try await WritingApp.with(timeout: 3) { app in
            let id = try await app.openPerson("plan = pro")
            let before = app.probe.deliveryCount(customerID: id)
            // The sandbox takes the send, then holds its answer well past the client's timeout.
            app.probe.inject(.delay(9_000, method: "POST", pathPrefix: "/v1/send/email"))
            try await app.driver.press(.character("c"))
            try await app.edit(.template)
            try await app.driver.type("order")
            try await app.driver.press(.enter)
            try await app.driver.press(.character("s"))
            try await app.confirm()
            guard case .finished(.unknown(let message))? = app.review?.stage else {
                Issue.record("expected an unknown outcome: \(String(describing: app.review?.stage))")
                return
            }
            #expect(message.contains("outcome is unknown"))
            #expect(app.app.lines.contains { $0.contains("Outcome unknown — check Messages before sending again") })
            // The sandbox logs the request once its held answer has gone out; wait for that, then count.
            let deadline = ContinuousClock.now + .seconds(30)
            while app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1, "never retried")
            #expect(app.probe.deliveryCount(customerID: id) == before + 1, "exactly one delivery")
            #expect(app.journal.map(\.outcome) == ["unknown"])
            // The draft is kept and remembers: its next review warns.
            let kept = try #require(app.drafts.first)
            #expect(kept.unknownOutcome != nil)
        }
    }

    @Test func readOnlyRefusesEveryWriteBeforeAnythingIsBuilt() async throws {
        try await WritingApp.with(readOnly: true) { app in
            _ = try await app.openPerson("plan = pro")
            try await app.driver.press(.character("c"))
            #expect(app.composer == nil)
            #expect(app.app.statusBar.contains("read-only: writes are refused"))
            try await app.driver.press(.character("+"))
            guard case .browsing = app.driver.state.mode else { Issue.record("a chooser opened: \(app.driver.state.mode)"); return }
            try await app.driver.press(.character("1"))
            try await app.driver.press(.character("N"))
            guard case .browsing = app.driver.state.mode else { Issue.record("the name prompt opened: \(app.driver.state.mode)"); return }
            #expect(app.probe.requests().allSatisfy { $0.method == "GET" || $0.path == "/v1/customers/attributes" || $0.path == "/v1/customers" })
            #expect(app.journal.isEmpty)
        }
    }

    @Test func abortIsTheDefaultAndKeepsTheDraft() async throws {
        try await WritingApp.with { app in
            _ = try await app.openPerson("plan = pro")
            try await app.driver.press(.character("c"))
            try await app.fill(.subject, "Hello")
            try await app.fill(.body, "<p>Hi</p>")
            try await app.fill(.from, "hello@lumenapp.io")
            try await app.driver.press(.character("s"))
            #expect(app.review != nil)
            try await app.driver.advanceClock(by: ReviewState.keyGrace)
            try await app.driver.press(.escape)
            guard case .browsing = app.driver.state.mode else { Issue.record("still open: \(app.driver.state.mode)"); return }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send") == 0)
            #expect(app.drafts.first?.subject == "Hello")
            // The menu lists it; Enter reopens it as it was.
            try await app.driver.press(.character("1"), .character("c"))
            let composer = try #require(app.composer)
            #expect(composer.drafts.first?.subject == "Hello")
            for _ in 0..<ComposeDraft.Kind.allCases.count { try await app.driver.press(.character("j")) }
            try await app.driver.press(.enter)
            #expect(app.composer?.draft?.body == "<p>Hi</p>")
            #expect(app.composer?.draft?.from == "hello@lumenapp.io")
        }
    }

    @Test func invalidJSONIsShownWhereItBreaksAndStopsTheReview() async throws {
        try await WritingApp.with { app in
            try await app.driver.press(.character("c"), .enter)
            try await app.edit(.messageData)
            try await app.driver.type(#"{"a": [1, 2}"#)
            #expect(app.app.lines.contains { $0.contains("✗ line 1, column 12: expected , or ] after a value") })
            try await app.driver.press(.enter, .character("s"))
            #expect(app.review == nil)
            #expect(app.composer?.problems.contains { $0.contains("message_data is not a JSON object: line 1, column 12") } == true)
            #expect(app.app.lines.contains { $0.contains("Not ready to review:") })
        }
    }
}

/// The review of a transactional message says whether the person it names can be reached on its channel.
@Suite struct ReviewReachabilityTests {
    /// Composes an email from the profile of the person found by `query`, with the first template, to its review.
    func reviewEmail(_ app: WritingApp, to query: String) async throws -> ReviewState {
        _ = try await app.openPerson(query)
        try await app.driver.press(.character("c"))
        try await app.edit(.template)
        try await app.driver.type("order")
        try await app.driver.press(.enter)
        try await app.driver.press(.character("s"))
        return try #require(app.review, "no review: \(app.driver.state.mode)")
    }

    @Test func aPersonSuppressedAtTheESPIsWarnedOfBeforeTheSend() async throws {
        try await WritingApp.with { app in
            let bounced = try #require(try await app.app.client.suppressions(.bounces, limit: 1).suppressions.first?.email)
            let review = try await reviewEmail(app, to: bounced)
            let warning = try #require(review.write.warnings.first { $0.hasPrefix("Reachability by Email:") })
            #expect(warning.contains("not reachable: suppressed at the ESP since"))
            #expect(app.app.lines.contains { $0.contains("suppressed at the ESP") })
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send") == 0)
        }
    }

    @Test func aReachablePersonIsSaidToBe() async throws {
        try await WritingApp.with { app in
            let review = try await reviewEmail(app, to: "plan = pro")
            #expect(review.write.summary.contains { $0.hasPrefix("Reachability by Email: reachable: ") })
            #expect(!review.write.warnings.contains { $0.hasPrefix("Reachability") })
        }
    }
}
