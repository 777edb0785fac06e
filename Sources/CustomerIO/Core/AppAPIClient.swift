import Foundation
import Logging

/// The Customer.io client: typed endpoints (in Endpoints/) over one rate limiter, one retry policy and one transport.
public final class AppAPIClient: Sendable {
    public let configuration: ClientConfiguration
    /// Shared by every call to this workspace: the API's 10 requests/s.
    public let limiter: RateLimiter
    /// Broadcast triggers: 1 per 10 s, on top of the general limit.
    public let triggerLimiter: RateLimiter
    public let retryPolicy: RetryPolicy
    public let activity = ClientActivity()
    private let transport: any HTTPTransport
    /// The transport without auth, limits or retries: only for signed export links, which must not get the key.
    var rawTransport: any HTTPTransport { transport }
    private let time: any TimeSource
    private let jitter: @Sendable () -> Double
    private let logger: Logger
    private let errors: ErrorMapping

    public init(
        configuration: ClientConfiguration,
        transport: any HTTPTransport = AsyncHTTPTransport.shared,
        time: any TimeSource = SystemTimeSource(),
        limiter: RateLimiter? = nil,
        triggerLimiter: RateLimiter? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        logger: Logger = Logger(label: "cio.client")
    ) {
        self.configuration = configuration
        self.transport = transport
        self.time = time
        self.limiter = limiter ?? .appAPI(time: time)
        self.triggerLimiter = triggerLimiter ?? .broadcastTriggers(time: time)
        self.retryPolicy = retryPolicy
        self.jitter = jitter
        self.logger = logger
        self.errors = ErrorMapping(configuration: configuration)
    }

    /// Sends a request and decodes its JSON answer.
    public func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws -> Response {
        let response = try await perform(request)
        do {
            return try JSONDecoder().decode(Response.self, from: response.body)
        } catch let error as DecodingError {
            throw errors.malformed(response, request: request, reason: DecodingFailure.describe(error))
        } catch {
            throw errors.malformed(response, request: request, reason: nil)
        }
    }

    /// Sends a request whose answer carries nothing we need (204s, `{}`), checking only its status.
    public func sendExpectingNoContent(_ request: APIRequest) async throws {
        _ = try await perform(request)
    }

    /// Sends a request and returns the raw answer of a success; errors become `CustomerIOError`.
    public func perform(_ request: APIRequest) async throws -> HTTPResponseData {
        activity.begin()
        var failed = true
        defer { activity.end(failed: failed) }
        let started = time.now
        var attempt = 0
        while true {
            attempt += 1
            do {
                let response = try await attemptOnce(request, isRetry: attempt > 1)
                failed = false
                return response
            } catch let error as CustomerIOError {
                if error.kind == .rateLimited, let wait = error.retryAfter {
                    // Everyone sharing this workspace must hold off, not just this call.
                    await limiter.pause(for: wait)
                }
                // Reads retry any transient trouble. A write retries only when it provably never left
                // (refused connection, failed handshake): a write that may have arrived is never sent twice.
                let mayRetry = request.safety == .read ? error.isTransient : error.kind == .network
                guard mayRetry,
                      let wait = retryPolicy.delay(afterAttempt: attempt, elapsed: time.now - started, retryAfter: error.retryAfter, jitter: jitter())
                else { throw error }
                logger.debug("retrying", metadata: ["path": "\(request.displayPath)", "attempt": "\(attempt)", "wait": "\(wait)", "reason": "\(error.kind.rawValue)"])
                try await time.sleep(seconds: wait)
            }
        }
    }

    private func attemptOnce(_ request: APIRequest, isRetry: Bool) async throws -> HTTPResponseData {
        let outgoing = try httpRequest(for: request)
        if request.safety == .trigger {
            try await triggerLimiter.acquire()
        }
        do {
            try await limiter.acquire()
        } catch {
            if request.safety == .trigger { await triggerLimiter.release() }
            throw error
        }
        activity.attempt(retry: isRetry)
        logger.debug("request", metadata: ["method": "\(request.method.rawValue)", "path": "\(request.displayPath)"])
        let result: Result<HTTPResponseData, any Error>
        do {
            result = .success(try await transport.send(outgoing))
        } catch {
            result = .failure(error)
        }
        // The slots are held until the answer is in, so the server never sees more than the limit in a window.
        await limiter.release()
        if request.safety == .trigger { await triggerLimiter.release() }
        let response: HTTPResponseData
        do {
            response = try result.get()
        } catch let failure as TransportFailure {
            throw transportError(failure, request: request)
        } catch is CancellationError {
            throw CustomerIOError(kind: .cancelled, message: "Cancelled.")
        }
        guard (200..<300).contains(response.status) else {
            throw errors.error(for: response, request: request)
        }
        return response
    }

    private func httpRequest(for request: APIRequest) throws -> HTTPRequestData {
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/json"),
            ("User-Agent", configuration.userAgent),
        ]
        let base: URL
        switch request.api {
        case .app:
            base = configuration.appBaseURL
            headers.append(("Authorization", "Bearer \(configuration.key.reveal())"))
        case .track:
            base = configuration.trackBaseURL
            guard let site = configuration.trackSiteID, let key = configuration.trackKey else {
                throw CustomerIOError.configuration("Adding or removing people in a manual segment uses the Track API: set CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY (Customer.io → Settings → API credentials → Track API keys).")
            }
            let token = Data("\(site):\(key.reveal())".utf8).base64EncodedString()
            headers.append(("Authorization", "Basic \(token)"))
        case .cdp:
            base = configuration.cdpBaseURL
            guard let key = configuration.cdpWriteKey else {
                throw CustomerIOError.configuration("The Pipelines API takes a source's write key: set CUSTOMERIO_CDP_WRITE_KEY, or cdp_write_key in the profile (Customer.io → Data & Integrations → Sources → the source's API key).")
            }
            headers.append(("Authorization", "Basic \(Data("\(key.reveal()):".utf8).base64EncodedString())"))
            // Without it the API answers 200 to a bad key or payload and drops the data: a test tool must hear it.
            headers.append(("X-Strict-Mode", "1"))
        }
        if request.body != nil {
            headers.append(("Content-Type", "application/json"))
        }
        return HTTPRequestData(method: request.method, url: request.url(relativeTo: base), headers: headers, body: request.body, timeout: configuration.requestTimeout)
    }

    private func transportError(_ failure: TransportFailure, request: APIRequest) -> CustomerIOError {
        let host = configuration.baseURL(for: request.api).host ?? "the server"
        switch failure.redacted(errors.redact) {
        case .notSent(let reason):
            return CustomerIOError(kind: .network, message: "Could not reach \(host): \(reason). Nothing was sent.")
        case .timedOut where request.safety != .read:
            return CustomerIOError(kind: .outcomeUnknown, message: "No answer from \(host) within \(Int(configuration.requestTimeout)) s after \(request.method.rawValue) \(request.displayPath) left: the outcome is unknown. Check Messages before sending again.")
        case .interrupted(let reason) where request.safety != .read:
            return CustomerIOError(kind: .outcomeUnknown, message: "The connection to \(host) broke after \(request.method.rawValue) \(request.displayPath) left (\(reason)): the outcome is unknown. Check Messages before sending again.")
        case .timedOut:
            return CustomerIOError(kind: .timeout, message: "No answer from \(host) within \(Int(configuration.requestTimeout)) s for \(request.displayPath).")
        case .interrupted(let reason):
            return CustomerIOError(kind: .network, message: "The connection to \(host) broke during \(request.displayPath): \(reason).")
        }
    }

    /// Encodes a request body; our own types always encode, so a failure here is a programming error surfaced as one.
    static func jsonBody(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// Says where in a body decoding failed, in words.
enum DecodingFailure {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context))"
        case .valueNotFound(let type, let context):
            return "missing \(type) at \(path(context))"
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context))"
        @unknown default:
            return "unreadable"
        }
    }
}
