import CustomerIO
import Foundation

/// Monotonic seconds since the server started (for rate windows, export readiness and the request log) and
/// wall-clock unix seconds (for timestamps in responses), the latter running on from the moment the sandbox was told
/// it starts at, so a sandbox started at a fixed time answers the same on any day.
struct SandboxClock: Sendable {
    private let origin = ContinuousClock.now
    /// The unix time (with fractions) at `origin`.
    private let start: Double

    init(startingAt start: Date = WallClock.now()) {
        self.start = start.timeIntervalSince1970
    }

    /// Monotonic seconds since this clock was made.
    func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Unix time in whole seconds.
    func unixNow() -> Int { Int(start + now()) }
}
