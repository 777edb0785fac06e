import Foundation

/// When and how long to wait before trying a read again: exponential backoff with full jitter, bounded
/// in attempts and in total time, and never sooner than the server's Retry-After.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// The first backoff's ceiling, in seconds; each further attempt doubles it.
    public var baseDelay: Double
    /// No backoff is longer than this.
    public var maxDelay: Double
    /// No retry starts once this many seconds have passed since the first attempt.
    public var deadline: Double
    /// A Retry-After longer than this is not waited out: the error is shown instead.
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.25, maxDelay: Double = 8, deadline: Double = 60, maxRetryAfter: Double = 30) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
        self.maxRetryAfter = maxRetryAfter
    }

    /// Never retries; for callers that handle failure themselves.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1`, or nil to give up.
    ///
    /// - Parameters:
    ///   - attempt: attempts made so far (1 after the first failure).
    ///   - elapsed: seconds since the first attempt started.
    ///   - retryAfter: the server's Retry-After, if it sent one.
    ///   - jitter: a uniform random number in 0..<1.
    public func delay(afterAttempt attempt: Int, elapsed: Double, retryAfter: Double?, jitter: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        if let retryAfter, retryAfter > maxRetryAfter { return nil }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        var wait = ceiling * min(max(jitter, 0), 1)
        if let retryAfter {
            // Honour the server, plus a little jitter so a crowd of clients does not return in lockstep.
            wait = retryAfter + min(0.25, ceiling) * jitter
        }
        guard elapsed + wait <= deadline else { return nil }
        return wait
    }
}
