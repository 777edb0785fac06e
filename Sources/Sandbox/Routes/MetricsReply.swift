/// Shared handling of the metrics and link-metrics endpoints: every figure is counted from the deliveries.
enum MetricsReply {
    /// `{"metric":{"series":{…}}}` for an owner's deliveries, honouring version/res/start/end/tz or period/steps,
    /// and `type` (one channel) where the endpoint takes it.
    static func series(
        _ owner: DeliveryOwner, _ request: RouteRequest, allowVersion2: Bool, webhookKeys: Bool = true, acceptsType: Bool = true
    ) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let now = app.store.clock.unixNow()
        let boundaries = allowVersion2 ? try MetricWindow.forCampaign(exchange, now: now).boundaries : try MetricWindow.version1(exchange, now: now)
        let channel = acceptsType ? try channel(exchange.query["type"]) : nil
        let counts = app.store.tally(owner, channel: channel, boundaries: boundaries)
        // The vendor's examples list the human_/prefetch_ keys for v1 responses too, so every version gets them.
        let metrics = Metric.allCases.filter { webhookKeys || !$0.isWebhookStatus }
        return .json(CampaignWire.series(counts, metrics: metrics))
    }

    /// `{"links":[…]}`: each of the owner's tracked links with its clicks per v1 period. Clicks here are not
    /// split by channel, so `type` narrows nothing; `checksType` refuses a value outside the spec's channels where the operation
    /// documents a 400 to refuse it with.
    static func links(_ links: [LinkRecord], owner: DeliveryOwner, _ request: RouteRequest, checksType: Bool = false) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        if checksType { _ = try channel(exchange.query["type"]) }
        let now = app.store.clock.unixNow()
        let boundaries = try MetricWindow.version1(exchange, now: now)
        let unique = try exchange.boolQuery("unique") ?? false
        let clicks = app.store.linkClicks(owner, boundaries: boundaries, unique: unique)
        return .json(CampaignWire.links(links, clicks: clicks, buckets: max(0, boundaries.count - 1)))
    }

    /// The channel a `type=` narrows to (absent or empty: every channel).
    static func channel(_ type: String?) throws -> String? {
        guard let type, !type.isEmpty else { return nil }
        guard MessageQuery.channelTypes.contains(type) else { throw APIFailure.badRequest("type \(type) is not a known channel") }
        return type
    }
}
