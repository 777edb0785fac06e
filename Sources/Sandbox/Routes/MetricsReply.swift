/// Shared handling of the metrics and link-metrics endpoints.
enum MetricsReply {
    /// `{"metric":{"series":{…}}}` for a series, honouring version/res/start/end/tz or period/steps.
    /// `live` selects deliveries created since the workspace's anchor (sends, triggers) to add on top.
    static func series(
        _ series: DailySeries, _ exchange: Exchange, app: SandboxApp, allowVersion2: Bool, webhookKeys: Bool = true,
        live: ((DeliveryRecord) -> Bool)? = nil
    ) throws -> Reply {
        let now = app.store.clock.unixNow()
        let (boundaries, version) = allowVersion2 ? try MetricWindow.forCampaign(exchange, now: now) : (try MetricWindow.version1(exchange, now: now), 1)
        // The vendor's examples list the human_/prefetch_ keys for v1 responses too, so every version gets them.
        _ = version
        let metrics = Metric.allCases.filter { webhookKeys || !$0.isWebhookStatus }
        var extra: [(Metric, [Int])] = []
        if let live {
            let anchor = app.data.anchor
            let recent = app.store.allDeliveries { $0.created >= anchor && live($0) }
            if !recent.isEmpty {
                for metric in [Metric.created, .attempted, .sent, .delivered] {
                    let key: DeliveryMetric = metric == .created ? .created : metric == .attempted ? .attempted : metric == .sent ? .sent : .delivered
                    extra.append((metric, counts(recent.compactMap { $0.reached(key) }, boundaries: boundaries)))
                }
            }
        }
        return .json(CampaignWire.series(series, metrics: metrics, boundaries: boundaries, until: now, extra: extra))
    }

    static func links(_ links: [LinkRecord], series: DailySeries, _ exchange: Exchange, app: SandboxApp) throws -> Reply {
        let now = app.store.clock.unixNow()
        let boundaries = try MetricWindow.version1(exchange, now: now)
        let unique = try exchange.boolQuery("unique") ?? false
        return .json(CampaignWire.links(links, series: series, boundaries: boundaries, until: now, unique: unique))
    }

    /// How many of the times fall in each bucket.
    static func counts(_ times: [Int], boundaries: [Int]) -> [Int] {
        guard boundaries.count > 1 else { return [] }
        var result = Array(repeating: 0, count: boundaries.count - 1)
        for time in times {
            guard time >= boundaries[0], time < boundaries[boundaries.count - 1] else { continue }
            var low = 0
            var high = boundaries.count - 2
            while low < high {
                let mid = (low + high + 1) / 2
                if boundaries[mid] <= time { low = mid } else { high = mid - 1 }
            }
            result[low] += 1
        }
        return result
    }

    /// One action's part of its campaign's or broadcast's series, so that its actions add up to the whole.
    static func actionSeries(_ series: DailySeries, action: ActionRecord, among actions: [ActionRecord]) -> DailySeries {
        let index = actions.firstIndex { $0.id == action.id } ?? 0
        return series.share(of: index, weights: actions.map(\.weight), channels: actions.map(\.type))
    }

    /// A campaign's series narrowed to one channel (`type=`), by the share of its actions on that channel.
    static func narrowed(_ series: DailySeries, actions: [ActionRecord], type: String?) throws -> DailySeries {
        guard let type, !type.isEmpty else { return series }
        guard MessageQuery.channelTypes.contains(type) else { throw APIFailure.badRequest("type \(type) is not a known channel") }
        let share = actions.filter { $0.type == type }.reduce(0) { $0 + $1.weight }
        return series.scaled(by: share, channel: type)
    }
}
