import Foundation

/// API-triggered broadcasts and newsletters.
extension AppAPIClient {
    /// `GET /v1/broadcasts`.
    public func broadcasts() async throws -> [Broadcast] {
        try await send(APIRequest(.get, ["v1", "broadcasts"]), as: BroadcastsResponse.self).broadcasts
    }

    /// `GET /v1/broadcasts/{id}`.
    public func broadcast(id: Int) async throws -> Broadcast {
        try await send(APIRequest(.get, ["v1", "broadcasts", String(id)]), as: BroadcastResponse.self).broadcast
    }

    /// `GET /v1/broadcasts/{id}/metrics` (period and steps only; broadcasts have no v2).
    public func broadcastMetrics(id: Int, period: MetricResolution = .days, steps: Int? = nil, type: String? = nil) async throws -> MetricSeries {
        var request = APIRequest(.get, ["v1", "broadcasts", String(id), "metrics"])
        request.add("period", period.rawValue)
        request.add("steps", steps.map { min($0, MetricsQuery.maxSteps(period)) })
        request.add("type", type)
        return try await send(request, as: MetricsResponse.self).metric
    }

    /// `GET /v1/broadcasts/{id}/actions`.
    public func broadcastActions(id: Int) async throws -> [CampaignAction] {
        try await send(APIRequest(.get, ["v1", "broadcasts", String(id), "actions"]), as: ActionsPage.self).actions
    }

    /// `GET /v1/broadcasts/{id}/messages`.
    public func broadcastMessages(id: Int, filter: MessageFilter = MessageFilter()) async throws -> MessagesPage {
        var request = APIRequest(.get, ["v1", "broadcasts", String(id), "messages"])
        filter.apply(to: &request)
        return try await send(request, as: MessagesPage.self)
    }

    /// `GET /v1/broadcasts/{id}/triggers`: the trigger history.
    public func broadcastTriggers(id: Int) async throws -> [BroadcastTrigger] {
        try await send(APIRequest(.get, ["v1", "broadcasts", String(id), "triggers"]), as: BroadcastTriggersResponse.self).triggers
    }

    /// `POST /v1/campaigns/{id}/triggers`: starts a broadcast. Held to 1 per 10 s and never retried.
    public func triggerBroadcast(id: Int, _ body: BroadcastTriggerRequest) async throws -> Int {
        try await send(triggerRequest(id: id, body), as: TriggerBroadcastResponse.self).id
    }

    /// The trigger request exactly as it will be sent, for review screens.
    public func triggerRequest(id: Int, _ body: BroadcastTriggerRequest) throws -> APIRequest {
        try body.request(broadcastID: id)
    }

    /// `GET /v1/campaigns/{id}/triggers/{trigger_id}`: when it was created and processed.
    public func broadcastTriggerStatus(broadcastID: Int, triggerID: Int) async throws -> BroadcastTrigger {
        try await send(APIRequest(.get, ["v1", "campaigns", String(broadcastID), "triggers", String(triggerID)]), as: BroadcastTrigger.self)
    }

    /// `GET /v1/campaigns/{id}/triggers/{trigger_id}/errors`: one page of per-person errors.
    public func broadcastTriggerErrors(broadcastID: Int, triggerID: Int, start: String? = nil, limit: Int? = nil) async throws -> TriggerErrorsPage {
        var request = APIRequest(.get, ["v1", "campaigns", String(broadcastID), "triggers", String(triggerID), "errors"])
        request.add("start", start)
        request.add("limit", limit)
        return try await send(request, as: TriggerErrorsPage.self)
    }

    /// `GET /v1/newsletters`: one page (at most 100).
    public func newsletters(start: String? = nil, limit: Int? = nil, sort: String? = nil) async throws -> NewslettersPage {
        var request = APIRequest(.get, ["v1", "newsletters"])
        request.add("start", start)
        request.add("limit", limit.map { min(max($0, 1), 100) })
        request.add("sort", sort)
        return try await send(request, as: NewslettersPage.self)
    }

    /// Every newsletter, page by page.
    public func allNewsletters() -> CursorPages<Newsletter> {
        CursorPages { start in
            let page = try await self.newsletters(start: start, limit: 100)
            return (page.newsletters, page.next)
        }
    }

    /// `GET /v1/newsletters/{id}`.
    public func newsletter(id: Int) async throws -> Newsletter {
        try await send(APIRequest(.get, ["v1", "newsletters", String(id)]), as: NewsletterResponse.self).newsletter
    }

    /// `GET /v1/newsletters/{id}/metrics`.
    public func newsletterMetrics(id: Int, period: MetricResolution = .days, steps: Int? = nil, type: String? = nil) async throws -> MetricSeries {
        var request = APIRequest(.get, ["v1", "newsletters", String(id), "metrics"])
        request.add("period", period.rawValue)
        request.add("steps", steps.map { min($0, MetricsQuery.maxSteps(period)) })
        request.add("type", type)
        return try await send(request, as: MetricsResponse.self).metric
    }

    /// `GET /v1/newsletters/{id}/messages`.
    public func newsletterMessages(id: Int, filter: MessageFilter = MessageFilter()) async throws -> MessagesPage {
        var request = APIRequest(.get, ["v1", "newsletters", String(id), "messages"])
        filter.apply(to: &request)
        return try await send(request, as: MessagesPage.self)
    }
}
