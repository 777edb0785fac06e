import Foundation
import Synchronization

/// Counters the status bar shows: requests in flight, sent, retried and failed.
public final class ClientActivity: Sendable {
    /// A snapshot of the counters.
    public struct Snapshot: Sendable, Equatable {
        public var inFlight = 0
        public var sent = 0
        public var retried = 0
        public var failed = 0
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func begin() { state.withLock { $0.inFlight += 1 } }
    func end(failed: Bool) {
        state.withLock {
            $0.inFlight -= 1
            if failed { $0.failed += 1 }
        }
    }
    func attempt(retry: Bool) {
        state.withLock {
            $0.sent += 1
            if retry { $0.retried += 1 }
        }
    }
}
