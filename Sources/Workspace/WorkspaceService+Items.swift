import Foundation
import CustomerIO

/// Single items and their sections: what a detail view and a reference (a jump) ask for.
extension WorkspaceService {
    public func segment(id: Int, refresh: Bool = false) async throws -> Segment {
        if !refresh, let listed = try? await segments().first(where: { $0.id == id }) { return listed }
        return try await store.value("segments/\(id)", ttl: ttl.details, refresh: refresh) { try await client.segment(id: id) }
    }

    public func campaign(id: Int, refresh: Bool = false) async throws -> Campaign {
        if !refresh, let listed = try? await campaigns().first(where: { $0.id == id }) { return listed }
        return try await store.value("campaigns/\(id)", ttl: ttl.details, refresh: refresh) { try await client.campaign(id: id) }
    }

    public func broadcast(id: Int, refresh: Bool = false) async throws -> Broadcast {
        if !refresh, let listed = try? await broadcasts().first(where: { $0.id == id }) { return listed }
        return try await store.value("broadcasts/\(id)", ttl: ttl.details, refresh: refresh) { try await client.broadcast(id: id) }
    }

    public func newsletter(id: Int, refresh: Bool = false) async throws -> Newsletter {
        if !refresh, let listed = try? await newsletters().first(where: { $0.id == id }) { return listed }
        return try await store.value("newsletters/\(id)", ttl: ttl.details, refresh: refresh) { try await client.newsletter(id: id) }
    }

    public func transactionalTemplate(id: Int, refresh: Bool = false) async throws -> TransactionalTemplate {
        if !refresh, let listed = try? await transactionalTemplates().first(where: { $0.id == id }) { return listed }
        return try await store.value("transactional/\(id)", ttl: ttl.details, refresh: refresh) { try await client.transactionalTemplate(id: id) }
    }

    /// One delivery.
    public func message(id: String, refresh: Bool = false) async throws -> Delivery {
        try await store.value("message/\(id)", ttl: ttl.messages, refresh: refresh) { try await client.message(id: id) }
    }

    /// A delivery's archived body. Fetched only when asked for (the API allows 100 a day); kept for an hour so
    /// looking again costs nothing.
    public func archivedMessage(id: String, refresh: Bool = false) async throws -> ArchivedMessage {
        try await store.value("message/\(id)/archived", ttl: 3600, refresh: refresh) { try await client.archivedMessage(id: id) }
    }

    /// Every newsletter, all pages.
    public func newsletters(refresh: Bool = false) async throws -> [Newsletter] {
        try await store.value("newsletters", ttl: ttl.lists, refresh: refresh) {
            var all: [Newsletter] = []
            for try await page in client.allNewsletters() { all.append(contentsOf: page) }
            return all
        }
    }

    /// A newsletter's metrics over what its v1 endpoint can give of the last `days` days (45 days, else 12 weeks).
    public func newsletterMetrics(id: Int, days: Int, refresh: Bool = false) async throws -> MetricsResult {
        let span = MetricsSpan.v1(lastDays: days)
        return try await store.value("newsletters/\(id)/metrics/\(span.key)", ttl: ttl.metrics, refresh: refresh) {
            MetricsResult(series: try await client.newsletterMetrics(id: id, period: span.resolution, steps: span.steps), query: span.v1Query, span: span)
        }
    }

    /// A campaign's (or broadcast's) actions, all pages.
    public func campaignActions(id: Int, refresh: Bool = false) async throws -> [CampaignAction] {
        try await store.value("campaigns/\(id)/actions", ttl: ttl.details, refresh: refresh) {
            var all: [CampaignAction] = []
            for try await page in client.allCampaignActions(id: id) { all.append(contentsOf: page) }
            return all
        }
    }

    public func broadcastActions(id: Int, refresh: Bool = false) async throws -> [CampaignAction] {
        try await store.value("broadcasts/\(id)/actions", ttl: ttl.details, refresh: refresh) { try await client.broadcastActions(id: id) }
    }

    /// Daily metrics of one action over the last `days` days, asked exactly as its campaign's are (same days, same
    /// zone), so the actions add up to the campaign.
    public func actionMetrics(campaign: Int, action: Int, days: Int, refresh: Bool = false) async throws -> MetricsResult {
        try await store.value("campaigns/\(campaign)/actions/\(action)/metrics/\(days)", ttl: ttl.metrics, refresh: refresh) {
            let query = MetricsQuery.lastDays(days)
            let series = try await client.campaignActionMetrics(campaignID: campaign, actionID: action, query: query)
            return MetricsResult(series: series, query: query, span: .daily(days))
        }
    }

    /// Clicks per link of a campaign: unique clicks (people), over what the v1-only links endpoint can give of the
    /// last `days` days.
    public func campaignLinkMetrics(id: Int, days: Int, refresh: Bool = false) async throws -> (links: [LinkMetric], span: MetricsSpan) {
        let span = MetricsSpan.v1(lastDays: days)
        let links = try await store.value("campaigns/\(id)/links/\(span.key)", ttl: ttl.metrics, refresh: refresh) {
            try await client.campaignLinkMetrics(id: id, period: span.resolution, steps: span.steps, unique: true)
        }
        return (links, span)
    }

    /// How people moved through a campaign over the last `days` days, from midnight in the user's zone as the
    /// campaign's own metrics count (journey metrics take no zone; their start is aligned to it instead).
    public func campaignJourneyMetrics(id: Int, days: Int, now: Int, refresh: Bool = false) async throws -> JourneyMetrics {
        guard case let .v2(_, start, _, _) = MetricsQuery.lastDays(days, now: Date(timeIntervalSince1970: TimeInterval(now))) else {
            return JourneyMetrics()
        }
        return try await store.value("campaigns/\(id)/journey/\(days)", ttl: ttl.metrics, refresh: refresh) {
            try await client.campaignJourneyMetrics(id: id, start: start, end: now, resolution: .days)
        }
    }

    /// The latest deliveries of a campaign, broadcast, newsletter or template (first page).
    public func deliveries(of source: DeliverySource, limit: Int = 50, refresh: Bool = false) async throws -> [Delivery] {
        try await store.value("messages/\(source.key)", ttl: ttl.messages, refresh: refresh) {
            try await fetchDeliveries(of: source, filter: MessageFilter(limit: limit))
        }
    }

    /// One page of deliveries matching `filter`, across the workspace or from one source, from the cursor `start`;
    /// `key` names the query in the cache, each page under its cursor.
    public func messagesPage(_ filter: MessageFilter, from source: DeliverySource?, key: String, start: String? = nil, refresh: Bool = false) async throws -> MessagesPage {
        var filter = filter
        filter.start = start
        return try await store.value("messages/\(key)/\(start ?? "")", ttl: ttl.messages, refresh: refresh) { [filter] in
            guard let source else { return try await client.messages(filter) }
            return try await fetchDeliveriesPage(of: source, filter: filter)
        }
    }

    /// One page of a source's deliveries, from the endpoint of its kind.
    private func fetchDeliveries(of source: DeliverySource, filter: MessageFilter) async throws -> [Delivery] {
        try await fetchDeliveriesPage(of: source, filter: filter).messages
    }

    private func fetchDeliveriesPage(of source: DeliverySource, filter: MessageFilter) async throws -> MessagesPage {
        switch source {
        // A campaign's own list takes no action filter; the workspace's list takes both.
        case .campaign(let id) where filter.actionID != nil: try await client.messages(filter.with(campaign: id))
        case .campaign(let id): try await client.campaignMessages(id: id, filter: filter)
        case .broadcast(let id): try await client.broadcastMessages(id: id, filter: filter)
        case .newsletter(let id): try await client.newsletterMessages(id: id, filter: filter)
        case .transactional(let id): try await client.transactionalMessages(id: id, filter: filter)
        }
    }

    /// The errors of one broadcast trigger (first page).
    public func triggerErrors(broadcast: Int, trigger: Int, refresh: Bool = false) async throws -> TriggerErrorsPage {
        try await store.value("broadcasts/\(broadcast)/triggers/\(trigger)/errors", ttl: ttl.details, refresh: refresh) {
            try await client.broadcastTriggerErrors(broadcastID: broadcast, triggerID: trigger, limit: 20)
        }
    }
}

extension MessageFilter {
    /// The filter narrowed to one campaign, for the workspace's list.
    func with(campaign id: Int) -> MessageFilter {
        var filter = self
        filter.campaignID = id
        return filter
    }
}

/// What sent a delivery: the parent whose messages a detail lists.
public enum DeliverySource: Sendable, Hashable {
    case campaign(Int), broadcast(Int), newsletter(Int), transactional(Int)

    /// Reads `key` back (`campaigns/12`).
    public init?(key: String) {
        let parts = key.split(separator: "/")
        guard parts.count == 2, let id = Int(parts[1]) else { return nil }
        switch parts[0] {
        case "campaigns": self = .campaign(id)
        case "broadcasts": self = .broadcast(id)
        case "newsletters": self = .newsletter(id)
        case "transactional": self = .transactional(id)
        default: return nil
        }
    }

    /// How people read it: `campaign 12`.
    public var title: String {
        switch self {
        case .campaign(let id): "campaign \(id)"
        case .broadcast(let id): "broadcast \(id)"
        case .newsletter(let id): "newsletter \(id)"
        case .transactional(let id): "template \(id)"
        }
    }

    /// The cache key part: `campaigns/12`.
    public var key: String {
        switch self {
        case .campaign(let id): "campaigns/\(id)"
        case .broadcast(let id): "broadcasts/\(id)"
        case .newsletter(let id): "newsletters/\(id)"
        case .transactional(let id): "transactional/\(id)"
        }
    }
}
