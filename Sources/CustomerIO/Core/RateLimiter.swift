import Foundation

/// Keeps calls to at most `limit` in any sliding `window` seconds *as the server sees them*, shared by every caller.
///
/// A call holds its slot from the moment it is sent until `window` seconds after its answer came back. The server
/// received it somewhere in between, so however the network bunches requests up, no server-side window can ever
/// hold more than `limit` of them. (Counting from the send alone lets a slow connection deliver two batches inside
/// one second; a classic token bucket of 10 refilling at 10/s admits 20 in one second outright.)
/// Bursts of up to `limit` still go at once.
public actor RateLimiter {
    /// What the status bar shows: how many calls could go right now, and how many are waiting.
    public struct Budget: Sendable, Equatable {
        public let available: Int
        public let limit: Int
        public let waiting: Int
        public let inFlight: Int
    }

    public let limit: Int
    public let window: Double
    /// Extra spacing so that clock differences between us and the server never make a window hold `limit + 1`.
    private let margin: Double
    private let time: any TimeSource
    private var inFlight = 0
    /// When recent calls finished, oldest first; each holds a slot until `window + margin` after it.
    private var finished: [Double] = []
    private var pausedUntil: Double = 0
    private var waiting = 0
    private var releaseWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiterID = 0
    /// Callers waiting for a slot, by ticket: their priority. A free slot goes to the highest priority, and
    /// among equals to the earliest ticket, so what is on screen loads before what is prefetched.
    private var line: [Int: Int] = [:]
    private var nextTicket = 0

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

    /// No limit at all: for benchmarks against a local sandbox with its own limit switched off.
    public static func unlimited() -> RateLimiter {
        RateLimiter(limit: .max, window: 1)
    }

    /// Waits for a slot and takes it; every successful `acquire` must be followed by one `release`.
    /// Waiting callers are served by `RequestPriority.current`, highest first, then in arrival order.
    public func acquire() async throws {
        if limit == .max { return }
        waiting += 1
        let ticket = nextTicket
        nextTicket += 1
        line[ticket] = RequestPriority.current.rawValue
        defer {
            waiting -= 1
            line[ticket] = nil
            // Whoever is next in line now may take a free slot.
            wakeWaiters()
        }
        while true {
            try Task.checkCancellation()
            let now = time.now
            prune(now)
            if pausedUntil > now {
                try await time.sleep(seconds: pausedUntil - now)
                continue
            }
            if inFlight + finished.count < limit {
                guard isNext(ticket) else {
                    await nextRelease()
                    continue
                }
                inFlight += 1
                return
            }
            // Slots free up only as finished calls age out; if too few have finished, wait for one to.
            let mustExpire = inFlight + finished.count - limit + 1
            if finished.count >= mustExpire {
                // A hair past the expiry, so rounding can never leave the slot looking taken and the loop spinning.
                try await time.sleep(seconds: max(expiry(of: finished[mustExpire - 1]) - now, 0) + 1e-6)
            } else {
                await nextRelease()
            }
        }
    }

    /// Marks a call as answered (or failed): its slot frees `window` seconds from now.
    public func release() {
        if limit == .max { return }
        inFlight = max(0, inFlight - 1)
        finished.append(time.now)
        wakeWaiters()
    }

    /// Lets every caller waiting on a release look again (a slot freed, or the line moved).
    private func wakeWaiters() {
        let waiters = releaseWaiters.values
        releaseWaiters.removeAll()
        waiters.forEach { $0.resume() }
    }

    /// Whether `ticket` is first in line: no one waiting has a higher priority, or the same and an earlier ticket.
    private func isNext(_ ticket: Int) -> Bool {
        guard let priority = line[ticket] else { return true }
        return !line.contains { other, otherPriority in
            otherPriority > priority || (otherPriority == priority && other < ticket)
        }
    }

    /// After a 429 with Retry-After, nobody sends until the server said it is ready again.
    public func pause(for seconds: Double) {
        pausedUntil = max(pausedUntil, time.now + seconds)
    }

    /// The current budget, for display.
    public func budget() -> Budget {
        let now = time.now
        prune(now)
        let available = pausedUntil > now ? 0 : max(0, limit - inFlight - finished.count)
        return Budget(available: available, limit: limit, waiting: waiting, inFlight: inFlight)
    }

    /// When a finished call's slot frees; prune and the waits above use this one formula so they agree.
    private func expiry(of finishedAt: Double) -> Double {
        finishedAt + window + margin
    }

    private func prune(_ now: Double) {
        if let keep = finished.firstIndex(where: { expiry(of: $0) > now }) {
            finished.removeFirst(keep)
        } else {
            finished.removeAll()
        }
    }

    private func nextRelease() async {
        let id = nextWaiterID
        nextWaiterID += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume()
                } else {
                    releaseWaiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        releaseWaiters.removeValue(forKey: id)?.resume()
    }
}
