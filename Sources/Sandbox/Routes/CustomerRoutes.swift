import CustomerIO

/// `/v1/customers…`: look-up by email, filter search, bulk attributes and the per-person sub-resources.
enum CustomerRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/customers") { exchange, _ in
            guard let email = exchange.query["email"], !email.isEmpty else { throw APIFailure.badRequest("email is required") }
            let people = app.store.directory()
            return .json(.obj(["results": .array(people.rows(forEmail: email).map { PeopleWire.identifiers(people, $0) })]))
        }

        router.post("/v1/customers") { exchange, _ in
            let limit = try exchange.limit(default: 50, max: 1_000)
            let body = try exchange.json()
            guard let filterJSON = body["filter"], !filterJSON.isNull else { throw APIFailure.badRequest("filter is required") }
            let filter = try decodeFilter(filterJSON, field: "filter")
            let rows = app.store.search(filter)
            let page = Cursor.page(rows, start: exchange.query["start"], limit: limit)
            let people = app.store.directory()
            return .json(.obj([
                "identifiers": .array(page.items.map { PeopleWire.identifiers(people, Int($0)) }),
                "ids": .array(page.items.map { .string(app.customers.id(Int($0))) }),
                "next": .string(page.next ?? ""),
            ]))
        }

        router.post("/v1/customers/attributes") { exchange, _ in
            let body = try exchange.json()
            guard let ids = body["ids"]?.arrayValue else { throw APIFailure.badRequest("ids is required and must be an array") }
            guard !ids.isEmpty else { throw APIFailure.badRequest("ids must list at least one id") }
            guard ids.count <= 100 else { throw APIFailure.badRequest("at most 100 ids per request (got \(ids.count))") }
            // The spec's ids are strings; anything else is a malformed request, which this operation documents a 400 for.
            let texts = try ids.map { value -> String in
                guard let text = value.stringValue else { throw APIFailure.badRequest("ids must be strings") }
                return text
            }
            let people = app.store.directory()
            let rows = texts.compactMap { people.row(forID: $0) }
            return .json(.obj(["customers": .array(rows.map { .obj(["customer": PeopleWire.customer(people, $0)]) })]))
        }

        registerProfile(&router, app: app)
    }

    /// One person's sub-resources: attributes, segments, messages, activities, relationships, preferences.
    private static func registerProfile(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/customers/:id/attributes") { exchange, parameters in
            let people = app.store.directory()
            let row = try person(exchange, parameters, people)
            return .json(.obj(["customer": PeopleWire.customer(people, row)]))
        }

        router.get("/v1/customers/:id/segments") { exchange, parameters in
            let row = try person(exchange, parameters, app.store.directory())
            // People created through the Track API are in no segment: segments are evaluated over the generated table.
            let segments = row < app.customers.count ? app.store.segments(of: row) : []
            return .json(.obj(["segments": .array(segments.map(SegmentWire.summary))]))
        }

        router.get("/v1/customers/:id/messages") { exchange, parameters in
            let row = try person(exchange, parameters, app.store.directory())
            let limit = try exchange.limit(default: 50, max: 1_000)
            let window = try MessageQuery.timeWindow(exchange, now: app.store.clock.unixNow())
            let before = Cursor.decode(exchange.query["start"], pastEnd: 0)
            let page = app.store.deliveryPage(customer: Int32(row), before: before, limit: limit) { window?.contains($0.created) ?? false }
            return .json(MessageQuery.envelope(page, shape: .person, app: app))
        }

        router.get("/v1/customers/:id/activities") { exchange, parameters in
            let row = try person(exchange, parameters, app.store.directory())
            return try ActivityRoutes.feed(exchange, customer: Int32(row), app: app, documents400: true)
        }

        router.get("/v1/customers/:id/relationships") { exchange, parameters in
            let people = app.store.directory()
            let row = try personByID(exchange, parameters, people)
            let limit = try exchange.limit(default: 50, max: 1_000)
            let page = Cursor.page(PeopleWire.relationships(people, row), start: exchange.query["start"], limit: limit)
            return .json(.obj(["cio_relationships": .array(Array(page.items)), "next": .string(page.next ?? "")]))
        }

        router.get("/v1/customers/:id/subscription_preferences") { exchange, parameters in
            let people = app.store.directory()
            let row = try person(exchange, parameters, people)
            let language = exchange.query["language"] ?? exchange.header("accept-language").map { String($0.prefix(2)) }
            return .json(PeopleWire.subscriptionPreferences(people, row, topics: app.data.topics, language: language))
        }
    }

    /// The row for `/v1/customers/{id}` with `id_type`, or a 404 in the errors envelope.
    static func person(_ exchange: Exchange, _ parameters: Router.Parameters, _ people: PeopleDirectory) throws -> Int {
        let value = parameters["id"]
        let idType = exchange.query["id_type"]
        guard let row = try people.row(value, idType: idType) else {
            throw APIFailure.notFound("customer \(value) not found (id_type=\(idType ?? "id"))")
        }
        return row
    }

    /// The row for `/v1/customers/{customer_id}/relationships`, whose spec documents only `customer_id`, `start` and
    /// `limit`: the path value is the customer id. An `id_type` is refused rather than ignored, so a client that
    /// sends one (expecting an email or cio_id to be read as such) is caught by the tests instead of silently
    /// matching no one, or the wrong person, against the real API.
    static func personByID(_ exchange: Exchange, _ parameters: Router.Parameters, _ people: PeopleDirectory) throws -> Int {
        let value = parameters["id"]
        if let idType = exchange.query["id_type"] {
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
