import Foundation
import Testing

/// One scenario per pane, as a person would drive it: the real `cio --demo` in tmux at 120×40, keys in, screen
/// out, every step waiting for what it expects to see (never for a fixed time), and a clean exit at the end.
@Suite(.serialized) struct TmuxPaneScenarioTests {
    typealias Screen = String

    private func startDemo(width: Int = 120, height: Int = 40) async throws -> TmuxSession {
        try await TmuxSession.demo(width: width, height: height)
    }

    private func quit(_ session: TmuxSession) async throws {
        try await session.quitDemo()
    }

    private static func breadcrumb(_ screen: Screen) -> String {
        TmuxSession.lines(screen).dropFirst().first ?? ""
    }

    /// A line of the opened item: its key, then (after the key column's padding) a value starting with `value`.
    private static func field(_ screen: Screen, _ key: String, _ value: String) -> Bool {
        TmuxSession.lines(screen).contains { line in
            line.hasPrefix(key + " ") && line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix(value)
        }
    }

    /// Every person row on screen has its bulk cells: the Subscribed column reads yes or no, not "…".
    private static func peopleCellsFilled(_ screen: Screen) -> Bool {
        let rows = TmuxSession.lines(screen).filter { $0.contains("@") && $0.first?.isNumber == true }
        return !rows.isEmpty && rows.allSatisfy { $0.hasSuffix(" yes") || $0.hasSuffix(" no") }
    }

    private static func heading(_ screen: Screen, _ title: String) -> Bool {
        TmuxSession.lines(screen).contains { $0.trimmingCharacters(in: .whitespaces) == title }
    }

    @Test func segmentsMembersOpenAsPeople() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("m")
        try await session.waitFor("Pro plan's members with their names") { screen in
            Self.breadcrumb(screen).contains("Segments › Pro plan members") && screen.contains("(more as you scroll)")
                && Self.peopleCellsFilled(screen)
        }
        try await session.press("Enter")
        let profile = try await session.waitFor("the first member's profile with its sections") { screen in
            Self.breadcrumb(screen).contains("Pro plan members › ") && Self.heading(screen, "Attributes")
                && Self.field(screen, "plan", "pro") && Self.heading(screen, "Segments") && screen.contains("Pro plan ")
        }
        #expect(!profile.contains("failed:"), "a section failed:\n\(profile)")
        try await session.press("q")
        try await session.waitFor("the members again") { Self.breadcrumb($0).hasSuffix("Pro plan members") || Self.breadcrumb($0).contains("Pro plan members  ") }
        try await quit(session)
    }

    @Test func customersFoundByAQueryThenProfileFiltered() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("2")
        try await session.waitFor("the Customers hint") { $0.contains("Press / and type an email") }
        try await session.press("/")
        try await session.type("plan = enterprise", enter: true)
        try await session.waitFor("enterprise people with their names") { screen in
            Self.breadcrumb(screen).contains("Customers › plan = enterprise") && Self.peopleCellsFilled(screen)
        }
        try await session.press("Enter")
        try await session.waitFor("the profile") { Self.field($0, "plan", "enterprise") && Self.heading($0, "Identifiers and devices") }
        try await session.press("/")
        try await session.type("city", enter: true)
        try await session.waitFor("only the city line under Attributes") { screen in
            Self.heading(screen, "Attributes") && TmuxSession.lines(screen).contains { $0.hasPrefix("city ") }
                && !TmuxSession.lines(screen).contains { $0.hasPrefix("plan ") }
        }
        try await quit(session)
    }

    /// The panes written as one file each, at the two sizes people use most and at a wide one: every list and every
    /// opened item fits, names stay whole, and nothing is cut mid-word in the status bar.
    @Test(arguments: [(80, 24), (200, 60)])
    func catalogPanesAtCommonSizes(width: Int, height: Int) async throws {
        let session = try await startDemo(width: width, height: height)
        defer { session.stop() }
        func show(_ pane: String, title: String, until ready: @escaping (Screen) -> Bool) async throws -> Screen {
            try await session.press(":")
            try await session.type(pane, enter: true)
            return try await session.waitFor("\(title) listed") { Self.breadcrumb($0).contains(title) && ready($0) }
        }
        let activities = try await show("activities", title: "Activities › all") { $0.contains("Time") && $0.contains("Person") }
        #expect(TmuxSession.lines(activities).allSatisfy { $0.count <= width })
        try await session.press("t")
        // A row of the new list, not only its label: the rows load after the breadcrumb changes.
        try await session.waitFor("events only") { screen in
            Self.breadcrumb(screen).contains("Activities › event") && TmuxSession.lines(screen).contains { $0.hasPrefix("20") && $0.contains(" event ") }
        }
        try await session.press("Enter")
        try await session.waitFor("an event opened") { Self.field($0, "Person", "") && $0.contains("→") }

        try await session.press("Escape")
        let senders = try await show("senders", title: "Sender identities") { $0.contains("Lumen Team") }
        #expect(senders.contains("Address"))
        try await session.press("Enter")
        try await session.waitFor("where it is used") { Self.heading($0, "Used by") && $0.contains("Campaign ") && $0.contains("(#") }

        try await session.press("Escape")
        _ = try await show("snippets", title: "Snippets") { $0.contains("footer") }
        try await session.press("Enter")
        try await session.waitFor("a snippet opened") { Self.field($0, "In Liquid", "{{snippets.") }

        try await session.press("Escape")
        _ = try await show("collections", title: "Collections") { $0.contains("coupon codes") }
        try await session.press("Enter")
        try await session.waitFor("a collection's content") { Self.heading($0, "Content") && $0.contains("\"") }
        try await quit(session)
    }

    /// "Why didn't she get it?": the ESP's bounces list, one address opened, its person's Reachability says why
    /// email cannot reach them, and U offers to take the address off (Esc leaves the review unsent).
    @Test(arguments: [(80, 24), (200, 60)])
    func reachabilityAndSuppressionsAtCommonSizes(width: Int, height: Int) async throws {
        let session = try await startDemo(width: width, height: height)
        defer { session.stop() }
        try await session.press(":")
        try await session.type("suppressions", enter: true)
        let list = try await session.waitFor("the bounces list") { screen in
            Self.breadcrumb(screen).contains("ESP suppressions › bounces") && TmuxSession.lines(screen).contains { $0.contains("@") && $0.contains("bounces") }
        }
        #expect(TmuxSession.lines(list).allSatisfy { $0.count <= width })
        try await session.press("Enter")
        try await session.waitFor("an address opened") { Self.field($0, "List", "bounces") && Self.field($0, "People", "the profile") }
        // Down to the People line, and Enter opens the person.
        for _ in 0..<5 { try await session.press("Down") }
        try await session.press("Enter")
        let profile = try await session.waitFor("their reachability") { screen in
            Self.heading(screen, "Reachability") && Self.field(screen, "Email", "not reachable: suppressed at the ESP since")
        }
        #expect(TmuxSession.lines(profile).allSatisfy { $0.count <= width })
        try await session.press("U")
        // The keys line appears once the review's keys count (0.75 s after it opens).
        try await session.waitFor("the unsuppress review") { $0.contains("Unsuppress an address at the ESP") && $0.contains("DELETE ") && $0.contains("Esc abort") }
        try await session.press("Escape")
        try await session.waitFor("the profile again") { Self.heading($0, "Reachability") && !$0.contains("DELETE ") }
        try await quit(session)
    }

    @Test func campaignsMetricsWindowAndDetail() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("3")
        try await session.waitFor("campaigns with sparklines") { $0.contains("Sent, 30 days") && $0.contains("Welcome series") && $0.contains("⣿") }
        try await session.press("w")
        try await session.waitFor("the 90-day window") { $0.contains("Sent, 90 days") && !$0.contains("Sent, 30 days") }
        try await session.press("Enter")
        let detail = try await session.waitFor("Welcome series with metrics, journey and actions") { screen in
            Self.breadcrumb(screen).contains("Campaigns › Welcome series") && Self.heading(screen, "Metrics")
                && Self.field(screen, "Rates", "open ") && screen.contains("journey: started")
        }
        // The trigger segment by name, its id after it.
        #expect(TmuxSession.lines(detail).contains { $0.hasPrefix("Trigger segment") && $0.contains("(#3) →") && !$0.contains("segment 3") })
        #expect(!detail.contains("failed:"), "a section failed:\n\(detail)")
        // Below the fold, found with the filter: an action with its own sparkline, and the campaign's messages.
        try await session.press("/")
        try await session.type("Email 1", enter: true)
        try await session.waitFor("the first action") { Self.heading($0, "Actions") && $0.contains("sent ") && $0.contains("open ") }
        try await session.press("Escape", "/")
        try await session.type("this campaign", enter: true)
        let end = try await session.waitFor("the campaign's messages") { screen in
            Self.heading(screen, "Messages") && screen.contains("filtered to this campaign →") && !screen.contains("journey:")
        }
        #expect(!end.contains("failed:"), "a section failed:\n\(end)")
        try await quit(session)
    }

    @Test func broadcastsTriggersAndMessages() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("4")
        try await session.waitFor("the broadcasts") { Self.breadcrumb($0).hasPrefix(" Broadcasts") && $0.contains("Flash sale announcement") }
        try await session.press("Enter")
        try await session.waitFor("a broadcast with its triggers and messages") { screen in
            Self.heading(screen, "Triggers") && Self.field(screen, "Triggered", "3 times") && screen.contains("processed ")
                && screen.contains("filtered to this broadcast →")
        }
        // The line that opens every message of the broadcast, in Messages: filter down to it, step onto it.
        try await session.press("/")
        try await session.type("All of them", enter: true)
        try await session.waitFor("the filtered lines") { screen in
            TmuxSession.lines(screen).contains { $0.hasPrefix("All of them") } && !screen.contains("Triggered")
        }
        try await session.press("j", "Enter")
        try await session.waitFor("Messages filtered to the broadcast") { screen in
            // At least one message row (a row starts with its creation date), whatever the broadcast's channel.
            Self.breadcrumb(screen).contains("Messages") && Self.breadcrumb(screen).contains("broadcast")
                && TmuxSession.lines(screen).dropFirst(3).contains { $0.first?.isNumber == true }
        }
        try await quit(session)
    }

    @Test func newslettersOpenWithTheirRecipients() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("5")
        try await session.waitFor("the newsletters") { $0.contains("Pricing update") && $0.contains("(draft)") }
        try await session.press("/")
        try await session.type("Pricing", enter: true)
        try await session.waitFor("one newsletter") { $0.contains("Pricing update") && !$0.contains("(draft)") }
        try await session.press("Enter")
        let detail = try await session.waitFor("its metrics and messages") { screen in
            Self.breadcrumb(screen).contains("Newsletters › Pricing update") && Self.heading(screen, "Metrics")
                && Self.field(screen, "sent", "") && Self.heading(screen, "Messages") && screen.contains("→")
        }
        #expect(!detail.contains("failed:"), "a section failed:\n\(detail)")
        try await quit(session)
    }

    @Test func messagesFilteredByTypeThenTheArchivedBody() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("6")
        try await session.waitFor("every message") { Self.breadcrumb($0).contains("Messages › all") && $0.contains("delivered") }
        try await session.press("t")
        // The filter shows in the breadcrumb at once; the list is there once "loading…" has gone from it.
        try await session.waitFor("only email, loaded") { screen in
            Self.breadcrumb(screen).contains("Messages › email") && !Self.breadcrumb(screen).contains("loading")
                && TmuxSession.lines(screen).dropFirst(3).contains { $0.contains(" email ") }
        }
        try await session.press("Enter")
        try await session.waitFor("the message") { Self.field($0, "Type", "email") && Self.field($0, "Person", "") }
        try await session.press("b")
        try await session.waitFor("the quota dialog, on Cancel") { $0.contains("Archived message") && $0.contains("100 archived messages a day") }
        try await session.press("Right", "Enter")
        let body = try await session.waitFor("the archived body") { Self.heading($0, "Archived body") && Self.field($0, "Body", "<html>") }
        #expect(Self.field(body, "Subject", ""))
        try await quit(session)
    }

    @Test func exportsDownloadToANamedFile() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("7")
        let list = try await session.waitFor("the exports") { $0.contains("Deliveries for campaign Welcome series") && $0.contains("done") }
        // What the list says the export holds: its Total column, the last number on its row.
        let row = TmuxSession.lines(list).first { $0.contains("Deliveries for campaign Welcome series") } ?? ""
        let total = try #require(row.split(separator: " ").compactMap { Int($0) }.last, "no total on: \(row)")
        try await session.press("j", "d")
        try await session.waitFor("the file name prompt") { $0.contains("save export 2 to: cio-export-2.csv") }
        try await session.press("Enter")
        try await session.waitFor("the saved flash") { $0.contains("Saved ") && !$0.contains("save export 2 to:") }
        let file = session.folder.appendingPathComponent("cio-export-2.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        // A header and as many rows as the list says.
        #expect(text.split(separator: "\n").count == total + 1, "the list says \(total):\n\(text.prefix(400))")
        try await quit(session)
    }

    @Test func transactionalTemplatesWithMetricsAndDeliveries() async throws {
        let session = try await startDemo()
        defer { session.stop() }
        try await session.press("8")
        try await session.waitFor("the templates") { $0.contains("Order receipt") && $0.contains("Password reset") && $0.contains("⣿") }
        try await session.press("Enter")
        let detail = try await session.waitFor("Order receipt with metrics and deliveries") { screen in
            Self.breadcrumb(screen).contains("Transactional › Order receipt") && Self.heading(screen, "Metrics")
                && Self.heading(screen, "Deliveries") && screen.contains("→")
        }
        #expect(!detail.contains("failed:"), "a section failed:\n\(detail)")
        try await quit(session)
    }
}
