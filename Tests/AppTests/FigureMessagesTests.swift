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
            try await app.driver.start()
            try await app.driver.press(.character("3"))
            let campaigns = try await app.client.campaigns()
            let campaign = try #require(campaigns.first { $0.state == "running" && $0.actions.contains { $0.type == "email" } })
            let index = try #require(app.driver.state.currentList.loadedRows.firstIndex { $0.key == String(campaign.id) })
            for _ in 0 ..< index { try await app.driver.press(.character("j")) }
            try await app.driver.press(.enter)
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
            var expected = 0
            var filter = MessageFilter(limit: 1_000, metric: "opened", startTS: start)
            while true {
                let page = try await app.client.campaignMessages(id: campaign.id, filter: filter)
                expected += page.messages.count
                guard let next = page.next, !next.isEmpty else { break }
                filter.start = next
            }
            #expect(list.loadedRows.count == expected && expected > 0)
            let listed = list.loadedRows.compactMap { row -> Delivery? in if case .delivery(let delivery)? = row.item { delivery } else { nil } }
            #expect(listed.allSatisfy { $0.metrics["opened"] != nil && ($0.created ?? 0) >= start })
            // The figure counts opens in the window; the list, messages created in it: they differ only by opens of
            // messages created before the window began.
            #expect(listed.filter { ($0.metrics["opened"] ?? 0) >= start }.count <= figure.count)
        }
    }
}
