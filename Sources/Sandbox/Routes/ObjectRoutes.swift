/// `/v1/objects…`: find objects by their attributes, read one, and list its people.
enum ObjectRoutes {
    static func register(_ router: inout Router) {
        router.post("/v1/objects", use: findObjects)
        router.get("/v1/objects/:type/:id/attributes", use: attributes)
        router.get("/v1/objects/:type/:id/relationships", use: relationships)
    }

    static func findObjects(_ request: RouteRequest) throws -> Reply {
        let exchange = request.exchange
        let body = try exchange.json()
        guard let typeText = body["object_type_id"]?.stringValue ?? body["object_type_id"].flatMap({ $0.intValue.map(String.init) }),
              let type = Int(typeText) else { throw APIFailure.badRequest("object_type_id is required") }
        guard let filter = body["filter"], filter.members != nil else { throw APIFailure.badRequest("filter is required") }
        let found = try request.app.store.directory().objects(type: type).filter { try matches(filter, $0.attributes) }
        let page = Cursor.page(found, start: exchange.query["start"], limit: try exchange.limit(default: 100, max: 1_000))
        return .json(.obj([
            "identifiers": .array(page.items.map(identifiers)),
            "ids": .array(page.items.map { .string($0.key.id) }),
            "next": .string(page.next ?? ""),
        ]))
    }

    static func attributes(_ request: RouteRequest) throws -> Reply {
        let object = try object(request, request.app.store.directory())
        let attributes = object.attributes.sorted { $0.key < $1.key }
        let time = object.updatedAt ?? request.app.customers.anchor - 86_400 * 200
        return .json(.obj(["object": .obj([
            "identifiers": identifiers(object),
            "attributes": .obj(attributes.map { ($0.key, SandboxJSON.string($0.value)) }),
            "timestamps": .obj(attributes.map { ($0.key, SandboxJSON.int(time)) }),
        ])]))
    }

    static func relationships(_ request: RouteRequest) throws -> Reply {
        let people = request.app.store.directory()
        let object = try object(request, people)
        let members = request.app.store.objectPeople(object).map(Int.init)
        let page = Cursor.page(members, start: request.exchange.query["start"], limit: try request.exchange.limit(default: 100, max: 1_000))
        return .json(.obj([
            "cio_relationships": .array(page.items.map { row in
                .obj(["identifiers": PeopleWire.identifiers(people, row), "object_type_id": .string(String(object.key.type))])
            }),
            "next": .string(page.next ?? ""),
        ]))
    }

    static func identifiers(_ object: ObjectView) -> SandboxJSON {
        .obj(["object_id": .string(object.key.id), "cio_object_id": .string(object.cioObjectID)])
    }

    private static func object(_ request: RouteRequest, _ people: PeopleDirectory) throws -> ObjectView {
        let type = try request.parameters.int("type")
        let id = request.parameters["id"]
        let found = request.exchange.query["id_type"] == "cio_object_id" ? people.object(cioObjectID: id).flatMap { $0.key.type == type ? $0 : nil }
            : people.object(ObjectKey(type: type, id: id))
        guard let found else { throw APIFailure.notFound("object \(id) of type \(type) not found") }
        return found
    }

    /// The objects filter: `and` / `or` / `not` over `object_attribute` leaves (`eq` a value, or `exists`).
    private static func matches(_ filter: SandboxJSON, _ attributes: [String: String]) throws -> Bool {
        if let parts = filter["and"]?.arrayValue { return try parts.allSatisfy { try matches($0, attributes) } }
        if let parts = filter["or"]?.arrayValue { return try parts.contains { try matches($0, attributes) } }
        if let inner = filter["not"] { return try !matches(inner, attributes) }
        guard let leaf = filter["object_attribute"], let field = leaf["field"]?.stringValue else {
            throw APIFailure.badRequest("a filter is and, or, not or object_attribute")
        }
        switch leaf["operator"]?.stringValue {
        case "eq": return attributes[field] == leaf["value"]?.stringValue
        case "exists": return attributes[field] != nil
        default: throw APIFailure.badRequest("object_attribute.operator must be eq or exists")
        }
    }
}
