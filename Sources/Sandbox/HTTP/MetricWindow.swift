import Foundation

/// Turns the metrics endpoints' query parameters into bucket boundaries (unix seconds, oldest first).
enum MetricWindow {
    enum Resolution: String {
        case hours, days, weeks, months

        init?(query: String) {
            switch query {
            case "hours", "hourly": self = .hours
            case "days", "daily": self = .days
            case "weeks", "weekly": self = .weeks
            case "months", "monthly": self = .months
            default: return nil
            }
        }

        var component: Calendar.Component {
            switch self {
            case .hours: .hour
            case .days: .day
            case .weeks: .weekOfYear
            case .months: .month
            }
        }

        /// v1 limits: 24 hours, 45 days, 12 weeks, 120 months.
        var maximumSteps: Int {
            switch self {
            case .hours: 24
            case .days: 45
            case .weeks: 12
            case .months: 120
            }
        }

        /// How many periods v1 returns when `steps` is absent.
        var defaultSteps: Int { self == .months ? 12 : maximumSteps }

        /// The longest v2 window: what fits in `maximumBuckets` (hours) or ten years.
        var maximumSpan: Int { self == .hours ? 399 * 86_400 : 10 * 365 * 86_400 }

        /// How far back v2 looks when `start` is absent.
        var defaultSpan: Int {
            switch self {
            case .hours: 24 * 3_600
            case .days: 30 * 86_400
            case .weeks: 12 * 7 * 86_400
            case .months: 365 * 86_400
            }
        }
    }

    /// The most buckets one response may hold (about ten years of days, or 400 days of hours).
    static let maximumBuckets = 9_600

    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 1
        return calendar
    }

    /// Boundaries of consecutive periods covering `start...end`, aligned to period starts in `zone`.
    static func boundaries(from start: Int, to end: Int, resolution: Resolution, zone: TimeZone) throws -> [Int] {
        let calendar = calendar(zone)
        guard let first = calendar.dateInterval(of: resolution.component, for: Date(timeIntervalSince1970: TimeInterval(start)))?.start else {
            throw APIFailure.badRequest("could not compute periods")
        }
        var result: [Int] = [Int(first.timeIntervalSince1970)]
        var cursor = first
        while Int(cursor.timeIntervalSince1970) <= end {
            guard let next = calendar.date(byAdding: resolution.component, value: 1, to: cursor) else { break }
            cursor = next
            result.append(Int(cursor.timeIntervalSince1970))
            if result.count > maximumBuckets + 1 {
                throw APIFailure.badRequest("too many \(resolution.rawValue) between start and end; narrow the window")
            }
        }
        return result
    }

    /// v1 (`period`, `steps`): the last N periods ending with the current one, in US Eastern as the API counts.
    static func version1(_ exchange: Exchange, now: Int) throws -> [Int] {
        let periodText = exchange.query["period"].flatMap { $0.isEmpty ? nil : $0 } ?? "days"
        guard let resolution = Resolution(query: periodText) else {
            throw APIFailure.badRequest("period must be hours, days, weeks or months")
        }
        var steps = try exchange.intQuery("steps") ?? resolution.defaultSteps
        // Documented quirks: steps=0 means the maximum, steps=1 means two periods.
        if steps <= 0 { steps = resolution.maximumSteps }
        if steps == 1 { steps = 2 }
        steps = min(steps, resolution.maximumSteps)
        // The spec: "Days start at 00:00 EST. Weeks start at 00:00 EST on Sunday."
        let zone = TimeZone(identifier: "America/New_York")!
        let calendar = calendar(zone)
        let current = calendar.dateInterval(of: resolution.component, for: Date(timeIntervalSince1970: TimeInterval(now)))!.start
        var result: [Int] = []
        for offset in stride(from: -(steps - 1), through: 1, by: 1) {
            result.append(Int(calendar.date(byAdding: resolution.component, value: offset, to: current)!.timeIntervalSince1970))
        }
        return result
    }

    /// v2 (`res`, `start`, `end`, `tz`).
    /// `defaultZone` applies without `tz` (campaign metrics default to US Eastern; journey metrics take no `tz`, so UTC).
    /// Campaign metrics may leave `res` out (the spec does not require it): days, the vendor's default period.
    /// A window that ends before it starts is empty (no buckets) and a longer one than a response may hold keeps
    /// its latest periods: the spec bounds neither, so neither is refused.
    static func version2(_ exchange: Exchange, now: Int, requireAll: Bool = false, defaultZone: String = "America/New_York") throws -> [Int] {
        let resText = exchange.query["res"].flatMap { $0.isEmpty ? nil : $0 }
        if requireAll && resText == nil { throw APIFailure.badRequest("start, end and res are required") }
        guard let resolution = Resolution(query: resText ?? "days") else {
            throw APIFailure.badRequest("res must be one of hours, hourly, days, daily, weeks, weekly, months, monthly")
        }
        let startValue = try exchange.intQuery("start").map(clampedTimestamp)
        let endValue = try exchange.intQuery("end").map(clampedTimestamp)
        if requireAll && (startValue == nil || endValue == nil) { throw APIFailure.badRequest("start, end and res are required") }
        let end = endValue ?? now
        let start = max(startValue ?? end - resolution.defaultSpan, end - resolution.maximumSpan)
        let zoneName = exchange.query["tz"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultZone
        guard let zone = TimeZone(identifier: zoneName) ?? (zoneName == "Eastern" ? TimeZone(identifier: "America/New_York") : nil) else {
            throw APIFailure.badRequest("tz \(zoneName) is not a known time zone")
        }
        guard start <= end else { return [] }
        return try boundaries(from: start, to: end, resolution: resolution, zone: zone)
    }

    /// Unix seconds kept between 1970 and 9999, so window arithmetic cannot overflow.
    static func clampedTimestamp(_ value: Int) -> Int { min(max(value, 0), 253_402_300_799) }

    /// Campaign and action metrics: `version=2` → v2 parameters, otherwise (1 or absent) v1.
    static func forCampaign(_ exchange: Exchange, now: Int) throws -> (boundaries: [Int], version: Int) {
        switch exchange.query["version"] ?? "" {
        case "2":
            // v2 has no use for v1's `period` and `steps`, but values outside their schema still make a malformed
            // request, which these operations document a 400 for.
            _ = try exchange.intQuery("steps")
            if let period = exchange.query["period"], !period.isEmpty, !["hours", "days", "weeks", "months"].contains(period) {
                throw APIFailure.badRequest("period must be hours, days, weeks or months")
            }
            return (try version2(exchange, now: now), 2)
        case "", "1": return (try version1(exchange, now: now), 1)
        default: throw APIFailure.badRequest("version must be 1 or 2")
        }
    }
}
