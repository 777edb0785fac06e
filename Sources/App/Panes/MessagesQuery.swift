import CustomerIO
import Foundation
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
    /// Only one of the campaign's actions (opened from its line in the campaign's Actions).
    public var action: Int?
    /// The figure this list explains (opened from a metric line): its window, day boundaries and count.
    public var figure: Figure?

    /// A figure a list was opened from: `opened 233` over `30 days` from midnight in its zone, or one day of it.
    public struct Figure: Sendable, Hashable {
        public var span: MetricsSpan
        public var count: Int
        /// One period of the span (a day picked on the sparkline), or nil for the whole window.
        public var period: Period?
        /// Set when the figure is one link's clicks: the API lists messages by state, never by link.
        public var link: String?

        public init(span: MetricsSpan, count: Int, period: Period? = nil, link: String? = nil) {
            self.span = span
            self.count = count
            self.period = period
            self.link = link
        }
    }

    /// One period of a figure's span: its place in the series and its moments (unix seconds, end excluded).
    public struct Period: Sendable, Hashable {
        public var index: Int
        public var start: Int
        public var end: Int
    }

    /// A line's sparkline as data: each period's value and its moments, fixed when the figure loaded, so a day
    /// picked later is the day the figure counted even if midnight has passed since.
    public struct Chart: Sendable, Hashable {
        public var values: [Int]
        public var periods: [Period]

        /// `values` over `span` as loaded at `now` (unix seconds).
        init(_ values: [Int], span: MetricsSpan, now: Int) {
            self.values = values
            let moments = span.periods(now: Date(timeIntervalSince1970: TimeInterval(now)))
            // A series shorter or longer than its span has no period for some values: those cannot be picked.
            periods = zip(values.indices, moments).map { Period(index: $0, start: $1.start, end: $1.end) }
        }
    }

    public init(type: String? = nil, metric: String? = nil, days: Int? = nil, source: DeliverySource? = nil, action: Int? = nil, figure: Figure? = nil) {
        self.type = type
        self.metric = metric
        self.days = days
        self.source = source
        self.action = action
        self.figure = figure
    }

    /// The store's cache key for its pages: `from=campaigns/12;type=email;metric=opened;days=7` (never read back).
    var key: String {
        [source.map { "from=\($0.key)" }, action.map { "action=\($0)" }, type.map { "type=\($0)" }, metric.map { "metric=\($0)" },
         days.map { "days=\($0)" }, figure.map { "span=\($0.span.key)@\($0.span.zone)" }, figure?.period.map { "period=\($0.start)" }]
            .compactMap { $0 }.joined(separator: ";")
    }

    /// What the breadcrumb says: `email · opened · last 7 days`, or `all` with no filter.
    public var summary: String {
        // The figure's zone is on the Metrics block it came from; the breadcrumb keeps to what fits.
        let window = figure.map { figure in
            figure.period.map { "created \(figure.span.periodLabel(startingAt: $0.start))" } ?? "created in the last \(figure.span.label)"
        }
            ?? days.map { "last \($0) day\($0 == 1 ? "" : "s")" }
        let parts = [source.map(\.title), action.map { "action \($0)" }, type.map { $0 == "twilio" ? "sms" : $0 }, metric, window].compactMap { $0 }
        return parts.isEmpty ? "all" : parts.joined(separator: " · ")
    }

    /// What a list opened from a figure says: the figure counts the state when it was reached, the API lists
    /// messages by when they were created, so an open early in the window may belong to a message from before it.
    public var figureNote: String? {
        guard let figure, let metric else { return nil }
        // Short enough for the status bar at 80 columns; the count and the window are on the bar above.
        if figure.link != nil { return "All clicked messages: the API lists none by link" }
        return "Listed by creation; counted when \(metric)"
    }

    /// The API filter for this query, `now` in Unix seconds. A figure's list starts where the figure's first day
    /// starts (midnight in its zone), so the two compare line for line.
    public func filter(now: Int, limit: Int = 200) -> MessageFilter {
        let moment = Date(timeIntervalSince1970: TimeInterval(now))
        let start = figure.map { $0.period?.start ?? $0.span.window(now: moment).start } ?? days.map { now - $0 * 86_400 }
        // A day ends where the next begins; the API's end_ts is inclusive, so a message made at the next midnight
        // belongs to the next day, not to both. The current day runs on to now.
        let end = figure.flatMap { figure in figure.period.flatMap { $0.index < figure.span.steps - 1 ? $0.end - 1 : nil } }
        return MessageFilter(limit: limit, type: type, metric: metric, actionID: action, startTS: start, endTS: end)
    }

    /// The next value after `current` in `values`, wrapping.
    static func next<T: Equatable>(_ current: T, in values: [T]) -> T {
        values[((values.firstIndex(of: current) ?? 0) + 1) % values.count]
    }
}
