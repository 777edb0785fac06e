import Foundation

/// Keeps calls to at most `limit` in any sliding `window` seconds, shared by every caller of one workspace.
///
/// A sliding window rather than a classic token bucket: a bucket holding 10 tokens that refills at 10/s lets
/// 20 requests through inside one second, which the API answers with 429s. Bursts of up to `limit` still go at once.
public actor RateLimiter {
    /// What the status bar shows: how many calls could go right now, and how many are waiting.
    public struct Budget: Sendable, Equatable {
        public let available: Int
        public let limit: Int
        public let waiting: Int
    }

    public let limit: Int
    public let window: Double
    /// Extra spacing so that clock skew between us and the server never makes a window hold `limit + 1`.
    private let margin: Double
    private let time: any TimeSource
    private var recent: [Double] = []
    private var pausedUntil: Double = 0
    private var waiting = 0

    public init(limit: Int, window: Double, margin: Double = 0.02, time: any TimeSource = SystemTimeSource()) {
        precondition(limit > 0 && window > 0, "a rate limit needs a positive limit and window")
        self.limit = limit
        self.window = window
        self.margin = margin
        self.time = time
    }

    /// The App API's general limit: 10 requests per second.
    public static func appAPI(time: any TimeSource = SystemTimeSource()) -> RateLimiter {
        RateLimiter(limit: 10, window: 1, time: time)
    }

    /// Broadcast triggers: 1 per 10 seconds.
    public static func broadcastTriggers(time: any TimeSource = SystemTimeSource()) -> RateLimiter {
        RateLimiter(limit: 1, window: 10, time: time)
    }

    /// Waits for a slot and takes it.
    public func acquire() async throws {
        waiting += 1
        defer { waiting -= 1 }
        while true {
            try Task.checkCancellation()
            let wait = delayBeforeNextSlot()
            if wait <= 0 {
                recent.append(time.now)
                return
            }
            try await time.sleep(seconds: wait)
        }
    }

    /// Seconds until a call could go (0 when one could go now); does not take a slot.
    public func delayBeforeNextSlot() -> Double {
        let now = time.now
        recent.removeAll { $0 <= now - window - margin }
        if pausedUntil > now { return pausedUntil - now }
        if recent.count < limit { return 0 }
        return recent[recent.count - limit] + window + margin - now
    }

    /// After a 429 with Retry-After, nobody sends until the server said it is ready again.
    public func pause(for seconds: Double) {
        pausedUntil = max(pausedUntil, time.now + seconds)
    }

    /// The current budget, for display.
    public func budget() -> Budget {
        let now = time.now
        recent.removeAll { $0 <= now - window - margin }
        let available = pausedUntil > now ? 0 : max(0, limit - recent.count)
        return Budget(available: available, limit: limit, waiting: waiting)
    }
}
