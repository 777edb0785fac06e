import CustomerIO
import Testing
import TerminalUI
import Workspace
@testable import App

/// Whole frames of each workspace pane (Segments is in ViewSnapshotTests): a loaded list, and an opened item.
@Suite struct PaneSnapshotTests {
    static let session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
    static let list = Size(width: 100, height: 14)

    /// 2023-11-14 22:13:20 and a day later, UTC. Cells show them as local time, so the expected frames interpolate
    /// `TimeText.short` (always 16 cells wide, so the layout is the same in every time zone).
    static let created = 1_700_000_000
    static let updated = 1_700_086_400
    static let createdText = TimeText.short(created)
    static let updatedText = TimeText.short(updated)

    /// A reducer on `pane`'s list (switched to with its number key), `rows` loaded.
    static func app(_ pane: PaneKind, _ rows: [ListRow], size: Size = list) -> Reducer {
        var app = Reducer(session: session, size: size)
        let number = (PaneKind.allCases.firstIndex(of: pane) ?? 0) + 1
        app.press(.character(Character("\(number)")))
        #expect(app.state.route == .list(pane))
        app.send(.listLoaded(pane, rows, query: AppUpdate.listQuery(pane, app.state)))
        return app
    }

    /// Fills a row's metric cells as the runtime does from a series: sparkline, sent, open and click rates.
    static func metricCells(_ app: inout Reducer, _ pane: PaneKind, key: RowKey, _ series: MetricSeries) {
        let base = MetricRates(series: series, abilities: .all).base.count
        let values = [Format.sparkline(series["sent"]), Format.grouped(series.total("sent")),
                      Format.percent(series.total("opened"), of: base), Format.percent(series.total("clicked"), of: base)]
        for (column, value) in zip(pane.definition.lazyColumns, values) {
            app.send(.cellLoaded(pane, key: key, column: column, state: .value(value)))
        }
    }

    static func frame(_ state: AppState) throws -> String {
        let screen = HeadlessScreen(size: state.size)
        try screen.present(AppView.render(state))
        return screen.text
    }

    /// Thirty days of sends: quiet, then a burst.
    static let series = MetricSeries(series: [
        "sent": Array(repeating: 0, count: 20) + [10, 40, 80, 120, 160, 200, 160, 120, 80, 40],
        "delivered": Array(repeating: 0, count: 20) + [10, 40, 80, 120, 150, 200, 160, 120, 80, 40],
        "opened": Array(repeating: 0, count: 25) + [50, 40, 30, 20, 10],
        "clicked": Array(repeating: 0, count: 28) + [7, 5],
    ])

    // MARK: Customers

    static let people = [
        CustomerIdentifiers(id: "42", email: "ada@example.com", cioID: "a1b2c3"),
        CustomerIdentifiers(id: "7", email: "grace.hopper.with.a.long.address@navy.example.mil", cioID: "d4e5f6"),
        CustomerIdentifiers(email: "no-id@example.com"),
    ]

    /// Customers found with `/plan = pro`, their name, created and subscription cells filled as the bulk request
    /// fills them (the third person has no id, so nothing is asked for it).
    static func customers(size: Size = list) -> Reducer {
        var app = Reducer(session: session, size: size)
        app.press(.character("2"), .character("/"))
        app.type("plan = pro")
        #expect(app.press(.enter) == [.loadList(.customers, refresh: false, query: .customers("plan = pro"))])
        let asked = app.send(.listPage(.customers, query: .customers("plan = pro"), rows: CustomersPane.rows(people), next: nil, appended: false))
        #expect(asked == [.loadPeopleCells([PersonRef(key: .person(PersonKey("a1b2c3", .cioID)), id: "42"), PersonRef(key: .person(PersonKey("d4e5f6", .cioID)), id: "7")], refresh: false)])
        let profiles: [RowKey: CustomerProfile] = [
            .person(PersonKey("a1b2c3", .cioID)): CustomerProfile(attributes: ["first_name": .string("Ada"), "last_name": .string("Lovelace")],
                                             timestamps: ["created_at": created], unsubscribed: false),
            .person(PersonKey("d4e5f6", .cioID)): CustomerProfile(attributes: ["name": .string("Rear Admiral Grace Brewster Murray Hopper")], unsubscribed: true),
        ]
        for (key, profile) in profiles {
            for (column, value) in zip(CustomersPane.lazyColumns, PeopleCells.values(profile)) {
                app.send(.cellLoaded(.customers, key: key, column: column, state: value))
            }
        }
        return app
    }

    /// Keys are strings, so ID is left-aligned; a long email and name are cut with "…"; the person without an id
    /// shows "—" in every cell it cannot have.
    @Test func customersList() throws {
        let app = Self.customers()
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Customers › plan = pro                                                                      3 rows
        ID         Email                      cio_id         Name                Created          Subscribed
        42         ada@example.com            a1b2c3         Ada Lovelace        \(Self.createdText) yes
        7          grace.hopper.with.a.long.… d4e5f6         Rear Admiral Grace… —                no
        —          no-id@example.com          —              —                   —                —







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / find        0/10 req/s
        """)
    }

    /// Enter on Ada: her cells under the column titles (a person row keeps no detail lines), Reachability first (an
    /// address, no phone, no devices), Attributes loaded (a timestamp attribute with its age against a pinned now),
    /// Segments empty, the rest still loading.
    @Test func customersProfile() throws {
        var app = Self.customers(size: Size(width: 100, height: 30))
        app.press(.enter)
        let route = Route.detail(.customers, key: .person(PersonKey("a1b2c3", .cioID)))
        let profile = CustomerProfile(attributes: ["plan": .string("pro"), "last_login_at": .string(String(Self.updated)), "city": .string("London")])
        let person = CustomerProfile(identifiers: CustomerIdentifiers(id: "42", email: "ada@example.com"), devices: [])
        let reach = Reachability(ReachabilityFacts(profile: person, preferences: nil, suppressions: [], deliveries: [], now: Self.updated))
        app.send(.sectionLoaded(route, name: .reachability, lines: ReachabilityLines.lines(reach)))
        app.send(.sectionLoaded(route, name: SectionID.attributes, lines: PersonSections.attributes(profile, now: Self.updated + 3 * 86_400)))
        app.send(.sectionLoaded(route, name: SectionID.segments, lines: []))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Customers › ada@example.com
        ID            42
        Email         ada@example.com
        cio_id        a1b2c3
        Name          Ada Lovelace
        Created       \(Self.createdText)
        Subscribed    yes
        Reachability
        Email         reachable: ada@example.com
        SMS           not reachable: no phone number on the profile
        Push          not reachable: no devices
        Attributes
        city          London
        last_login_at \(Self.updatedText) (3d ago)
        plan          pro
        Segments
                      none
        Messages
                      ⠋ loading…
        Identifiers and devices
                      ⠋ loading…
        Activities
                      ⠋ loading…
        Relationships
                      ⠋ loading…
        Subscription preferences
                      ⠋ loading…

         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  / find                    0/10 req/s
        """)
    }

    // MARK: Campaigns

    static let campaigns = [
        Campaign(id: 12, name: "Welcome series", type: "segment", active: true, state: "running", actions: [ActionRef(id: 1, type: "email"), ActionRef(id: 2, type: "delay")],
                 tags: ["onboarding"], triggerSegmentIDs: [3], createdBy: "ops@example.com"),
        Campaign(id: 305, name: "Abandoned cart reminder for customers who left items behind", type: "event", active: false, state: "draft",
                 eventName: "cart_abandoned"),
        Campaign(id: 7, type: "date", state: "stopped", tags: ["a", "b"]),
    ]

    /// Metric cells in: a sparkline with sent, open and click right-aligned; a campaign with no sends charts an
    /// empty line and "—" rates; one still loading shows "…". At 100 cells the Updated column does not fit.
    @Test func campaignsList() throws {
        var app = Self.app(.campaigns, CampaignsPane.rows(Self.campaigns))
        Self.metricCells(&app, .campaigns, key: 12, Self.series)
        Self.metricCells(&app, .campaigns, key: 7, MetricSeries(series: ["sent": Array(repeating: 0, count: 30)]))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Campaigns                                                                                   3 rows
            ID Name               Sent, 30 days       Sent Opn/dlv Clk/dlv State     Type         Tags
            12 Welcome series     ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣿⣷⣄    1,010   15.0%    1.2% running   segment      onboarding
           305 Abandoned cart re… …                      …       …       … draft     event
             7 (unnamed)          ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀        0       —       — stopped   date         a, b







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    /// The campaign's own fields and trigger segment link, then Metrics and Actions loaded, Links failed (its error
    /// on the status bar too) and Messages loading. No timestamps: Created and Updated show "—".
    @Test func campaignOpened() throws {
        var app = Self.app(.campaigns, CampaignsPane.rows(Self.campaigns), size: Size(width: 100, height: 30))
        app.press(.enter)
        let route = Route.detail(.campaigns, key: 12)
        app.send(.sectionLoaded(route, name: SectionID.metrics, lines: MetricsText.lines(MetricsResult(series: Self.series, query: .lastDays(30), span: MetricsSpan(resolution: .days, steps: 30, zone: "Europe/Berlin")))))
        app.send(.sectionLoaded(route, name: SectionID.actions, lines: CampaignSections.actionLines(
            [CampaignAction(id: 1, name: "Say hello", type: "email", sendingState: "automatic", subject: "Welcome!"), CampaignAction(id: 2, type: "delay")],
            metrics: [1: Self.series])))
        app.send(.sectionFailed(route, name: SectionID.links, message: "HTTP 500"))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Campaigns › Welcome series
        ID                12
        Name              Welcome series
        Type              segment
        State             running
        Active            yes
        Trigger event
        Actions           2
        Tags              onboarding
        Created by        ops@example.com
        Created           —
        Updated           —
        Trigger segment   segment #3 →
        Metrics
        Window            30 days, daily, days from midnight Europe/Berlin
        sent              ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣿⣷⣄  1,010
        delivered         ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣾⣷⣄  1,000
        opened            ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⢸⣷⣄  150
        clicked           ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣷  12
        Rates             open 15.0%, click 1.2% of delivered · bounce 0.0% of sent
        Actions
        Say hello (email) ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣿⣷⣄  sent 1,010 · open 15.0%, click 1.2% of delivered
        #2 (delay)
        Links
                          failed: HTTP 500  (r retries)
        Messages
                          ⠋ loading…

         demo · sandbox  DEMO    Links: HTTP 500                                                 0/10 req/s
        """)
    }

    // MARK: Broadcasts

    /// One row's metrics in, one whose metrics failed ("!"), one still loading; tags cut with "…".
    @Test func broadcastsList() throws {
        let broadcasts = [
            Broadcast(id: 60, name: "Product launch", state: "running", tags: ["launch", "2024"], createdBy: "pm@example.com"),
            Broadcast(id: 61, name: "Outage notice", updated: Self.updated, state: "draft"),
            Broadcast(id: 1234, state: "running"),
        ]
        var app = Self.app(.broadcasts, BroadcastsPane.rows(broadcasts))
        Self.metricCells(&app, .broadcasts, key: 60, Self.series)
        for column in PaneKind.broadcasts.definition.lazyColumns { app.send(.cellLoaded(.broadcasts, key: 61, column: column, state: .failed("test"))) }
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters   6 Messages  ›
         Broadcasts                                                                                  3 rows
            ID Name                        Sent, 30 days       Sent Opn/dlv Clk/dlv State     Tags
            60 Product launch              ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣿⣷⣄    1,010   15.0%    1.2% running   launch, 2024
            61 Outage notice               !                      !       !       ! draft
          1234 (unnamed)                   …                      …       …       … running







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    // MARK: Newsletters

    /// A sent newsletter with metrics and its send time; drafts with "—" for it; the top bar, short of room for
    /// "Newsletters" beside four-letter tabs, numbers the others.
    @Test func newslettersList() throws {
        let newsletters = [
            Newsletter(id: 101, name: "November digest", type: "email", contentIDs: [1, 2], sentAt: Self.created, tags: ["digest"], recipientSegmentIDs: [3]),
            Newsletter(id: 102, name: "Draft: the December digest with a headline far too long", type: "email"),
            Newsletter(id: 103, name: "In-app tour", type: "in_app"),
        ]
        var app = Self.app(.newsletters, NewslettersPane.rows(newsletters))
        Self.metricCells(&app, .newsletters, key: 101, Self.series)
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  3 Campaigns   4 Broadcasts   5 Newsletters   6 Messages   7 Exports  ›
         Newsletters                                                                                 3 rows
            ID Name             Sent, 30 days       Sent Opn/dlv Clk/dlv Type     Tags      Sent at
           101 November digest  ⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⣀⣴⣿⣷⣄    1,010   15.0%    1.2% email    digest    \(Self.createdText)
           102 Draft: the Dece… …                      …       …       … email              —
           103 In-app tour      …                      …       …       … in_app             —







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    // MARK: Messages

    static let deliveries = [
        Delivery(id: "dlv-1", customerID: "42", customerIdentifiers: CustomerIdentifiers(id: "42", email: "ada@example.com", cioID: "a1b2c3"),
                 recipient: "ada@example.com", subject: "Welcome!", type: "email", metrics: ["sent": created, "delivered": created + 5, "opened": created + 60],
                 created: created, campaignID: 12),
        Delivery(id: "dlv-2", messageTemplateID: 3, customerID: "7", subject: "Your receipt", type: "push", metrics: ["sent": updated],
                 created: updated),
        Delivery(id: "dlv-3", customerIdentifiers: CustomerIdentifiers(email: "bounce@example.com"),
                 recipient: "bounce@example.com", subject: "Product launch: everything you need to know about the new thing", type: "email",
                 failureMessage: "550 mailbox unavailable", broadcastID: 60),
    ]

    /// Names of where they came from; a transactional delivery names its template's content, found here in
    /// template 5's contents (never read as template 3).
    static let origins = OriginNames(campaigns: [12: "Welcome"], broadcasts: [60: "Launch"], templateOfContent: [3: .init(id: 5, name: "Receipt")])

    /// The furthest state each delivery reached, the recipient (or the customer id when there is none), and where
    /// it came from by name; a delivery with no metrics and no time shows "—" for both.
    @Test func messagesList() throws {
        let app = Self.app(.messages, MessagesPane.rows(Self.deliveries, names: Self.origins))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  4 Broadcasts   5 Newsletters   6 Messages   7 Exports   8 Transactional
         Messages › all                                                                              3 rows
        Created          Type     State        Recipient            Subject              From
        \(Self.createdText) email    opened       ada@example.com      Welcome!             campaign Welcome (…
        \(Self.updatedText) push     sent         7                    Your receipt         template Receipt (…
        —                email    —            bounce@example.com   Product launch: eve… broadcast Launch (…







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    /// The failed delivery opened: links to the person and the broadcast, the failure message. (No metrics: their
    /// timeline is shown as "… (3d ago)" against the real clock.)
    @Test func messageOpened() throws {
        var app = Self.app(.messages, MessagesPane.rows(Self.deliveries, names: Self.origins))
        app.press(.character("j"), .character("j"), .enter)
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  4 Broadcasts   5 Newsletters   6 Messages   7 Exports   8 Transactional
         Messages › Product launch: everything you need to know about the new thing
        ID        dlv-3
        Type      email
        State     —
        Recipient bounce@example.com
        Person    bounce@example.com →
        Subject   Product launch: everything you need to know about the new thing
        From      broadcast Launch (#60) →
        Failure   550 mailbox unavailable
        Created   —


         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  / filter                  0/10 req/s
        """)
    }

    // MARK: Exports

    /// Done, failed (the failed flag wins over the status) and pending exports; a missing total is "—".
    @Test func exportsList() throws {
        let exports = [
            Export(id: 9, total: 1_250_000, type: "customers", description: "people matching plan = pro", createdAt: Self.created, status: "done"),
            Export(id: 10, type: "deliveries", failed: true, description: "deliveries of campaign 12, every one since the start of time", status: "done"),
            Export(id: 11, total: 0, type: "customers", status: "pending"),
        ]
        let app = Self.app(.exports, ExportsPane.rows(exports))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  4 Broadcasts   5 Newsletters   6 Messages   7 Exports   8 Transactional
         Exports                                                                                     3 rows
            ID Type       Status       Total Description                                    Created
             9 customers  done       1250000 people matching plan = pro                     \(Self.createdText)
            10 deliveries failed           — deliveries of campaign 12, every one since th… —
            11 customers  pending          0                                                —







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    // MARK: Transactional

    /// A template with a steady rise in sends and its update time; one without a description; one without a name.
    @Test func transactionalList() throws {
        let templates = [
            TransactionalTemplate(id: 3, name: "Password reset", description: "Sent when someone asks to reset their password", updatedAt: Self.updated),
            TransactionalTemplate(id: 4, name: "Receipt"),
            TransactionalTemplate(id: 5),
        ]
        var app = Self.app(.transactional, TransactionalPane.rows(templates))
        Self.metricCells(&app, .transactional, key: 3, MetricSeries(series: ["sent": Array(1...30), "opened": Array(repeating: 1, count: 30)]))
        #expect(try Self.frame(app.state) == """
         cio · demo · sandbox  ‹  4 Broadcasts   5 Newsletters   6 Messages   7 Exports   8 Transactional
         Transactional                                                                               3 rows
            ID Name                       Sent, 30 days       Sent Opn/dlv Clk/dlv Description
             3 Password reset             ⣀⣀⣀⣠⣤⣤⣤⣴⣶⣶⣶⣿⣿⣿⣿      465    6.5%    0.0% Sent when someone asks t…
             4 Receipt                    …                      …       …       …
             5 (unnamed)                  …                      …       …       …







         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }
}
