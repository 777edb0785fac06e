/// Whose figures a delivery counts towards: its campaign or broadcast and its action, its newsletter and the
/// newsletter's variant, or its transactional template.
enum DeliveryOwner: Hashable, Sendable {
    case campaign(Int), action(Int), broadcast(Int), newsletter(Int), content(Int), template(Int)
}

extension DeliveryRecord {
    var owners: [DeliveryOwner] {
        var result: [DeliveryOwner] = []
        if let campaignID { result.append(.campaign(campaignID)) }
        if let broadcastID { result.append(.broadcast(broadcastID)) }
        if let actionID { result.append(.action(actionID)) }
        if let newsletterID { result.append(.newsletter(newsletterID)) }
        if let contentID { result.append(.content(contentID)) }
        if let transactionalID { result.append(.template(transactionalID)) }
        return result
    }

    /// How many times the link was clicked: most readers click once, some come back (derived, not stored).
    var clickCount: Int { link == 0 ? 0 : 1 + Int(SplitMix64.hash(UInt64(seq), 0xC11C) % 4 == 0 ? 1 : 0) }
}

extension Metric {
    /// The series metric a delivery's state is counted as (`dropped` is the series' `suppressed`).
    init(state: DeliveryMetric) {
        switch state {
        case .created: self = .created
        case .attempted: self = .attempted
        case .drafted: self = .drafted
        case .sent: self = .sent
        case .delivered: self = .delivered
        case .opened: self = .opened
        case .humanOpened: self = .humanOpened
        case .prefetchOpened: self = .prefetchOpened
        case .clicked: self = .clicked
        case .humanClicked: self = .humanClicked
        case .prefetchClicked: self = .prefetchClicked
        case .converted: self = .converted
        case .bounced: self = .bounced
        case .dropped: self = .suppressed
        case .failed: self = .failed
        case .spammed: self = .spammed
        case .undeliverable: self = .undeliverable
        case .unsubscribed: self = .unsubscribed
        }
    }

    /// The class of an HTTP status a webhook was answered with.
    init?(httpStatus: Int16) {
        switch httpStatus {
        case 200 ..< 300: self = .http2xx
        case 300 ..< 400: self = .http3xx
        case 400 ..< 500: self = .http4xx
        case 500 ..< 600: self = .http5xx
        default: return nil
        }
    }
}

/// Where a moment falls among bucket boundaries (n + 1 boundaries make n buckets).
enum Buckets {
    static func index(of time: Int, in boundaries: [Int]) -> Int? {
        guard boundaries.count > 1, time >= boundaries[0], time < boundaries[boundaries.count - 1] else { return nil }
        var low = 0
        var high = boundaries.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if boundaries[mid] <= time { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// Figures counted from the deliveries: every metric a campaign, action, broadcast, newsletter, variant or
/// template shows is the number of its messages that reached that state within each bucket, up to now.
extension SandboxWorkspace {
    /// Counts per series metric (indexed by `Metric.rawValue`) per bucket; `channel` narrows to one message type.
    func tally(_ owner: DeliveryOwner, channel: String? = nil, boundaries: [Int]) -> [[Int]] {
        processDueTriggers()
        let now = clock.unixNow()
        let buckets = max(0, boundaries.count - 1)
        return state.withLock { state in
            var counts = Array(repeating: Array(repeating: 0, count: buckets), count: Metric.allCases.count)
            for index in state.deliveriesByOwner[owner] ?? [] {
                let delivery = state.deliveries[index]
                if let channel, delivery.type != channel { continue }
                for (metric, at) in delivery.metrics where at <= now {
                    guard let bucket = Buckets.index(of: at, in: boundaries) else { continue }
                    counts[Metric(state: metric).rawValue][bucket] += 1
                }
                if let status = Metric(httpStatus: delivery.httpStatus),
                   let answered = delivery.reached(.sent) ?? delivery.reached(.failed), answered <= now,
                   let bucket = Buckets.index(of: answered, in: boundaries) {
                    counts[status.rawValue][bucket] += 1
                }
            }
            return counts
        }
    }

    /// Clicks per tracked link per bucket, each counted when it happened: the people who clicked (`unique`) or
    /// every click. Each clicked message went to one link, so a link's people add up to the owner's `clicked`.
    func linkClicks(_ owner: DeliveryOwner, boundaries: [Int], unique: Bool) -> [Int32: [Int]] {
        processDueTriggers()
        let now = clock.unixNow()
        let buckets = max(0, boundaries.count - 1)
        return state.withLock { state in
            var clicks: [Int32: [Int]] = [:]
            for index in state.deliveriesByOwner[owner] ?? [] {
                let delivery = state.deliveries[index]
                guard delivery.link != 0, let at = delivery.reached(.clicked), at <= now,
                      let bucket = Buckets.index(of: at, in: boundaries) else { continue }
                clicks[delivery.link, default: Array(repeating: 0, count: buckets)][bucket] += unique ? 1 : delivery.clickCount
            }
            return clicks
        }
    }

    /// Messages sent in the whole history, up to now (the workspace's `messages_sent`).
    func sentCount() -> Int {
        processDueTriggers()
        let now = clock.unixNow()
        return state.withLock { state in
            state.deliveries.reduce(0) { $0 + (($1.reached(.sent)).map { $0 <= now ? 1 : 0 } ?? 0) }
        }
    }
}
