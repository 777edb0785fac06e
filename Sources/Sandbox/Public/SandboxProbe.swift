import Synchronization

/// One request the sandbox received, as logged by the probe.
public struct SandboxRequestRecord: Sendable, Equatable {
    public let method: String
    /// The path with each segment percent-decoded.
    public let path: String
    /// Query parameters, decoded (first value wins).
    public let query: [String: String]
    /// The status the sandbox answered with.
    public let status: Int
    /// Monotonic seconds since the server started, when the request arrived.
    public let receivedAt: Double
}

/// A fault for tests to inject: answers matching requests with a chosen status/body, optionally after really
/// handling them (so a send lands and the client still sees an error), and/or after a delay.
public struct ScriptedFault: Sendable {
    /// What the fault's response body looks like.
    public enum Body: Sendable {
        /// The vendor's error envelope (`{"errors":[…]}`, or `{"meta":{"error":…}}` on `/v1/send/*`).
        case vendorEnvelope
        /// An HTML error page served as `text/html`, like a proxy in front of the API would.
        case html
        /// JSON cut off half-way.
        case malformedJSON
        /// No body at all.
        case empty
    }

    /// Only requests with this method (nil: any method).
    public var method: String?
    /// Only requests whose decoded path starts with this.
    public var pathPrefix: String
    /// Status to answer with; nil keeps the real response (useful with `delayMilliseconds`).
    public var status: Int?
    /// How many matching requests the fault applies to.
    public var times: Int
    /// Handle the request for real first (side effects happen), then answer with the fault.
    public var afterHandling: Bool
    /// Extra delay before the response goes out (after handling).
    public var delayMilliseconds: Int
    public var body: Body
    /// Value for a `Retry-After` header.
    public var retryAfter: Int?

    public init(
        method: String? = nil, pathPrefix: String, status: Int? = 503, times: Int = 1, afterHandling: Bool = false,
        delayMilliseconds: Int = 0, body: Body = .vendorEnvelope, retryAfter: Int? = nil
    ) {
        self.method = method
        self.pathPrefix = pathPrefix
        self.status = status
        self.times = times
        self.afterHandling = afterHandling
        self.delayMilliseconds = delayMilliseconds
        self.body = body
        self.retryAfter = retryAfter
    }

    /// Answer the next `times` matching requests with `status` without handling them.
    public static func status(_ status: Int, method: String? = nil, pathPrefix: String, times: Int = 1, retryAfter: Int? = nil) -> ScriptedFault {
        ScriptedFault(method: method, pathPrefix: pathPrefix, status: status, times: times, retryAfter: retryAfter)
    }

    /// Handle the request (it takes effect), then answer `status` anyway: an "unknown outcome".
    public static func failAfterHandling(_ status: Int = 503, method: String? = nil, pathPrefix: String, times: Int = 1) -> ScriptedFault {
        ScriptedFault(method: method, pathPrefix: pathPrefix, status: status, times: times, afterHandling: true)
    }

    /// Handle the request normally but hold the response for `milliseconds`.
    public static func delay(_ milliseconds: Int, method: String? = nil, pathPrefix: String, times: Int = 1) -> ScriptedFault {
        ScriptedFault(method: method, pathPrefix: pathPrefix, status: nil, times: times, afterHandling: true, delayMilliseconds: milliseconds)
    }

    func matches(method: String, path: String) -> Bool {
        times > 0 && (self.method.map { $0.uppercased() == method } ?? true) && path.hasPrefix(pathPrefix)
    }
}

/// Test hooks: what the sandbox received, and faults to inject.
public final class SandboxProbe: Sendable {
    private struct State {
        var records: [SandboxRequestRecord] = []
        var faults: [ScriptedFault] = []
    }

    private let state = Mutex(State())
    private let store: SandboxWorkspace
    private let limiter: RateLimiter
    /// The log keeps the most recent requests only, so a long demo session doesn't grow without bound.
    static let logCapacity = 200_000

    init(store: SandboxWorkspace, limiter: RateLimiter) {
        self.store = store
        self.limiter = limiter
    }

    /// Every request received since start (or the last `resetLog`), in arrival order.
    public func requests() -> [SandboxRequestRecord] {
        state.withLock { $0.records }.sorted { $0.receivedAt < $1.receivedAt }
    }

    public func requestCount(method: String? = nil, pathPrefix: String? = nil) -> Int {
        state.withLock { state in
            state.records.reduce(0) { count, record in
                let methodOK = method.map { $0.uppercased() == record.method } ?? true
                let pathOK = pathPrefix.map { record.path.hasPrefix($0) } ?? true
                return count + (methodOK && pathOK ? 1 : 0)
            }
        }
    }

    /// The most App API requests (`/v1/…`, rejected ones included) that arrived within any window of `seconds`.
    public func maxRequestsInAnyWindow(seconds: Double, pathPrefix: String? = nil) -> Int {
        let times = requests()
            .filter { $0.path.hasPrefix("/v1/") && (pathPrefix.map($0.path.hasPrefix) ?? true) }
            .map(\.receivedAt)
        var best = 0
        var low = 0
        for high in times.indices {
            while times[high] - times[low] >= seconds { low += 1 }
            best = max(best, high - low + 1)
        }
        return best
    }

    public func resetLog() {
        state.withLock { $0.records.removeAll() }
    }

    /// Adds a fault; faults are matched in the order they were injected.
    public func inject(_ fault: ScriptedFault) {
        state.withLock { $0.faults.append(fault) }
    }

    /// Removes every injected fault that has not fired yet.
    public func clearFaults() {
        state.withLock { $0.faults.removeAll() }
    }

    /// Names of the events sent without a person (`POST /api/v1/events`, Pipelines calls with only an
    /// `anonymousId`), oldest first: they change no one, so no App API read shows them.
    public func anonymousEventNames() -> [String] {
        store.anonymousEvents().map(\.name)
    }

    /// Deliveries in the workspace (all, or one person's by customer id), including sends and triggers since start.
    public func deliveryCount(customerID: String? = nil) -> Int {
        guard let customerID else { return store.deliveryCount() }
        guard let row = store.customers.row(forID: customerID) else { return 0 }
        return store.deliveryCount(customer: Int32(row))
    }

    /// Turns both rate limits (10/s and 1 trigger per 10 s) on or off.
    public func setRateLimit(_ on: Bool) {
        limiter.setEnabled(on)
    }

    /// Holds the trigger limit's time still (or lets it run again): a test that expects the second trigger within
    /// 10 s to be refused holds it, so a machine slow enough to take 10 s between two requests cannot pass it.
    public func holdRateLimitTime(_ held: Bool) {
        limiter.holdTime(held)
    }

    // MARK: used by the server

    func record(_ record: SandboxRequestRecord) {
        state.withLock { state in
            state.records.append(record)
            // Trim in chunks so a long session doesn't pay for a shift on every request.
            if state.records.count > Self.logCapacity + Self.logCapacity / 4 { state.records.removeFirst(state.records.count - Self.logCapacity) }
        }
    }

    /// Takes one use of the first fault matching this request.
    func takeFault(method: String, path: String) -> ScriptedFault? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let fault = state.faults[index]
            state.faults[index].times -= 1
            if state.faults[index].times <= 0 { state.faults.remove(at: index) }
            return fault
        }
    }
}
