/// The filters shared by every message list (`type`, `metric`/`state`, `drafts`, `start_ts`, `end_ts`) and the
/// list envelope. Message cursors hold the sequence number to continue below, so new sends don't shift pages.
enum MessageQuery {
    static let channelTypes: Set<String> = ["email", "webhook", "twilio", "slack", "push", "in_app", "whatsapp", "live_notification"]

    /// `start_ts`…`end_ts`, defaulting to the last six months; nil (nothing matches) when start_ts is after
    /// end_ts: the message lists document no 400 for it, so an empty window gives an empty page.
    static func timeWindow(_ exchange: Exchange, now: Int) throws -> ClosedRange<Int>? {
        let end = try exchange.intQuery("end_ts").map(MetricWindow.clampedTimestamp) ?? now + 86_400
        let start = try exchange.intQuery("start_ts").map(MetricWindow.clampedTimestamp) ?? now - 183 * 86_400
        guard start <= end else { return nil }
        return start ... end
    }

    /// Builds the selector from the query; `base` carries the path's campaign/newsletter/… id.
    static func selector(_ exchange: Exchange, base: DeliverySelector = DeliverySelector(), now: Int) throws -> (DeliverySelector, ClosedRange<Int>?) {
        var selector = base
        if let type = exchange.query["type"], !type.isEmpty {
            guard channelTypes.contains(type) else { throw APIFailure.badRequest("type must be one of \(channelTypes.sorted().joined(separator: ", "))") }
            selector.type = type
        }
        for name in ["metric", "state"] {
            if let metric = exchange.query[name], !metric.isEmpty {
                guard let parsed = DeliveryMetric(key: metric) else { throw APIFailure.badRequest("\(name) \(metric) is not a known metric") }
                selector.metric = parsed
            }
        }
        // Without `drafts=true` lists show sent messages; with it, only drafts.
        selector.drafts = try exchange.boolQuery("drafts") ?? false
        if let campaign = try exchange.intQuery("campaign_id") { selector.campaignID = campaign }
        if let newsletter = try exchange.intQuery("newsletter_id") { selector.newsletterID = newsletter }
        if let action = try exchange.intQuery("action_id") { selector.actionID = action }
        return (selector, try timeWindow(exchange, now: now))
    }

    /// A full message list endpoint: selector from path + query, paging, envelope.
    /// `documents400`: the operation documents a 400 and its `limit` a maximum, so a `limit` above the maximum is
    /// refused, not clamped.
    static func list(
        _ request: RouteRequest, base: DeliverySelector, shape: DeliveryWire.Shape, defaultLimit: Int = 50, documents400: Bool = false
    ) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let limit = try exchange.limit(default: defaultLimit, max: 1_000, refusesAboveMaximum: documents400)
        let (selector, window) = try selector(exchange, base: base, now: app.store.clock.unixNow())
        let before = Cursor.decode(exchange.query["start"], pastEnd: 0)
        let page = app.store.deliveryPage(before: before, limit: limit) { selector.matches($0) && window?.contains($0.created) ?? false }
        return .json(envelope(page, shape: shape, app: app))
    }

    /// `{"messages":[…],"next":"…"}`, with `next` left out on the last page.
    static func envelope(_ page: (items: [DeliveryRecord], next: Int?), shape: DeliveryWire.Shape, app: SandboxApp) -> SandboxJSON {
        let people = app.store.directory()
        var pairs: [(String, SandboxJSON)] = [
            ("messages", .array(page.items.map { DeliveryWire.delivery($0, people: people, shape: shape) })),
        ]
        if let next = page.next { pairs.append(("next", .string(Cursor.encode(next)))) }
        return .obj(pairs)
    }
}
