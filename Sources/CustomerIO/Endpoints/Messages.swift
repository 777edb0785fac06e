import Foundation

/// Filters shared by every message (delivery) list: `/v1/messages` and the per-campaign, broadcast, newsletter and template lists.
public struct MessageFilter: Sendable, Equatable {
    public var start: String?
    public var limit: Int?
    /// email, webhook, twilio, slack, push, in_app …
    public var type: String?
    /// attempted, sent, delivered, opened, clicked, converted, bounced, spammed, unsubscribed, dropped, failed, undeliverable.
    public var metric: String?
    /// failed, sent, drafted, attempted (broadcast and template lists).
    public var state: String?
    public var drafts: Bool?
    public var campaignID: Int?
    public var newsletterID: Int?
    public var actionID: Int?
    /// Unix seconds; the API clamps to six months.
    public var startTS: Int?
    public var endTS: Int?

    public init(start: String? = nil, limit: Int? = nil, type: String? = nil, metric: String? = nil, state: String? = nil, drafts: Bool? = nil, campaignID: Int? = nil, newsletterID: Int? = nil, actionID: Int? = nil, startTS: Int? = nil, endTS: Int? = nil) {
        self.start = start
        self.limit = limit
        self.type = type
        self.metric = metric
        self.state = state
        self.drafts = drafts
        self.campaignID = campaignID
        self.newsletterID = newsletterID
        self.actionID = actionID
        self.startTS = startTS
        self.endTS = endTS
    }

    func apply(to request: inout APIRequest) {
        request.add("start", start)
        request.add("limit", limit.map { min(max($0, 1), 1000) })
        request.add("type", type)
        request.add("metric", metric)
        request.add("state", state)
        request.add("drafts", drafts)
        request.add("campaign_id", campaignID)
        request.add("newsletter_id", newsletterID)
        request.add("action_id", actionID)
        request.add("start_ts", startTS)
        request.add("end_ts", endTS)
    }
}

/// Messages (deliveries): lists across the workspace, one delivery, its archived body.
extension AppAPIClient {
    /// `GET /v1/messages` with any of the documented filters.
    public func messages(_ filter: MessageFilter = MessageFilter()) async throws -> MessagesPage {
        var request = APIRequest(.get, ["v1", "messages"])
        filter.apply(to: &request)
        return try await send(request, as: MessagesPage.self)
    }

    /// Every message matching a filter, page by page.
    public func allMessages(_ filter: MessageFilter = MessageFilter()) -> CursorPages<Delivery> {
        CursorPages { start in
            var paged = filter
            paged.start = start
            let page = try await self.messages(paged)
            return (page.messages, page.next)
        }
    }

    /// `GET /v1/messages/{id}`.
    public func message(id: String) async throws -> Delivery {
        try await send(APIRequest(.get, ["v1", "messages", id]), as: MessageResponse.self).message
    }

    /// `GET /v1/messages/{id}/archived_message`; the API allows only 100 of these a day, so callers ask first.
    public func archivedMessage(id: String) async throws -> ArchivedMessage {
        try await send(APIRequest(.get, ["v1", "messages", id, "archived_message"]), as: ArchivedMessageResponse.self).archivedMessage
    }
}
