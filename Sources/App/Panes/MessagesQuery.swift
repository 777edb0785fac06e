import CustomerIO
import Workspace

/// The Messages pane's filters: delivery type, metric reached, and how far back. `t`, `e` and `w` cycle them.
public struct MessagesQuery: Sendable, Hashable {
    public static let types: [String?] = [nil, "email", "push", "twilio", "in_app", "webhook", "slack"]
    public static let metrics: [String?] = [nil, "sent", "delivered", "opened", "clicked", "converted", "bounced", "failed", "undeliverable"]
    public static let windows: [Int?] = [nil, 1, 7, 30]

    public var type: String?
    public var metric: String?
    /// Days back from now; nil for no limit (the API keeps six months).
    public var days: Int?
    /// Only the deliveries of one campaign, broadcast, newsletter or template (opened from its detail).
    public var source: DeliverySource?

    public init(type: String? = nil, metric: String? = nil, days: Int? = nil, source: DeliverySource? = nil) {
        self.type = type
        self.metric = metric
        self.days = days
        self.source = source
    }

    /// The store's cache key for its pages: `from=campaigns/12;type=email;metric=opened;days=7` (never read back).
    var key: String {
        [source.map { "from=\($0.key)" }, type.map { "type=\($0)" }, metric.map { "metric=\($0)" }, days.map { "days=\($0)" }]
            .compactMap { $0 }.joined(separator: ";")
    }

    /// What the breadcrumb says: `email · opened · last 7 days`, or `all` with no filter.
    public var summary: String {
        let parts = [source.map(\.title), type.map { $0 == "twilio" ? "sms" : $0 }, metric, days.map { "last \($0) day\($0 == 1 ? "" : "s")" }].compactMap { $0 }
        return parts.isEmpty ? "all" : parts.joined(separator: " · ")
    }

    /// The API filter for this query, `now` in Unix seconds.
    public func filter(now: Int, limit: Int = 200) -> MessageFilter {
        MessageFilter(limit: limit, type: type, metric: metric, startTS: days.map { now - $0 * 86_400 })
    }

    /// The next value after `current` in `values`, wrapping.
    static func next<T: Equatable>(_ current: T, in values: [T]) -> T {
        values[((values.firstIndex(of: current) ?? 0) + 1) % values.count]
    }
}
