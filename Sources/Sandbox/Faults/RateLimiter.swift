import Synchronization

/// The workspace's rate limits: at most 10 accepted App API requests in any sliding second, and one accepted
/// broadcast trigger per 10 seconds. Rejected requests don't count.
final class RateLimiter: Sendable {
    static let requestsPerWindow = 10
    static let window = 1.0
    static let triggerSpacing = 10.0

    private struct State {
        var enabled: Bool
        var accepted: [Double] = []
        var lastTrigger: Double?
        /// Set while a test holds the limits' time still, so a slow machine cannot let a window pass.
        var heldAt: Double?
    }

    private let state: Mutex<State>
    private let clock: SandboxClock

    init(enabled: Bool, clock: SandboxClock) {
        state = Mutex(State(enabled: enabled))
        self.clock = clock
    }

    func setEnabled(_ on: Bool) {
        state.withLock { $0.enabled = on }
    }

    /// Stops (or restarts) the limits' time: while held, every trigger is judged at the moment it was held.
    func holdTime(_ held: Bool) {
        let now = clock.now()
        state.withLock { $0.heldAt = held ? now : nil }
    }

    /// Admits a request into the window, or says no (then the caller answers 429 with `Retry-After: 1`).
    func admit(at now: Double) -> Bool {
        state.withLock { state in
            guard state.enabled else { return true }
            while let first = state.accepted.first, first <= now - Self.window { state.accepted.removeFirst() }
            guard state.accepted.count < Self.requestsPerWindow else { return false }
            state.accepted.append(now)
            return true
        }
    }

    /// Takes back an admission (for a request that ended up answered 429 anyway).
    func revoke(at time: Double) {
        state.withLock { state in
            if let index = state.accepted.lastIndex(of: time) { state.accepted.remove(at: index) }
        }
    }

    /// What `reserveTrigger` took, so a rejected trigger can give its slot back.
    struct TriggerReservation: Sendable {
        let previous: Double?
        let taken: Double
    }

    /// Claims the workspace's trigger slot, or throws a 429 whose `Retry-After` is the seconds left (rounded up).
    func reserveTrigger() throws -> TriggerReservation {
        let current = clock.now()
        return try state.withLock { state in
            let now = state.heldAt ?? current
            if state.enabled, let last = state.lastTrigger, now - last < Self.triggerSpacing {
                let left = Int((Self.triggerSpacing - (now - last)).rounded(.up))
                throw APIFailure(
                    status: 429, detail: "rate limited to 1 request per 10s for broadcast triggers",
                    headers: [("Retry-After", String(max(1, left)))]
                )
            }
            let reservation = TriggerReservation(previous: state.lastTrigger, taken: now)
            state.lastTrigger = now
            return reservation
        }
    }

    func releaseTrigger(_ reservation: TriggerReservation) {
        state.withLock { state in
            if state.lastTrigger == reservation.taken { state.lastTrigger = reservation.previous }
        }
    }
}
