import Foundation

/// Which metric series came back, how it was asked for (v2 falls back to v1), and the span it covers.
public struct MetricsResult: Sendable, Equatable {
    public let series: MetricSeries
    public let query: MetricsQuery
    public let span: MetricsSpan

    public init(series: MetricSeries, query: MetricsQuery, span: MetricsSpan) {
        self.series = series
        self.query = query
        self.span = span
    }
}

/// Campaigns (automations): lists, metrics, actions, journeys and their messages.
extension AppAPIClient {
    /// `GET /v1/campaigns` (not paged).
    public func campaigns() async throws -> [Campaign] {
        try await send(APIRequest(.get, ["v1", "campaigns"]), as: CampaignsResponse.self).campaigns
    }

    /// `GET /v1/campaigns/{id}`.
    public func campaign(id: Int) async throws -> Campaign {
        try await send(APIRequest(.get, ["v1", "campaigns", String(id)]), as: CampaignResponse.self).campaign
    }

    /// `GET /v1/campaigns/{id}/metrics` with the given query.
    public func campaignMetrics(id: Int, query: MetricsQuery, type: String? = nil) async throws -> MetricSeries {
        var request = APIRequest(.get, ["v1", "campaigns", String(id), "metrics"], query: query.queryItems)
        request.add("type", type)
        return try await send(request, as: MetricsResponse.self).metric
    }

    /// Daily metrics for the last `days` days in `zone`: v2 first; where a workspace rejects v2, the deprecated v1
    /// over what it can give (45 days daily, else 12 weeks), and the result says which.
    public func campaignMetrics(id: Int, lastDays days: Int, now: Date = WallClock.now(), zone: TimeZone = MetricsSpan.userZone) async throws -> MetricsResult {
        let v2 = MetricsQuery.lastDays(days, now: now, zone: zone)
        do {
            return MetricsResult(series: try await campaignMetrics(id: id, query: v2), query: v2, span: .daily(days, zone: zone))
        } catch let error as CustomerIOError where error.kind == .badRequest {
            let span = MetricsSpan.v1(lastDays: days)
            return MetricsResult(series: try await campaignMetrics(id: id, query: span.v1Query), query: span.v1Query, span: span)
        }
    }

    /// `GET /v1/campaigns/{id}/metrics/links`.
    public func campaignLinkMetrics(id: Int, period: MetricResolution = .days, steps: Int? = nil, unique: Bool? = nil) async throws -> [LinkMetric] {
        var request = APIRequest(.get, ["v1", "campaigns", String(id), "metrics", "links"])
        request.add("period", period.rawValue)
        request.add("steps", steps)
        request.add("unique", unique)
        return try await send(request, as: LinkMetricsResponse.self).links
    }

    /// `GET /v1/campaigns/{id}/actions`: one page (the API pages by 10).
    public func campaignActions(id: Int, start: String? = nil) async throws -> ActionsPage {
        var request = APIRequest(.get, ["v1", "campaigns", String(id), "actions"])
        request.add("start", start)
        return try await send(request, as: ActionsPage.self)
    }

    /// Every action of a campaign.
    public func allCampaignActions(id: Int) -> CursorPages<CampaignAction> {
        CursorPages { start in
            let page = try await self.campaignActions(id: id, start: start)
            return (page.actions, page.next)
        }
    }

    /// `GET /v1/campaigns/{id}/actions/{action_id}`.
    public func campaignAction(campaignID: Int, actionID: Int) async throws -> CampaignAction {
        try await send(APIRequest(.get, ["v1", "campaigns", String(campaignID), "actions", String(actionID)]), as: ActionResponse.self).action
    }

    /// `GET /v1/campaigns/{id}/actions/{action_id}/metrics`.
    public func campaignActionMetrics(campaignID: Int, actionID: Int, query: MetricsQuery) async throws -> MetricSeries {
        let request = APIRequest(.get, ["v1", "campaigns", String(campaignID), "actions", String(actionID), "metrics"], query: query.queryItems)
        return try await send(request, as: MetricsResponse.self).metric
    }

    /// `GET /v1/campaigns/{id}/actions/{action_id}/metrics/links`.
    public func campaignActionLinkMetrics(campaignID: Int, actionID: Int, period: MetricResolution = .days, steps: Int? = nil) async throws -> [LinkMetric] {
        var request = APIRequest(.get, ["v1", "campaigns", String(campaignID), "actions", String(actionID), "metrics", "links"])
        request.add("period", period.rawValue)
        request.add("steps", steps)
        return try await send(request, as: LinkMetricsResponse.self).links
    }

    /// `GET /v1/campaigns/{id}/journey_metrics` (start, end and resolution are all required).
    public func campaignJourneyMetrics(id: Int, start: Int, end: Int, resolution: MetricResolution) async throws -> JourneyMetrics {
        var request = APIRequest(.get, ["v1", "campaigns", String(id), "journey_metrics"])
        request.add("start", start)
        request.add("end", end)
        request.add("res", resolution.rawValue)
        return try await send(request, as: JourneyMetricsResponse.self).journeyMetric
    }

    /// `GET /v1/campaigns/{id}/messages`.
    public func campaignMessages(id: Int, filter: MessageFilter = MessageFilter()) async throws -> MessagesPage {
        var request = APIRequest(.get, ["v1", "campaigns", String(id), "messages"])
        filter.apply(to: &request)
        return try await send(request, as: MessagesPage.self)
    }
}
