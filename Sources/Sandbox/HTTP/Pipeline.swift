import Foundation
import Synchronization

/// The request pipeline, independent of the HTTP server library:
/// auth → rate limit → scripted fault → random fault → route → (malformed body) → delays → log.
final class Pipeline: Sendable {
    let app: SandboxApp
    private let router: Router
    private let faults: FaultInjector
    private let references = Atomic<UInt64>(0)

    init(app: SandboxApp) {
        self.app = app
        faults = FaultInjector(seed: app.options.seed, errorRate: app.options.errorRate, malformedRate: app.options.malformedRate)
        var router = Router()
        CustomerRoutes.register(&router)
        SegmentRoutes.register(&router)
        CampaignRoutes.register(&router)
        BroadcastRoutes.register(&router)
        NewsletterRoutes.register(&router)
        MessageRoutes.register(&router)
        ActivityRoutes.register(&router)
        SuppressionRoutes.register(&router)
        ObjectRoutes.register(&router)
        ExportRoutes.register(&router)
        TransactionalRoutes.register(&router)
        WorkspaceRoutes.register(&router)
        VariantRoutes.register(&router)
        TrackRoutes.register(&router)
        TrackV1Routes.register(&router)
        TrackWriteRoutes.register(&router)
        PipelinesRoutes.register(&router)
        self.router = router
    }

    /// Which API a path belongs to; each has its own authentication.
    enum Surface { case app, track, cdp, exportFile, unknown }

    static func surface(of path: String) -> Surface {
        if path.hasPrefix("/v1/") { return .app }
        if path.hasPrefix("/api/v1/") || path.hasPrefix("/api/v2/") { return .track }
        if path.hasPrefix(PipelinesRoutes.prefix) { return .cdp }
        if path.hasPrefix("/exports/files/") { return .exportFile }
        return .unknown
    }

    func handle(_ exchange: Exchange) async -> Reply {
        let reply = await respond(exchange)
        if app.options.latencyMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(app.options.latencyMilliseconds))
        }
        app.probe.record(SandboxRequestRecord(
            method: exchange.method, path: exchange.path, query: exchange.query, status: reply.status, receivedAt: exchange.receivedAt
        ))
        return reply
    }

    private func failureReply(_ failure: APIFailure) -> Reply {
        Envelopes.reply(for: failure, reference: Envelopes.reference(references.add(1, ordering: .relaxed).newValue))
    }

    private func respond(_ exchange: Exchange) async -> Reply {
        let surface = Self.surface(of: exchange.path)
        let isSend = exchange.path.hasPrefix("/v1/send/")

        // 1. Authentication.
        if let refused = authenticate(exchange, surface: surface, isSend: isSend) { return refused }

        // 2. The 10-per-second window (sends have their own, much higher, limit the sandbox doesn't enforce).
        var admittedAt: Double?
        if surface == .app && !isSend {
            let now = app.store.clock.now()
            guard app.limiter.admit(at: now) else {
                return failureReply(APIFailure(
                    status: 429, detail: "rate limited to \(RateLimiter.requestsPerWindow) requests per 1s", headers: [("Retry-After", "1")]
                ))
            }
            admittedAt = now
        }

        // 3. A scripted fault for this request, if a test injected one.
        let fault = app.probe.takeFault(method: exchange.method, path: exchange.path)
        if let fault, let status = fault.status, !fault.afterHandling {
            if status == 429, let admittedAt { app.limiter.revoke(at: admittedAt) }
            if fault.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.delayMilliseconds)) }
            return scriptedReply(fault, status: status, exchange: exchange, handled: nil)
        }

        // 4. A random 5xx (App API only), before anything is handled.
        var decision = FaultInjector.Decision.none
        if surface == .app && fault == nil {
            decision = faults.decide()
            if case .serverError(let status) = decision {
                return failureReply(APIFailure(status: status, detail: Self.serverErrorText(status), envelope: isSend ? .meta : .errors))
            }
        }

        // 5. The route itself.
        var reply = await route(exchange, surface: surface, isSend: isSend)

        // 6. A random malformed body in place of a successful one.
        if case .malformed(let kind) = decision, (200 ..< 300).contains(reply.status) {
            reply = FaultInjector.malformedReply(kind, original: reply)
        }

        // 7. Scripted faults that act after handling: replace the answer and/or hold it back.
        if let fault {
            if fault.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.delayMilliseconds)) }
            if let status = fault.status {
                if status == 429, let admittedAt { app.limiter.revoke(at: admittedAt) }
                reply = scriptedReply(fault, status: status, exchange: exchange, handled: reply)
            }
        }
        return reply
    }

    private func route(_ exchange: Exchange, surface: Surface, isSend: Bool) async -> Reply {
        switch router.match(method: exchange.method, segments: exchange.segments) {
        case .found(let handler, let parameters):
            do {
                return try handler(RouteRequest(exchange: exchange, parameters: parameters, app: app))
            } catch let failure as APIFailure {
                return failureReply(failure)
            } catch {
                return failureReply(APIFailure(status: 500, detail: "internal error: \(error)", envelope: isSend ? .meta : .errors))
            }
        case .wrongMethod:
            return failureReply(APIFailure(status: 405, detail: "method \(exchange.method) not allowed on \(exchange.path)"))
        case .none:
            return failureReply(APIFailure.notFound("no route for \(exchange.method) \(exchange.path)"))
        }
    }

    private func scriptedReply(_ fault: ScriptedFault, status: Int, exchange: Exchange, handled: Reply?) -> Reply {
        var reply: Reply
        switch fault.body {
        case .vendorEnvelope:
            let detail = status == 429 ? "rate limited to 10 requests per 1s" : Self.serverErrorText(status)
            reply = failureReply(APIFailure(status: status, detail: detail, envelope: exchange.path.hasPrefix("/v1/send/") ? .meta : .errors))
        case .html:
            reply = FaultInjector.malformedReply(.htmlPage, original: handled ?? Reply(body: []), status: status)
        case .malformedJSON:
            reply = FaultInjector.malformedReply(.truncatedJSON, original: handled ?? Reply(body: []), status: status)
        case .empty:
            reply = Reply(status: status, body: [])
            reply.headers = []
        }
        if let retryAfter = fault.retryAfter { reply.headers.append(("Retry-After", String(retryAfter))) }
        return reply
    }

    static func serverErrorText(_ status: Int) -> String {
        switch status {
        case 502: "bad gateway"
        case 503: "service unavailable, try again later"
        case 504: "gateway timeout"
        case 400 ..< 500: "request rejected"
        default: "internal server error"
        }
    }

    // MARK: authentication

    /// The answer to a request whose credentials its API does not accept; nil when they are fine.
    private func authenticate(_ exchange: Exchange, surface: Surface, isSend: Bool) -> Reply? {
        switch surface {
        case .app:
            checkBearer(exchange).map { failureReply(APIFailure(status: 401, detail: $0, envelope: isSend ? .meta : .errors)) }
        case .track:
            checkBasic(exchange).map { failureReply(APIFailure(status: 401, detail: $0)) }
        case .cdp:
            // Without strict mode the vendor answers every call 200, a bad key too (and it changes nothing).
            checkWriteKey(exchange).map { PipelinesRoutes.isStrict(exchange) ? PipelinesRoutes.unauthorized($0) : PipelinesRoutes.accepted() }
        case .exportFile, .unknown:
            nil
        }
    }

    private func checkBearer(_ exchange: Exchange) -> String? {
        guard let header = exchange.header("authorization"), !header.isEmpty else {
            return "missing Authorization header: send your App API key as Authorization: Bearer <key>"
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return "the App API needs a Bearer token; Basic credentials belong to the Track API"
        }
        let key = parts[1].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return "empty App API key" }
        if let required = app.options.requiredKey, key != required { return "invalid App API key" }
        return nil
    }

    private func checkBasic(_ exchange: Exchange) -> String? {
        guard let header = exchange.header("authorization") else {
            return "missing Authorization header: the Track API takes Basic site_id:api_key"
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1])), let text = String(data: data, encoding: .utf8) else {
            return "the Track API needs Basic credentials (site_id:api_key)"
        }
        let credentials = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard credentials.count == 2, !credentials[0].isEmpty, !credentials[1].isEmpty else { return "site_id and api_key are both required" }
        if let site = app.options.trackSiteID, credentials[0] != site { return "invalid site_id or api_key" }
        if let key = app.options.trackKey, credentials[1] != key { return "invalid site_id or api_key" }
        return nil
    }

    /// Pipelines: Basic with the source's write key as the user name and an empty password.
    private func checkWriteKey(_ exchange: Exchange) -> String? {
        guard let header = exchange.header("authorization") else {
            return "missing Authorization header: the Pipelines API takes Basic with the write key as the user name"
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1])), let text = String(data: data, encoding: .utf8) else {
            return "the Pipelines API needs Basic credentials (write_key:)"
        }
        let key = String(text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard !key.isEmpty else { return "the write key is required" }
        if let required = app.options.cdpWriteKey, key != required { return "invalid write key" }
        return nil
    }
}
