import Foundation

/// The process's idea of "now": the system clock, unless `CIO_NOW` (an ISO 8601 time) sets where it starts.
///
/// Why: the demo's data and every window the app asks for ("last 30 days") follow the wall clock, so a test that
/// counts rows written one day fails a few days later. Tests (and anyone wanting a reproducible demo) start the
/// process with `CIO_NOW`; the clock then runs on from that moment at the usual speed, so timeouts and ages still
/// move. Read once, before anything asks, and never changed: every part of one process agrees on the time.
public enum WallClock {
    /// The environment variable that moves the start of the clock.
    public static let variable = "CIO_NOW"

    /// Seconds added to the system clock (0 without `CIO_NOW`).
    public static let offset: TimeInterval = offset(from: ProcessInfo.processInfo.environment[variable])

    /// The current time on this process's clock.
    public static func now() -> Date { Date(timeIntervalSinceNow: offset) }

    /// The current time in whole unix seconds.
    public static func unixNow() -> Int { Int(now().timeIntervalSince1970) }

    /// The offset a `CIO_NOW` value asks for: nil, empty or unreadable values leave the system clock alone.
    static func offset(from value: String?, system: Date = Date()) -> TimeInterval {
        guard let value, !value.isEmpty, let start = parse(value) else { return 0 }
        return start.timeIntervalSince(system)
    }

    /// Reads `2026-11-30T12:00:00Z` (or with fractional seconds, or a plain date as midnight UTC).
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }
}
