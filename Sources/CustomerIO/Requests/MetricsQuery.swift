import Foundation

/// The time step of a metric series.
public enum MetricResolution: String, Sendable, CaseIterable, Codable {
    case hours, days, weeks, months
}

/// How campaign metrics are asked for: v2 (`res`, `start`, `end`, `tz`) or the deprecated v1 (`period`, `steps`).
public enum MetricsQuery: Sendable, Equatable {
    case v2(resolution: MetricResolution, start: Int, end: Int, timeZone: String? = nil)
    case v1(period: MetricResolution, steps: Int)

    /// The last `days` whole days up to `now`, daily, in UTC so series line up with the sandbox and across machines.
    public static func lastDays(_ days: Int, now: Date = Date()) -> MetricsQuery {
        let end = Int(now.timeIntervalSince1970)
        let startOfToday = end - end % 86_400
        return .v2(resolution: .days, start: startOfToday - (days - 1) * 86_400, end: end, timeZone: "UTC")
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
