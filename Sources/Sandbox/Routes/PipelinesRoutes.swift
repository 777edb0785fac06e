import Foundation

/// The Pipelines (CDP) API, served under `/cdp` (`POST /cdp/v1/identify`, …): permissive by default, as the vendor's
/// is (every call answers 200 `{}`, and a bad one changes nothing); with `X-Strict-Mode: 1` a bad call is a 400.
enum PipelinesRoutes {
    static let prefix = "/cdp/"
    static let callBytes = 32 * 1_024
    static let batchBytes = 500 * 1_024

    static func register(_ router: inout Router) {
        for call in PipelinesCall.allCases {
            router.post("/cdp/v1/\(call.rawValue)") { single(call, $0) }
        }
        router.post("/cdp/v1/batch", use: batch)
    }

    static func isStrict(_ exchange: Exchange) -> Bool {
        exchange.header("x-strict-mode")?.trimmingCharacters(in: .whitespaces) == "1"
    }

    static func accepted() -> Reply { .json(.obj([])) }

    /// A refused call: 400 `{"code":"invalid_request","message":…}` in strict mode (the vendor documents no body, so
    /// this shape is the sandbox's own), otherwise the permissive 200.
    static func invalid(_ message: String, _ exchange: Exchange) -> Reply {
        guard isStrict(exchange) else { return accepted() }
        return .json(.obj(["code": .string("invalid_request"), "message": .string(message)]), status: 400)
    }

    static func unauthorized(_ message: String) -> Reply {
        .json(.obj(["code": .string("unauthorized"), "message": .string(message)]), status: 401)
    }

    private static func single(_ call: PipelinesCall, _ request: RouteRequest) -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        guard exchange.body.count <= callBytes else { return invalid("the request is \(exchange.body.count) bytes; the limit is 32 kB", exchange) }
        guard let body = SandboxJSON.parse(exchange.body) else { return invalid("the request body \(SandboxJSON.unreadable(exchange.body))", exchange) }
        do throws(TrackProblem) {
            _ = app.store.apply([try PipelinesParser.operation(call.rawValue, body)])
        } catch {
            return invalid(error.message, exchange)
        }
        return accepted()
    }

    /// `{"batch":[{"type":…,…}],"context"?}`: each item checked as its type. Strict mode refuses the whole batch for
    /// one bad item (and applies nothing); otherwise the good items are applied and the bad ones dropped.
    private static func batch(_ request: RouteRequest) -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        guard exchange.body.count <= batchBytes else { return invalid("the request is \(exchange.body.count) bytes; the limit is 500 kB", exchange) }
        guard let body = SandboxJSON.parse(exchange.body), body.members != nil else { return invalid("the request body is not a JSON object", exchange) }
        guard let items = body["batch"]?.arrayValue else { return invalid("batch is required and must be an array", exchange) }
        var operations: [SandboxTrackOperation] = []
        for (index, item) in items.enumerated() {
            do throws(TrackProblem) {
                operations.append(try operation(item))
            } catch {
                if isStrict(exchange) { return invalid("batch[\(index)]: \(error.message)", exchange) }
            }
        }
        _ = app.store.apply(operations)
        return accepted()
    }

    private static func operation(_ item: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        let size = item.serialized().count
        if size > callBytes { throw .tooLarge("batch", "the item is \(size) bytes; the limit is 32 kB") }
        guard item.members != nil else { throw .type("item", "an object") }
        let type = try TrackFields(item).requiredString("type")
        return try PipelinesParser.operation(type, item)
    }
}
