/// Track API v2: `POST /api/v2/entity` (one operation) and `POST /api/v2/batch` (many), applied to the workspace.
enum TrackWriteRoutes {
    static func register(_ router: inout Router) {
        router.post("/api/v2/entity", use: entity)
        router.post("/api/v2/batch", use: batch)
    }

    static func entity(_ request: RouteRequest) -> Reply {
        let exchange = request.exchange
        guard exchange.body.count < TrackLimits.entityBytes else {
            return refused(.tooLarge("body", "the request is \(exchange.body.count) bytes; /api/v2/entity takes less than 32 kB"))
        }
        guard let body = SandboxJSON.parse(exchange.body) else { return refused(.value("body", "the request body \(SandboxJSON.unreadable(exchange.body))")) }
        do throws(TrackProblem) {
            try request.app.store.apply(EntityParser.operation(body))
        } catch {
            return refused(error)
        }
        return .json(.obj([]))
    }

    static func batch(_ request: RouteRequest) -> Reply {
        let exchange = request.exchange
        guard exchange.body.count < TrackLimits.batchBytes else {
            return refused(.tooLarge("body", "the request is \(exchange.body.count) bytes; /api/v2/batch takes less than 500 kB"))
        }
        guard let body = SandboxJSON.parse(exchange.body) else { return refused(.value("body", "the request body \(SandboxJSON.unreadable(exchange.body))")) }
        guard body.members != nil else { return refused(.type("body", "an object")) }
        // The spec's batch body requires no member, so `{}` is an empty batch; a `batch` that is there must be
        // an array.
        guard let items = body["batch"] else { return apply([], request.app) }
        guard let operations = items.arrayValue else { return refused(.type("batch", "an array")) }
        return apply(operations, request.app)
    }

    /// Applies every valid operation; the invalid ones (and any the workspace refuses) come back by position.
    private static func apply(_ items: [SandboxJSON], _ app: SandboxApp) -> Reply {
        var problems: [(index: Int, problem: TrackProblem)] = []
        var valid: [(index: Int, operation: SandboxTrackOperation)] = []
        for (index, item) in items.enumerated() {
            let size = item.serialized().count
            if size > TrackLimits.entityBytes {
                problems.append((index, .tooLarge("batch[\(index)]", "the operation is \(size) bytes; each one must be 32 kB or smaller")))
                continue
            }
            do throws(TrackProblem) {
                valid.append((index, try EntityParser.operation(item)))
            } catch {
                problems.append((index, error))
            }
        }
        for refused in app.store.apply(valid.map(\.operation)) { problems.append((valid[refused.index].index, refused.problem)) }
        guard !problems.isEmpty else { return .json(.obj([])) }
        let errors = problems.sorted { $0.index < $1.index }.map { entry in
            SandboxJSON.obj([
                ("batch_index", .int(entry.index)), ("reason", .string(entry.problem.reason)),
                ("field", .string(entry.problem.field)), ("message", .string(entry.problem.message)),
            ])
        }
        return .json(.obj(["errors": .array(errors)]), status: 207)
    }

    /// `400 {"errors":[{"reason","field","message"}]}`
    static func refused(_ problem: TrackProblem) -> Reply {
        .json(.obj(["errors": .array([.obj([
            "reason": .string(problem.reason), "field": .string(problem.field), "message": .string(problem.message),
        ])])]), status: 400)
    }
}
