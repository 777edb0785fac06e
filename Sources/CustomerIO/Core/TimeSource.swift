import Foundation
import Synchronization

/// A monotonic clock that can also wait; injected so rate limits and retries are testable without real time.
public protocol TimeSource: Sendable {
    /// Seconds on a monotonic scale (only differences matter).
    var now: Double { get }
    /// Waits `seconds`; throws CancellationError when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// Real time.
public struct SystemTimeSource: TimeSource {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .nanoseconds(Int64(seconds * 1_000_000_000)))
    }
}

/// Virtual time for tests and benchmarks: sleeping advances the clock at once and is recorded.
public final class VirtualTimeSource: TimeSource {
    private struct State {
        var now: Double
        var sleeps: [Double] = []
    }

    private let state: Mutex<State>

    public init(start: Double = 1_000) {
        state = Mutex(State(now: start))
    }

    public var now: Double { state.withLock { $0.now } }

    /// Every wait asked for, in order.
    public var sleeps: [Double] { state.withLock { $0.sleeps } }

    public func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(seconds)
            $0.now += max(0, seconds)
        }
    }

    /// Moves time forward without anyone sleeping (time passing between requests).
    public func advance(by seconds: Double) {
        state.withLock { $0.now += seconds }
    }
}
