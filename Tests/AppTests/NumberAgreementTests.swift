import Foundation
import CustomerIO
import Testing
import TerminalUI
import Workspace
import Sandbox
@testable import App

/// Figures for the same window agree: a campaign with its actions and its links, the list with the detail, and
/// labels say the span the endpoint really gave ("12 weeks" where v1 cannot give 90 days).
@Suite struct NumberAgreementTests {
    static let session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
    /// History that ended yesterday, so no generated send comes due between two requests of one test.
    static func pastAnchor(_ options: inout SandboxOptions) { options.anchor = WallClock.now().addingTimeInterval(-86_400) }

    @Test(arguments: [7, 30, 90])
    func actionsAddUpToTheirCampaign(days: Int) async throws {
        try await DrivenApp.with(session: Self.session, options: Self.pastAnchor) { app in
            let campaigns = try await app.client.campaigns()
            let campaign = try #require(campaigns.first { $0.state == "running" && $0.actions.count > 1 } ?? campaigns.first)
            let result = try await app.client.campaignMetrics(id: campaign.id, lastDays: days)
            #expect(result.span.label == "\(days) days")
            let actions = try await WorkspaceService(client: app.client).campaignActions(id: campaign.id)
            var sums: [String: Int] = [:]
            for action in actions {
                let series = try await WorkspaceService(client: app.client).actionMetrics(campaign: campaign.id, action: try #require(action.id), days: days).series
                for metric in ["sent", "opened", "clicked"] { sums[metric, default: 0] += series.total(metric) }
            }
            // Each action rounds its own running total: at most one off per action.
            for metric in ["sent", "opened", "clicked"] {
                #expect(abs((sums[metric] ?? 0) - result.series.total(metric)) <= actions.count, "\(metric) over \(days) days")
            }
            #expect(result.series.total("clicked") == 0 || (sums["clicked"] ?? 0) > 0, "actions never read click 0 when the campaign has clicks")
        }
    }

    @Test(arguments: [7, 30, 90])
    func linksAddUpToThePeopleWhoClicked(days: Int) async throws {
        try await DrivenApp.with(session: Self.session, options: Self.pastAnchor) { app in
            let campaigns = try await app.client.campaigns()
            for campaign in campaigns.prefix(4) {
                let (links, span) = try await WorkspaceService(client: app.client).campaignLinkMetrics(id: campaign.id, days: days)
                let clicked = try await app.client.campaignMetrics(id: campaign.id, query: span.v1Query).total("clicked")
                #expect(links.reduce(0) { $0 + $1.metric.total("clicked") } == clicked, "campaign \(campaign.id) over \(span.label)")
                #expect(Set(links.compactMap(\.link.href)).count == links.count, "each link once")
            }
        }
    }

    @Test func broadcastsSayTwelveWeeksWhereV1CannotGiveNinetyDays() async throws {
        try await DrivenApp.with(session: Self.session, options: Self.pastAnchor) { app in
            try await app.driver.start()
            try await app.driver.press(.character("4"))
            try await app.driver.press(.character("w"))  // 30 → 90
            #expect(app.driver.state.metricsView.days == 90)
            #expect(app.driver.text.contains("Sent, 12 weeks"))
            #expect(!app.driver.text.contains("90 days"))
            let broadcast = try #require(try await app.client.broadcasts().first)
            let weekly = try await app.client.broadcastMetrics(id: broadcast.id, period: .weeks, steps: 12)
            #expect(weekly["sent"].count == 12)
            let row = try #require(app.driver.state.currentList.loadedRows.first { $0.key == .id(broadcast.id) })
            #expect(row.cells[3] == thousands(weekly.total("sent")))
            try await app.driver.press(.character("3"))
            #expect(app.driver.text.contains("Sent, 90 days"))
        }
    }

    @Test func metricNamesReadAsWords() {
        #expect(MetricNames.human("human_opened") == "opened (human)")
        #expect(MetricNames.human("prefetch_opened") == "opened (machine)")
        #expect(MetricNames.human("2xx") == "HTTP 2xx")
        let series = MetricSeries(series: ["sent": [3], "opened": [2], "human_opened": [1], "prefetch_opened": [1], "4xx": [1]])
        let lines = MetricsText.lines(MetricsResult(series: series, query: .lastDays(7), span: .v1(lastDays: 7)))
        #expect(lines.map(\.key) == ["Window", "sent", "opened", "opened (human)", "opened (machine)", "HTTP 4xx", "Rates"])
        #expect(lines[0].value == "7 days, daily, days from midnight US Eastern")
    }

    @Test func aLinkInTwoPlacesIsOneLine() {
        let links = [
            LinkMetric(link: .init(id: 1, href: "https://a.example/x"), metric: MetricSeries(series: ["clicked": [20, 4]])),
            LinkMetric(link: .init(id: 2, href: "https://a.example/x"), metric: MetricSeries(series: ["clicked": [0, 0]])),
            LinkMetric(link: .init(id: 3, href: "https://a.example/y"), metric: MetricSeries(series: ["clicked": [3]])),
        ]
        let lines = CampaignSections.linkLines(links, span: .v1(lastDays: 30))
        #expect(lines.map(\.key) == ["Window", "24 clicked", "3 clicked"])
        #expect(lines[1].value == "https://a.example/x (2 places)")
    }

    @Test func aClickedMessageReadsClickedWhateverItsTimestamps() {
        var delivery = Delivery(id: "m1")
        delivery.metrics = ["sent": 100, "delivered": 101, "opened": 300, "clicked": 200]
        #expect(delivery.latestMetric == "clicked")
        delivery.metrics = ["sent": 100, "opened": 200, "clicked": 200, "human_opened": 300]
        #expect(delivery.latestMetric == "clicked")
        delivery.metrics = ["sent": 100, "delivered": 200, "bounced": 150]
        #expect(delivery.latestMetric == "bounced")
    }
}
