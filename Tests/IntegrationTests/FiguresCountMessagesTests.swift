import CustomerIO
import Foundation
import Sandbox
import Testing

/// Every figure is counted from the messages: for each campaign, broadcast, newsletter and transactional template,
/// sent, delivered, opened, clicked and bounced over 7 and 30 days equal the number of its messages that reached
/// that state within the same window (the same day boundaries and zone as the figure).
@Suite struct FiguresCountMessagesTests {
    static let states = ["sent", "delivered", "opened", "clicked", "bounced"]

    /// Every message of a list created since `since`, page by page.
    static func all(since: Int, _ page: (MessageFilter) async throws -> MessagesPage) async throws -> [Delivery] {
        var filter = MessageFilter(limit: 1_000, startTS: since)
        var result: [Delivery] = []
        while true {
            let next = try await page(filter)
            result += next.messages
            guard let cursor = next.next, !cursor.isEmpty else { return result }
            filter.start = cursor
        }
    }

    /// Compares a figure's totals with the messages that reached each state inside its window.
    /// Returns how many were sent, so a walk that met only empty figures fails.
    @discardableResult
    static func compare(_ series: MetricSeries, _ messages: [Delivery], window: (start: Int, end: Int), _ label: String) -> Int {
        for state in states {
            let counted = messages.filter { ($0.metrics[state]).map { $0 >= window.start && $0 <= window.end } ?? false }.count
            #expect(series.total(state) == counted, "\(label): \(state)")
        }
        return series.total("sent")
    }

    /// Opens can begin two days after a send and clicks half an hour after that: messages created up to three
    /// days before the window can still reach a state inside it.
    static let lead = 3 * 86_400

    @Test(arguments: [7, 30])
    func campaignsAndTheirActions(days: Int) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let now = WallClock.now()
            var sent = 0
            for campaign in try await client.campaigns() {
                let result = try await client.campaignMetrics(id: campaign.id, lastDays: days, now: now)
                let window = result.span.window(now: now)
                let messages = try await Self.all(since: window.start - Self.lead) { try await client.campaignMessages(id: campaign.id, filter: $0) }
                sent += Self.compare(result.series, messages, window: window, "campaign \(campaign.id) over \(days) days")
                for action in campaign.actions.prefix(3) {
                    guard let actionID = action.id else { continue }
                    let series = try await client.campaignActionMetrics(campaignID: campaign.id, actionID: actionID, query: result.query)
                    Self.compare(series, messages.filter { $0.actionID == actionID }, window: window, "action \(actionID) over \(days) days")
                }
            }
            #expect(sent > 100)
        }
    }

    @Test(arguments: [7, 30])
    func broadcastsNewslettersAndTemplates(days: Int) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let now = WallClock.now()
            let span = MetricsSpan.v1(lastDays: days)
            let window = span.window(now: now)
            let since = window.start - Self.lead
            var sent = 0
            for broadcast in try await client.broadcasts() {
                let series = try await client.broadcastMetrics(id: broadcast.id, period: .days, steps: days)
                let messages = try await Self.all(since: since) { try await client.broadcastMessages(id: broadcast.id, filter: $0) }
                sent += Self.compare(series, messages, window: window, "broadcast \(broadcast.id) over \(days) days")
            }
            for newsletter in try await client.newsletters(limit: 100).newsletters {
                let series = try await client.newsletterMetrics(id: newsletter.id, period: .days, steps: days)
                let messages = try await Self.all(since: since) { try await client.newsletterMessages(id: newsletter.id, filter: $0) }
                sent += Self.compare(series, messages, window: window, "newsletter \(newsletter.id) over \(days) days")
            }
            for template in try await client.transactionalTemplates() {
                let series = try await client.transactionalMetrics(id: template.id, period: .days, steps: days)
                let messages = try await Self.all(since: since) { try await client.transactionalMessages(id: template.id, filter: $0) }
                sent += Self.compare(series, messages, window: window, "template \(template.id) over \(days) days")
            }
            #expect(sent > 100)
        }
    }

    /// Each day of a series counts the states reached that day, midnight to midnight in the figure's zone: what a
    /// day picked on a sparkline opens. Campaigns (v2, your zone) and broadcasts (v1, US Eastern).
    @Test func eachDayCountsThatDaysMessages() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let now = WallClock.now()
            var checked = 0
            func compareDays(_ series: MetricSeries, _ span: MetricsSpan, _ messages: [Delivery], _ label: String) {
                for state in Self.states {
                    let values = series[state]
                    guard values.count == span.steps else {
                        Issue.record("\(label): \(state) has \(values.count) values for \(span.steps) days")
                        continue
                    }
                    for day in values.indices {
                        let period = span.period(day, now: now)
                        let counted = messages.filter { ($0.metrics[state]).map { $0 >= period.start && $0 < period.end || $0 == period.end && day == values.count - 1 } ?? false }.count
                        #expect(values[day] == counted, "\(label) \(state) on day \(day)")
                        checked += values[day]
                    }
                }
            }
            for campaign in try await client.campaigns() {
                let result = try await client.campaignMetrics(id: campaign.id, lastDays: 7, now: now)
                let since = result.span.window(now: now).start - Self.lead
                let messages = try await Self.all(since: since) { try await client.campaignMessages(id: campaign.id, filter: $0) }
                compareDays(result.series, result.span, messages, "campaign \(campaign.id)")
            }
            let span = MetricsSpan.v1(lastDays: 7)
            for broadcast in try await client.broadcasts() {
                let series = try await client.broadcastMetrics(id: broadcast.id, period: .days, steps: 7)
                let messages = try await Self.all(since: span.window(now: now).start - Self.lead) { try await client.broadcastMessages(id: broadcast.id, filter: $0) }
                compareDays(series, span, messages, "broadcast \(broadcast.id)")
            }
            #expect(checked > 100)
        }
    }

    /// No SMS or webhook figure shows an open, and webhooks no click; SMS clicks come only through tracked links.
    @Test func channelsShowOnlyTheStatesTheyCanHave() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            for campaign in try await client.campaigns() {
                for action in campaign.actions where ["twilio", "webhook"].contains(action.type ?? "") {
                    guard let actionID = action.id else { continue }
                    let series = try await client.campaignActionMetrics(campaignID: campaign.id, actionID: actionID, query: .v1(period: .weeks, steps: 12))
                    #expect(series.total("opened") == 0 && series.total("human_opened") == 0, "\(action.type ?? "") action \(actionID)")
                    if action.type == "webhook" { #expect(series.total("clicked") == 0 && series.total("2xx") > 0 || series.total("sent") == 0) }
                }
            }
            for template in try await client.transactionalTemplates() where (template.name ?? "").contains("SMS") {
                #expect(try await client.transactionalMetrics(id: template.id, period: .weeks, steps: 12).total("opened") == 0)
            }
        }
    }
}
