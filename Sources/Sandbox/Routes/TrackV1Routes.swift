/// Track API v1: people, devices, events, suppression and merges, applied to the workspace as v2 would apply them.
enum TrackV1Routes {
    static func register(_ router: inout Router) {
        router.put("/api/v1/customers/:identifier", use: identify)
        router.delete("/api/v1/customers/:identifier", use: deletePerson)
        router.put("/api/v1/customers/:identifier/devices", use: addDevice)
        router.delete("/api/v1/customers/:identifier/devices/:device", use: deleteDevice)
        router.post("/api/v1/customers/:identifier/suppress", use: suppress)
        router.post("/api/v1/customers/:identifier/unsuppress", use: unsuppress)
        router.post("/api/v1/customers/:identifier/events", use: personEvent)
        router.post("/api/v1/events", use: anonymousEvent)
        router.post("/api/v1/merge_customers", use: merge)
        router.get("/api/v1/accounts/region", use: region)
    }

    static func identify(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in try TrackV1Parser.identify(person(request), body(request)) }
    }

    static func deletePerson(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [.delete(try person(request))] }
    }

    static func addDevice(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [try TrackV1Parser.device(person(request), body(request))] }
    }

    static func deleteDevice(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [.deleteDevice(try person(request), token: request.parameters["device"])] }
    }

    static func suppress(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [.suppress(try person(request))] }
    }

    static func unsuppress(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [.unsuppress(try person(request))] }
    }

    static func personEvent(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [try TrackV1Parser.event(person(request), body(request))] }
    }

    static func anonymousEvent(_ request: RouteRequest) -> Reply {
        perform(request) { () throws(TrackProblem) in [try TrackV1Parser.event(nil, body(request))] }
    }

    static func merge(_ request: RouteRequest) -> Reply {
        perform(request, singleError: true) { () throws(TrackProblem) in [try TrackV1Parser.merge(body(request))] }
    }

    static func region(_ request: RouteRequest) -> Reply {
        let eu = request.app.options.trackRegion == "eu"
        return .json(.obj([
            "url": .string(eu ? "https://track-eu.customer.io" : "https://track.customer.io"),
            "region": .string(eu ? "eu" : "us"),
            "environment_id": .int(WorkspaceCatalog.workspaceID),
        ]))
    }

    /// The person the path's `identifier` names.
    private static func person(_ request: RouteRequest) throws(TrackProblem) -> PersonRef {
        try TrackV1Parser.person(request.parameters["identifier"])
    }

    /// The request body as JSON (an empty body is an empty object).
    private static func body(_ request: RouteRequest) throws(TrackProblem) -> SandboxJSON {
        let exchange = request.exchange
        if exchange.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([]) }
        guard let value = SandboxJSON.parse(exchange.body) else { throw .value("body", "the request body \(SandboxJSON.unreadable(exchange.body))") }
        return value
    }

    /// Applies what a request asks for: 200 `{}`, or 400 in v1's shape (`{"meta":{"errors":[…]}}`; the merge
    /// endpoint's spec gives `{"meta":{"error":…}}`).
    private static func perform(
        _ request: RouteRequest, singleError: Bool = false, _ operations: () throws(TrackProblem) -> [SandboxTrackOperation]
    ) -> Reply {
        do throws(TrackProblem) {
            if let refused = request.app.store.apply(try operations()).first { throw refused.problem }
        } catch {
            let meta: SandboxJSON = singleError ? .obj(["error": .string(error.message)]) : .obj(["errors": .array([.string(error.message)])])
            return .json(.obj(["meta": meta]), status: 400)
        }
        return .json(.obj([]))
    }
}
