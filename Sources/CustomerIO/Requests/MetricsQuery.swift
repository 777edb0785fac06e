import Foundation

/// The time step of a metric series.
public enum MetricResolution: String, Sendable, CaseIterable, Codable {
    case hours, days, weeks, months
}

/// How campaign metrics are asked for: v2 (`res`, `start`, `end`, `tz`) or the deprecated v1 (`period`, `steps`).
public enum MetricsQuery: Sendable, Equatable {
    case v2(resolution: MetricResolution, start: Int, end: Int, timeZone: String? = nil)
    case v1(period: MetricResolution, steps: Int)

    /// The last `days` whole days up to `now`, daily, each day starting at midnight in `zone` (the spec asks for a
    /// region-format zone such as `America/New_York`; without one the API counts in US Eastern).
    public static func lastDays(_ days: Int, now: Date = WallClock.now(), zone: TimeZone = MetricsSpan.userZone) -> MetricsQuery {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let startOfToday = calendar.startOfDay(for: now)
        let start = calendar.date(byAdding: .day, value: -(days - 1), to: startOfToday) ?? startOfToday
        return .v2(resolution: .days, start: Int(start.timeIntervalSince1970), end: Int(now.timeIntervalSince1970), timeZone: zone.identifier)
    }

    /// v1 caps steps per period (24 hours, 45 days, 12 weeks, 120 months).
    public static func maxSteps(_ period: MetricResolution) -> Int {
        switch period {
        case .hours: 24
        case .days: 45
        case .weeks: 12
        case .months: 120
        }
    }

    var queryItems: [(name: String, value: String)] {
        switch self {
        case let .v2(resolution, start, end, timeZone):
            var items = [("version", "2"), ("res", resolution.rawValue), ("start", String(start)), ("end", String(end))]
            if let timeZone { items.append(("tz", timeZone)) }
            return items
        case let .v1(period, steps):
            return [("version", "1"), ("period", period.rawValue), ("steps", String(min(steps, Self.maxSteps(period))))]
        }
    }
}

/// What a metric series covers as it was fetched: its resolution, how many steps, and where its days start. Labels
/// come from here, so a figure never claims a longer span than the request could give.
public struct MetricsSpan: Sendable, Hashable {
    public var resolution: MetricResolution
    public var steps: Int
    /// The zone whose midnight starts each day: the user's for v2 queries, US Eastern for v1 (fixed by the API).
    public var zone: String

    public init(resolution: MetricResolution, steps: Int, zone: String) {
        self.resolution = resolution
        self.steps = steps
        self.zone = zone
    }

    /// The zone name v1 endpoints count in (the spec: "Days start at 00:00 EST").
    public static let vendorZone = "US Eastern"

    /// The user's own zone in the region format the API takes; Etc/UTC when the system names none (a copied
    /// /etc/localtime reads as "GMT" or "localtime", and Foundation names plain UTC "GMT").
    public static var userZone: TimeZone {
        let zone = TimeZone.current
        return zone.identifier.contains("/") ? zone : TimeZone(identifier: "Etc/UTC") ?? zone
    }

    /// Daily over `days` days in `zone`, as a v2 query asks.
    public static func daily(_ days: Int, zone: TimeZone = userZone) -> MetricsSpan {
        MetricsSpan(resolution: .days, steps: days, zone: zone.identifier)
    }

    /// What a v1-only endpoint can give for the last `days` days: daily up to its 45-day cap, beyond that whole weeks
    /// up to its 12-week cap. 90 days becomes "12 weeks", never "90 days" over 45.
    public static func v1(lastDays days: Int) -> MetricsSpan {
        if days <= MetricsQuery.maxSteps(.days) { return MetricsSpan(resolution: .days, steps: days, zone: vendorZone) }
        return MetricsSpan(resolution: .weeks, steps: min(MetricsQuery.maxSteps(.weeks), days / 7), zone: vendorZone)
    }

    /// The v1 query for this span.
    public var v1Query: MetricsQuery { .v1(period: resolution, steps: steps) }

    /// "30 days", "12 weeks".
    public var label: String { "\(steps) \(steps == 1 ? String(resolution.rawValue.dropLast()) : resolution.rawValue)" }

    /// "30 days, daily, days from midnight Europe/Berlin": the window, the resolution and the zone, for a detail.
    public var description: String {
        let step = resolution == .weeks ? "weekly, weeks from Sunday" : "daily, days from"
        return "\(label), \(step) \(resolution == .weeks ? "" : "midnight ")\(zone)".replacingOccurrences(of: "  ", with: " ")
    }

    /// A cache key part.
    public var key: String { "\(resolution.rawValue)\(steps)" }

    /// The time zone `zone` names (US Eastern is America/New_York).
    public var timeZone: TimeZone {
        let name = zone == Self.vendorZone ? "America/New_York" : zone
        return TimeZone(identifier: name) ?? TimeZone(identifier: "Etc/UTC")!
    }

    /// The moments the span covers up to `now`, unix seconds: from the start of its first period (midnight in its
    /// zone, or Sunday's for weeks) to `now`. A message list over the same window compares line for line.
    public func window(now: Date = WallClock.now()) -> (start: Int, end: Int) {
        let calendar = periodCalendar
        let component = periodComponent
        let current = calendar.dateInterval(of: component, for: now)?.start ?? now
        let first = calendar.date(byAdding: component, value: -(steps - 1), to: current) ?? current
        return (Int(first.timeIntervalSince1970), Int(now.timeIntervalSince1970))
    }

    /// One period of the span, unix seconds: `index` 0 is the first day (or week) the series holds, `steps - 1`
    /// the current one, which ends at `now`. The same boundaries the series was counted on, so a day of a
    /// sparkline and the messages of that day compare.
    public func period(_ index: Int, now: Date = WallClock.now()) -> (start: Int, end: Int) {
        let calendar = periodCalendar
        let first = Date(timeIntervalSince1970: TimeInterval(window(now: now).start))
        let start = calendar.date(byAdding: periodComponent, value: index, to: first) ?? first
        let next = calendar.date(byAdding: periodComponent, value: 1, to: start) ?? start
        return (Int(start.timeIntervalSince1970), Int(min(next, now).timeIntervalSince1970))
    }

    /// Every period of the span as it stands at `now`, oldest first.
    public func periods(now: Date = WallClock.now()) -> [(start: Int, end: Int)] {
        (0 ..< steps).map { period($0, now: now) }
    }

    /// How a person reads the period starting at `start` (unix seconds): "Tue 1 Dec" for a day, "week of Sun
    /// 29 Nov", "Tue 1 Dec 14:00" for an hour, in the span's zone.
    public func periodLabel(startingAt start: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = resolution == .hours ? "EEE d MMM HH:mm" : resolution == .months ? "MMMM yyyy" : "EEE d MMM"
        let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(start)))
        return resolution == .weeks ? "week of \(text)" : text
    }

    private var periodCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 1
        return calendar
    }

    private var periodComponent: Calendar.Component {
        resolution == .weeks ? .weekOfYear : resolution == .hours ? .hour : resolution == .months ? .month : .day
    }
}
