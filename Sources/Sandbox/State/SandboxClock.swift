import Foundation

/// Monotonic seconds since the server started (for rate windows, export readiness and the request log) and
/// wall-clock unix seconds (for timestamps in responses).
struct SandboxClock: Sendable {
    private let origin = ContinuousClock.now

    /// Monotonic seconds since this clock was made.
    func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Unix time in whole seconds.
    func unixNow() -> Int { Int(Date().timeIntervalSince1970) }
}
