import CustomerIO

/// `/v1/customers…`: look-up by email, filter search, bulk attributes and the per-person sub-resources.
enum CustomerRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/customers", use: customersByEmail)
        router.post("/v1/customers", use: searchCustomers)
        router.post("/v1/customers/attributes", use: bulkAttributes)
        router.get("/v1/customers/:id/attributes", use: attributes)
        router.get("/v1/customers/:id/segments", use: segments)
        router.get("/v1/customers/:id/messages", use: messages)
        router.get("/v1/customers/:id/activities", use: activities)
        router.get("/v1/customers/:id/relationships", use: relationships)
        router.get("/v1/customers/:id/subscription_preferences", use: subscriptionPreferences)
    }

    static func customersByEmail(_ request: RouteRequest) throws -> Reply {
        guard let email = request.exchange.query["email"], !email.isEmpty else { throw APIFailure.badRequest("email is required") }
        let people = request.app.store.directory()
        return .json(.obj(["results": .array(people.rows(forEmail: email).map { PeopleWire.identifiers(people, $0) })]))
    }

    static func searchCustomers(_ request: RouteRequest) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let limit = try exchange.limit(default: 50, max: 1_000)
        let body = try exchange.json()
        guard let filterJSON = body["filter"], !filterJSON.isNull else { throw APIFailure.badRequest("filter is required") }
        let filter = try decodeFilter(filterJSON, field: "filter")
        let rows = app.store.search(filter)
        let page = Cursor.page(rows, start: exchange.query["start"], limit: limit)
        return .json(PeopleWire.identifierPage(page, people: app.store.directory()))
    }

    static func bulkAttributes(_ request: RouteRequest) throws -> Reply {
        let body = try request.exchange.json().decodeMembers(IDListBody<String>.self)
        guard let ids = body.ids?.value else { throw APIFailure.badRequest("ids is required and must be an array") }
        guard !ids.isEmpty else { throw APIFailure.badRequest("ids must list at least one id") }
        guard ids.count <= 100 else { throw APIFailure.badRequest("at most 100 ids per request (got \(ids.count))") }
        // The spec's ids are strings; anything else is a malformed request, which this operation documents a 400 for.
        let texts = try ids.map { id -> String in
            guard let text = id.value else { throw APIFailure.badRequest("ids must be strings") }
            return text
        }
        let people = request.app.store.directory()
        let rows = texts.compactMap { people.row(forID: $0) }
        return .json(.obj(["customers": .array(rows.map { .obj(["customer": PeopleWire.customer(people, $0)]) })]))
    }

    // MARK: one person's sub-resources

    static func attributes(_ request: RouteRequest) throws -> Reply {
        let people = request.app.store.directory()
        let row = try person(request, people)
        return .json(.obj(["customer": PeopleWire.customer(people, row)]))
    }

    static func segments(_ request: RouteRequest) throws -> Reply {
        let app = request.app
        let row = try person(request, app.store.directory())
        // People created through the Track API are in no segment: segments are evaluated over the generated table.
        let segments = row < app.customers.count ? app.store.segments(of: row) : []
        return .json(.obj(["segments": .array(segments.map(SegmentWire.summary))]))
    }

    static func messages(_ request: RouteRequest) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let row = try person(request, app.store.directory())
        let limit = try exchange.limit(default: 50, max: 1_000)
        let window = try MessageQuery.timeWindow(exchange, now: app.store.clock.unixNow())
        let before = Cursor.decode(exchange.query["start"], pastEnd: 0)
        let page = app.store.deliveryPage(customer: Int32(row), before: before, limit: limit) { window?.contains($0.created) ?? false }
        return .json(MessageQuery.envelope(page, shape: .person, app: app))
    }

    static func activities(_ request: RouteRequest) throws -> Reply {
        let row = try person(request, request.app.store.directory())
        return try ActivityRoutes.feed(request, customer: Int32(row), documents400: true)
    }

    static func relationships(_ request: RouteRequest) throws -> Reply {
        let people = request.app.store.directory()
        let row = try personByID(request, people)
        let limit = try request.exchange.limit(default: 50, max: 1_000)
        let page = Cursor.page(PeopleWire.relationships(people, row), start: request.exchange.query["start"], limit: limit)
        return .json(.obj(["cio_relationships": .array(Array(page.items)), "next": .string(page.next ?? "")]))
    }

    static func subscriptionPreferences(_ request: RouteRequest) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let people = app.store.directory()
        let row = try person(request, people)
        let language = exchange.query["language"] ?? exchange.header("accept-language").map { String($0.prefix(2)) }
        return .json(PeopleWire.subscriptionPreferences(people, row, topics: app.data.topics, language: language))
    }

    /// The row for `/v1/customers/{id}` with `id_type`, or a 404 in the errors envelope.
    static func person(_ request: RouteRequest, _ people: PeopleDirectory) throws -> Int {
        let value = request.parameters["id"]
        let idType = request.exchange.query["id_type"]
        guard let row = try people.row(value, idType: idType) else {
            throw APIFailure.notFound("customer \(value) not found (id_type=\(idType ?? "id"))")
        }
        return row
    }

    /// The row for `/v1/customers/{customer_id}/relationships`, whose spec documents only `customer_id`, `start` and
    /// `limit`: the path value is the customer id. An `id_type` is refused rather than ignored, so a client that
    /// sends one (expecting an email or cio_id to be read as such) is caught by the tests instead of silently
    /// matching no one, or the wrong person, against the real API.
    static func personByID(_ request: RouteRequest, _ people: PeopleDirectory) throws -> Int {
        let value = request.parameters["id"]
        if let idType = request.exchange.query["id_type"] {
            throw APIFailure.badRequest("id_type (\(idType)) is not a parameter of /v1/customers/{customer_id}/relationships: the path value is the customer id")
        }
        guard let row = people.row(forID: value) else { throw APIFailure.notFound("customer \(value) not found (the path value is a customer id)") }
        return row
    }

    /// Decodes the filter grammar with `AudienceFilter`, turning its complaints, and nesting the vendor's schema does
    /// not allow, into a 400 as the real API answers.
    static func decodeFilter(_ value: SandboxJSON, field: String) throws -> AudienceFilter {
        let filter: AudienceFilter
        do {
            filter = try value.decode(AudienceFilter.self)
        } catch let error as DecodingError {
            throw APIFailure.badRequest("\(field) is not a valid filter: \(describe(error))")
        }
        if let problem = filter.schemaProblem { throw APIFailure.badRequest("\(field) is not a valid filter: \(problem)") }
        return filter
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(context.debugDescription) at \(path)"
        @unknown default:
            return "\(error)"
        }
    }
}
