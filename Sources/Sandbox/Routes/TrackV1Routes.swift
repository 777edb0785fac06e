/// Track API v1: people, devices, events, suppression and merges, applied to the workspace as v2 would apply them.
enum TrackV1Routes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.put("/api/v1/customers/:identifier") { exchange, parameters in
            perform(app) { () throws(TrackProblem) in
                try TrackV1Parser.identify(TrackV1Parser.person(parameters["identifier"]), body(exchange))
            }
        }
        router.delete("/api/v1/customers/:identifier") { _, parameters in
            perform(app) { () throws(TrackProblem) in [.delete(try TrackV1Parser.person(parameters["identifier"]))] }
        }
        router.put("/api/v1/customers/:identifier/devices") { exchange, parameters in
            perform(app) { () throws(TrackProblem) in
                [try TrackV1Parser.device(TrackV1Parser.person(parameters["identifier"]), body(exchange))]
            }
        }
        router.delete("/api/v1/customers/:identifier/devices/:device") { _, parameters in
            perform(app) { () throws(TrackProblem) in
                [.deleteDevice(try TrackV1Parser.person(parameters["identifier"]), token: parameters["device"])]
            }
        }
        router.post("/api/v1/customers/:identifier/suppress") { _, parameters in
            perform(app) { () throws(TrackProblem) in [.suppress(try TrackV1Parser.person(parameters["identifier"]))] }
        }
        router.post("/api/v1/customers/:identifier/unsuppress") { _, parameters in
            perform(app) { () throws(TrackProblem) in [.unsuppress(try TrackV1Parser.person(parameters["identifier"]))] }
        }
        router.post("/api/v1/customers/:identifier/events") { exchange, parameters in
            perform(app) { () throws(TrackProblem) in
                [try TrackV1Parser.event(TrackV1Parser.person(parameters["identifier"]), body(exchange))]
            }
        }
        router.post("/api/v1/events") { exchange, _ in
            perform(app) { () throws(TrackProblem) in [try TrackV1Parser.event(nil, body(exchange))] }
        }
        router.post("/api/v1/merge_customers") { exchange, _ in
            perform(app, singleError: true) { () throws(TrackProblem) in [try TrackV1Parser.merge(body(exchange))] }
        }
        router.get("/api/v1/accounts/region") { _, _ in
            let eu = app.options.trackRegion == "eu"
            return .json(.obj([
                "url": .string(eu ? "https://track-eu.customer.io" : "https://track.customer.io"),
                "region": .string(eu ? "eu" : "us"),
                "environment_id": .int(WorkspaceCatalog.workspaceID),
            ]))
        }
    }

    /// The request body as JSON (an empty body is an empty object).
    private static func body(_ exchange: Exchange) throws(TrackProblem) -> SandboxJSON {
        if exchange.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([]) }
        guard let value = SandboxJSON.parse(exchange.body) else { throw .value("body", "the request body \(SandboxJSON.unreadable(exchange.body))") }
        return value
    }

    /// Applies what a request asks for: 200 `{}`, or 400 in v1's shape (`{"meta":{"errors":[…]}}`; the merge
    /// endpoint's spec gives `{"meta":{"error":…}}`).
    private static func perform(_ app: SandboxApp, singleError: Bool = false, _ operations: () throws(TrackProblem) -> [SandboxTrackOperation]) -> Reply {
        do throws(TrackProblem) {
            if let refused = app.store.apply(try operations()).first { throw refused.problem }
        } catch {
            let meta: SandboxJSON = singleError ? .obj(["error": .string(error.message)]) : .obj(["errors": .array([.string(error.message)])])
            return .json(.obj(["meta": meta]), status: 400)
        }
        return .json(.obj([]))
    }
}
