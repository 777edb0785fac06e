/// `/v1/segments…`
enum SegmentRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/segments", use: listSegments)
        router.post("/v1/segments", use: createSegment)
        router.get("/v1/segments/:id", use: getSegment)
        router.delete("/v1/segments/:id", use: deleteSegment)
        router.get("/v1/segments/:id/customer_count", use: customerCount)
        router.get("/v1/segments/:id/membership", use: membership)
        router.get("/v1/segments/:id/used_by", use: usedBy)
    }

    static func listSegments(_ request: RouteRequest) -> Reply {
        .json(.obj(["segments": .array(request.app.store.allSegments().map(SegmentWire.segment))]))
    }

    static func createSegment(_ request: RouteRequest) throws -> Reply {
        let body = try request.exchange.json().decodeMembers(SegmentCreateBody.self)
        guard let segment = body.segment?.value else { throw APIFailure.badRequest("segment is required") }
        // The spec sets no minimum length, so an empty name is a name.
        guard let name = segment.name?.value else { throw APIFailure.badRequest("segment.name is required and must be a string") }
        if case .mismatch? = segment.description { throw APIFailure.badRequest("segment.description must be a string") }
        let created = request.app.store.createManualSegment(name: name, description: segment.description?.value ?? "")
        return .json(.obj(["segment": SegmentWire.segment(created)]))
    }

    static func getSegment(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["segment": SegmentWire.segment(try segment(request))]))
    }

    static func deleteSegment(_ request: RouteRequest) throws -> Reply {
        let id = try request.parameters.int("id")
        guard request.app.store.deleteSegment(id) else { throw APIFailure.notFound("segment \(id) not found") }
        return .noContent()
    }

    static func customerCount(_ request: RouteRequest) throws -> Reply {
        let segment = try segment(request)
        return .json(.obj(["count": .int(request.app.store.membership(segment.id)?.rows.count ?? 0)]))
    }

    static func membership(_ request: RouteRequest) throws -> Reply {
        let (segment, app) = (try segment(request), request.app)
        let limit = try request.exchange.limit(default: 1_000, max: 30_000)
        let rows = app.store.membership(segment.id)?.rows ?? []
        let page = Cursor.page(rows, start: request.exchange.query["start"], limit: limit)
        return .json(PeopleWire.identifierPage(page, people: app.store.directory()))
    }

    static func usedBy(_ request: RouteRequest) throws -> Reply {
        let segment = try segment(request)
        let used = request.app.store.usedBy(segment: segment.id)
        return .json(.obj(["used_by": .obj([
            "campaigns": .ints(used.campaigns), "sent_newsletters": .ints(used.sent), "draft_newsletters": .ints(used.drafts),
        ])]))
    }

    static func segment(_ request: RouteRequest) throws -> SegmentRecord {
        let id = try request.parameters.int("id")
        guard let segment = request.app.store.segment(id) else { throw APIFailure.notFound("segment \(id) not found") }
        return segment
    }
}
