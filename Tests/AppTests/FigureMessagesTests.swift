import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
import Workspace
@testable import App

/// A rate names its base and shows only where its channels can have it; Enter on a figure opens the messages it
/// counts, in the same window, paged to the end.
@Suite struct FigureMessagesTests {
    static let series = MetricSeries(series: ["sent": [100], "delivered": [80], "opened": [20], "clicked": [4], "bounced": [2]])

    @Test func ratesNameTheirBase() {
        let rates = MetricRates(series: Self.series, abilities: .all)
        #expect(rates.sentence() == "open 25.0%, click 5.0% of delivered · bounce 2.0% of sent")
        #expect(rates.rate("opened")?.text == "25.0%")
        // Nothing delivered (a series without delivery reports): over sent, and it says so.
        let sentOnly = MetricRates(series: MetricSeries(series: ["sent": [10], "opened": [5]]), abilities: .all)
        #expect(sentOnly.sentence(["opened"]) == "open 50.0% of sent")
        // One metric at a time, as `cio get campaign-metrics` prints it: the same bases.
        let any = MetricRates(series: Self.series)
        #expect(any.described("opened") == "25.0% of delivered" && any.described("bounced") == "2.0% of sent")
        #expect(any.described("delivered") == "80.0% of sent" && any.described("sent") == "")
    }

    @Test func eachChannelShowsOnlyWhatItCanHave() {
        let sms = MetricAbilities.of(types: ["twilio"])
        #expect(!sms.opens && sms.clicks && sms.delivers && !sms.bounces)
        #expect(MetricRates(series: Self.series, abilities: sms).sentence() == "click 5.0% of delivered")
        let webhook = MetricAbilities.of(types: ["webhook"])
        #expect(MetricRates(series: Self.series, abilities: webhook).rate("opened") == nil)
        #expect(MetricRates(series: Self.series, abilities: webhook).sentence() == "no opens, clicks or bounces on this channel")
        #expect(MetricAbilities.of(types: ["email", "webhook"]) == .all)
        #expect(MetricAbilities.of(types: []) == .all, "unknown channels hide nothing")

        // The list cells read n/a, not 0 %, and the detail has no opened line for SMS.
        let result = MetricsResult(series: Self.series, query: .lastDays(30), span: .daily(30))
        let cells = CampaignsPane.metricValues(result, metrics: MetricsView(), abilities: sms)
        #expect(cells[2].text == "n/a" && cells[3].text == "5.0%")
        let keys = MetricsText.lines(result, abilities: sms).map(\.key)
        #expect(!keys.contains("opened") && keys.contains("clicked") && keys.contains("Rates"))
    }

    /// Enter on "opened" in a campaign's Metrics opens Messages: that campaign, opened, created from the figure's
    /// first midnight, paged to the end without scrolling, and the status line says what the figure counts.
    @Test func enterOnAFigureOpensTheMessagesItCounts() async throws {
        try await DrivenApp.with(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true)) { app in
            let campaign = try await Self.openCampaign(app) { $0.actions.contains { $0.type == "email" } }
            let line = try await app.selectLine("opened") { $0.key == "opened" }
            let query = try #require(line.messages)
            let figure = try #require(query.figure)
            #expect(query.metric == "opened" && query.source == .campaign(campaign.id) && figure.count > 0)
            try await app.driver.press(.enter)

            #expect(app.driver.state.route == .list(.messages))
            let list = app.driver.state.currentList
            #expect(list.next == nil, "paged to the end by itself")
            #expect(app.driver.text.contains("\(list.loadedRows.count) rows · figure \(figure.count)"), "the count beside the figure")
            #expect(app.driver.state.flash?.text == "Listed by creation; counted when opened")
            // The same rows as the API gives for that filter, every one of them opened and created in the window.
            let start = figure.span.window(now: WallClock.now()).start
            let expected = try await Self.all(MessageFilter(limit: 1_000, metric: "opened", startTS: start)) {
                try await app.client.campaignMessages(id: campaign.id, filter: $0)
            }.count
            #expect(list.loadedRows.count == expected && expected > 0)
            let listed = Self.listed(list)
            #expect(listed.allSatisfy { $0.metrics["opened"] != nil && ($0.created ?? 0) >= start })
            // The figure counts opens in the window; the list, messages created in it: they differ only by opens of
            // messages created before the window began.
            #expect(listed.filter { ($0.metrics["opened"] ?? 0) >= start }.count <= figure.count)
        }
    }

    /// Starts the app and opens the first running campaign that `matches` from Campaigns.
    static func openCampaign(_ app: DrivenApp, where matches: (Campaign) -> Bool) async throws -> Campaign {
        try await app.driver.start()
        try await app.driver.press(.character("3"))
        let campaign = try #require(try await app.client.campaigns().first { $0.state == "running" && matches($0) })
        let index = try #require(app.driver.state.currentList.loadedRows.firstIndex { $0.key == .id(campaign.id) })
        for _ in 0 ..< index { try await app.driver.press(.character("j")) }
        try await app.driver.press(.enter)
        return campaign
    }

    /// Every message of a list, page by page, from `filter`.
    static func all(_ filter: MessageFilter, _ page: (MessageFilter) async throws -> MessagesPage) async throws -> [Delivery] {
        var filter = filter
        var result: [Delivery] = []
        while true {
            let next = try await page(filter)
            result += next.messages
            guard let cursor = next.next, !cursor.isEmpty else { return result }
            filter.start = cursor
        }
    }

    /// The deliveries a list shows, typed.
    static func listed(_ list: ListPaneState) -> [Delivery] {
        list.loadedRows.compactMap { row -> Delivery? in if case .delivery(let delivery)? = row.item { delivery } else { nil } }
    }

    /// ← and → pick a day on "sent": the line says that day and its count, Esc lets go, and Enter opens the
    /// messages created that day (midnight to midnight in the figure's zone) with that day's count as the figure.
    @Test func enterOnADayOfTheSparklineOpensThatDay() async throws {
        try await DrivenApp.with(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true)) { app in
            let campaign = try await Self.openCampaign(app) { $0.actions.contains { $0.type == "email" } }
            let line = try await app.selectLine("sent") { $0.key == "sent" }
            let chart = try #require(line.chart)
            let values = chart.values
            let span = try #require(line.messages?.figure?.span)
            #expect(values.count == span.steps && chart.periods.count == span.steps && values.reduce(0, +) == line.messages?.figure?.count)

            // The first press picks today; Esc lets go before it goes back.
            try await app.driver.press(.right)
            #expect(app.driver.state.details[app.driver.state.route]?.chartStep?.index == values.count - 1)
            try await app.driver.press(.escape)
            #expect(app.driver.state.details[app.driver.state.route]?.chartStep == nil)
            #expect(app.driver.state.route == .detail(.campaigns, key: .id(campaign.id)), "Esc let go of the day, not the campaign")

            // The busiest day that is not today, so the list has rows and a next day bounds it.
            let day = try #require(values.indices.dropLast().max { values[$0] < values[$1] })
            try await app.driver.press(.right)
            for _ in day ..< values.count - 1 { try await app.driver.press(.left) }
            // That day's midnight in the figure's zone, worked out here on its own.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = span.timeZone
            let midnight = try #require(calendar.date(byAdding: .day, value: day - (values.count - 1), to: calendar.startOfDay(for: WallClock.now())))
            let period = chart.periods[day]
            let nextMidnight = try #require(calendar.date(byAdding: .day, value: 1, to: midnight))
            #expect(period.start == Int(midnight.timeIntervalSince1970) && period.end == Int(nextMidnight.timeIntervalSince1970))
            let label = span.periodLabel(startingAt: period.start)
            #expect(app.driver.text.contains("\(label): \(Format.grouped(values[day])) sent"), "the line says the day picked")

            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .list(.messages))
            let figure = try #require(app.driver.state.messagesQuery.figure)
            #expect(figure.period == period && figure.count == values[day])
            let list = app.driver.state.currentList
            #expect(list.next == nil, "paged to the end by itself")
            #expect(app.driver.text.contains("\(list.loadedRows.count) rows · figure \(values[day])"))
            let expected = try await Self.all(MessageFilter(limit: 1_000, metric: "sent", startTS: period.start, endTS: period.end - 1)) {
                try await app.client.campaignMessages(id: campaign.id, filter: $0)
            }
            let listed = Self.listed(list)
            #expect(listed.map(\.id) == expected.map(\.id) && !listed.isEmpty)
            #expect(listed.allSatisfy { ($0.created ?? 0) >= period.start && ($0.created ?? 0) < period.end })
        }
    }

    /// Enter on an action's line opens that action's messages (the workspace's list, by campaign and action): the
    /// charted state, the same window, its total as the figure.
    @Test func enterOnAnActionOpensItsMessages() async throws {
        try await DrivenApp.with(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true)) { app in
            let campaign = try await Self.openCampaign(app) { $0.actions.filter { $0.type == "email" }.count > 1 }
            let action = try #require(campaign.actions.last { $0.type == "email" })
            let actionID = try #require(action.id)
            let line = try await app.selectLine("the last email action") { $0.messages?.action == actionID }
            let figure = try #require(line.messages?.figure)
            #expect(line.messages?.metric == "sent" && line.messages?.source == .campaign(campaign.id) && figure.count > 0)

            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .list(.messages))
            let start = figure.span.window(now: WallClock.now()).start
            let expected = try await Self.all(MessageFilter(limit: 1_000, metric: "sent", campaignID: campaign.id, actionID: actionID, startTS: start)) {
                try await app.client.messages($0)
            }
            let listed = Self.listed(app.driver.state.currentList)
            #expect(listed.map(\.id) == expected.map(\.id) && !listed.isEmpty)
            #expect(listed.allSatisfy { $0.actionID == actionID && $0.campaignID == campaign.id })
            #expect(app.driver.state.messagesQuery.summary.contains("action \(actionID)"))
        }
    }

    /// A picked period reads as people say it, in the figure's zone: a day, a week, an hour.
    @Test func periodsReadAsDates() {
        // 2026-12-03 00:00 in Berlin is 2026-12-02 23:00 UTC.
        let start = 1_796_252_400
        #expect(MetricsSpan(resolution: .days, steps: 7, zone: "Europe/Berlin").periodLabel(startingAt: start) == "Thu 3 Dec")
        #expect(MetricsSpan(resolution: .weeks, steps: 12, zone: "Europe/Berlin").periodLabel(startingAt: start) == "week of Thu 3 Dec")
        #expect(MetricsSpan(resolution: .days, steps: 7, zone: "Etc/UTC").periodLabel(startingAt: start) == "Wed 2 Dec")
        // A week's periods start on Sundays, each seven days on from the last.
        let now = Date(timeIntervalSince1970: TimeInterval(start))
        let weeks = MetricsSpan.v1(lastDays: 90).periods(now: now)
        #expect(weeks.count == 12 && zip(weeks, weeks.dropFirst()).allSatisfy { $0.end == $1.start } && weeks.last?.end == start)
    }

    /// A link's clicks open the campaign's clicked messages in the links' window, and the list says it cannot
    /// narrow them to the link.
    @Test func enterOnALinksClicksSaysTheListIsEveryClick() async throws {
        let link = LinkMetric(link: .init(id: 3, href: "https://example.com/a"), metric: MetricSeries(series: ["clicked": [2, 3]]))
        let lines = CampaignSections.linkLines([link], span: .v1(lastDays: 30), campaign: 7)
        let line = try #require(lines.last)
        #expect(line.link == .list(.messages))
        #expect(line.messages?.metric == "clicked" && line.messages?.source == .campaign(7) && line.messages?.figure?.count == 5)
        #expect(line.messages?.figureNote == "All clicked messages: the API lists none by link")
        #expect(CampaignSections.linkLines([link], span: .v1(lastDays: 30)).last?.link == nil, "no campaign, nothing to open")
    }
}
