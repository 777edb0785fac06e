/// Track API: adding and removing people from manual segments (`/api/v1/segments/{id}/add_customers`).
enum TrackRoutes {
    static func register(_ router: inout Router) {
        router.post("/api/v1/segments/:id/add_customers", use: addCustomers)
        router.post("/api/v1/segments/:id/remove_customers", use: removeCustomers)
    }

    static func addCustomers(_ request: RouteRequest) throws -> Reply { try change(request, .add) }

    static func removeCustomers(_ request: RouteRequest) throws -> Reply { try change(request, .remove) }

    static func change(_ request: RouteRequest, _ change: SandboxWorkspace.MembershipChange) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let id = try request.parameters.int("id")
        let body = try exchange.json().decodeMembers(IDListBody<LooseID>.self)
        guard let ids = body.ids?.value else { throw APIFailure.badRequest("ids is required and must be an array") }
        // The spec asks for 1 to 1000 ids.
        guard !ids.isEmpty else { throw APIFailure.badRequest("ids must list at least one id") }
        guard ids.count <= 1_000 else { throw APIFailure.badRequest("at most 1000 ids per request (got \(ids.count))") }
        let idType = exchange.query["id_type"]
        // Unknown people are ignored, as the Track API does; so are people created through the Track API, since
        // segments are evaluated over the generated table.
        let rows = try ids.compactMap { id -> Int32? in
            let text = id.value?.text ?? ""
            return try app.store.resolve(text, idType: idType).flatMap { $0 < app.customers.count ? Int32($0) : nil }
        }
        try app.store.changeMembers(segment: id, rows: rows, change)
        return .json(.obj([]))
    }
}
