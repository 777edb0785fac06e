import Synchronization

/// Random faults drawn from a seeded PRNG, so a run with the same seed and request order fails the same way.
final class FaultInjector: Sendable {
    /// What to do to one request.
    enum Decision: Sendable {
        case none
        /// Answer this 5xx without handling the request.
        case serverError(Int)
        /// Handle the request, then replace its body with something that is not JSON.
        case malformed(MalformedKind)
    }

    enum MalformedKind: Sendable { case truncatedJSON, htmlPage }

    private struct State {
        var rng: SplitMix64
        var malformedCount = 0
    }

    private let state: Mutex<State>
    let errorRate: Double
    let malformedRate: Double

    init(seed: UInt64, errorRate: Double, malformedRate: Double) {
        state = Mutex(State(rng: SplitMix64(seed: SplitMix64.hash(seed, 0xFA_0175))))
        self.errorRate = max(0, min(1, errorRate))
        self.malformedRate = max(0, min(1, malformedRate))
    }

    func decide() -> Decision {
        guard errorRate > 0 || malformedRate > 0 else { return .none }
        return state.withLock { state in
            let roll = state.rng.unit()
            if roll < errorRate { return .serverError([500, 502, 503][state.rng.below(3)]) }
            if roll < errorRate + malformedRate {
                state.malformedCount += 1
                // Alternate the two kinds so both show up even at low rates.
                return .malformed(state.malformedCount % 2 == 1 ? .truncatedJSON : .htmlPage)
            }
            return .none
        }
    }

    /// A body that is not JSON: the real body cut in half, or an HTML error page.
    static func malformedReply(_ kind: MalformedKind, original: Reply, status: Int = 200) -> Reply {
        switch kind {
        case .truncatedJSON:
            var cut = Array(original.body.prefix(max(1, original.body.count / 2)))
            if cut.isEmpty || cut == original.body { cut = Array("{\"messages\":[{\"id\":".utf8) }
            return Reply(status: status, body: cut)
        case .htmlPage:
            return Reply(status: status, contentType: "text/html; charset=utf-8", body: Array(htmlPage(status: status).utf8))
        }
    }

    static func htmlPage(status: Int) -> String {
        """
        <!DOCTYPE html>
        <html><head><title>\(status) \(status == 200 ? "OK" : "Error")</title></head>
        <body><h1>Something went wrong</h1><p>The upstream server returned an unexpected response. Please try again later.</p>
        <hr><address>nginx</address></body></html>
        """
    }
}
