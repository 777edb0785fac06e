import CustomerIO

/// `/v1/broadcasts…` reads and the trigger endpoints under `/v1/campaigns/{broadcast_id}/triggers`.
enum BroadcastRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/broadcasts") { _, _ in
            .json(.obj(["broadcasts": .array(app.data.broadcasts.map(CampaignWire.broadcast))]))
        }

        router.get("/v1/broadcasts/:id") { _, parameters in
            .json(.obj(["broadcast": CampaignWire.broadcast(try broadcast(parameters, app))]))
        }

        router.get("/v1/broadcasts/:id/metrics") { exchange, parameters in
            let broadcast = try broadcast(parameters, app)
            return try MetricsReply.series(.broadcast(broadcast.id), exchange, app: app, allowVersion2: false)
        }

        router.get("/v1/broadcasts/:id/metrics/links") { exchange, parameters in
            let broadcast = try broadcast(parameters, app)
            return try MetricsReply.links(broadcast.links, owner: .broadcast(broadcast.id), exchange, app: app)
        }

        router.get("/v1/broadcasts/:id/actions") { _, parameters in
            let broadcast = try broadcast(parameters, app)
            return .json(.obj(["actions": .array(broadcast.actions.map { CampaignWire.action($0, parentKey: "broadcast_id") })]))
        }

        router.get("/v1/broadcasts/:id/actions/:action") { _, parameters in
            let (_, action) = try action(parameters, app)
            return .json(.obj(["action": CampaignWire.action(action, parentKey: "broadcast_id")]))
        }

        router.get("/v1/broadcasts/:id/actions/:action/metrics") { exchange, parameters in
            let (_, action) = try action(parameters, app)
            return try MetricsReply.series(.action(action.id), exchange, app: app, allowVersion2: false)
        }

        router.get("/v1/broadcasts/:id/actions/:action/metrics/links") { exchange, parameters in
            let (broadcast, action) = try action(parameters, app)
            return try MetricsReply.links(broadcast.links, owner: .action(action.id), exchange, app: app, checksType: true)
        }

        router.get("/v1/broadcasts/:id/messages") { exchange, parameters in
            let broadcast = try broadcast(parameters, app)
            return try MessageQuery.list(exchange, base: DeliverySelector(broadcastID: broadcast.id), shape: .full, app: app)
        }

        registerTriggers(&router, app: app)
    }

    /// A broadcast's trigger history, and triggering it (under `/v1/campaigns/{broadcast_id}/triggers`).
    static func registerTriggers(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/broadcasts/:id/triggers") { _, parameters in
            let broadcast = try broadcast(parameters, app)
            return .json(.obj(["triggers": .array(app.store.triggers(broadcastID: broadcast.id).map(WorkspaceWire.trigger))]))
        }

        router.post("/v1/campaigns/:id/triggers") { exchange, parameters in
            try trigger(exchange, parameters, app)
        }

        router.get("/v1/campaigns/:id/triggers/:trigger") { _, parameters in
            let broadcast = try broadcast(parameters, app)
            let id = try parameters.int("trigger")
            guard let trigger = app.store.trigger(id, broadcastID: broadcast.id) else { throw APIFailure.notFound("trigger \(id) not found") }
            return .json(WorkspaceWire.trigger(trigger))
        }

        router.get("/v1/campaigns/:id/triggers/:trigger/errors") { exchange, parameters in
            let broadcast = try broadcast(parameters, app)
            let id = try parameters.int("trigger")
            guard let trigger = app.store.trigger(id, broadcastID: broadcast.id) else { throw APIFailure.notFound("trigger \(id) not found") }
            let limit = try exchange.limit(default: 50, max: 1_000)
            let page = Cursor.page(trigger.errors, start: exchange.query["start"], limit: limit)
            return .json(.obj(["errors": .strs(Array(page.items)), "next": .string(page.next ?? "")]))
        }
    }

    static func broadcast(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> BroadcastRecord {
        let id = try parameters.int("id")
        guard let broadcast = app.data.broadcasts.first(where: { $0.id == id }) else { throw APIFailure.notFound("broadcast \(id) not found") }
        return broadcast
    }

    static func action(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> (BroadcastRecord, ActionRecord) {
        let broadcast = try broadcast(parameters, app)
        let id = try parameters.int("action")
        guard let action = broadcast.actions.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("action \(id) not found in broadcast \(broadcast.id)")
        }
        return (broadcast, action)
    }

    // MARK: triggering

    static let audienceKeys = ["recipients", "emails", "ids", "per_user_data", "data_file_url"]

    /// `POST /v1/campaigns/{broadcast_id}/triggers`: validates, enforces 1 per 10 s, resolves the audience.
    static func trigger(_ exchange: Exchange, _ parameters: Router.Parameters, _ app: SandboxApp) throws -> Reply {
        let broadcast = try broadcast(parameters, app)
        let reservation = try app.limiter.reserveTrigger()
        do {
            let (audience, errors) = try audience(exchange, broadcast: broadcast, app: app)
            let trigger = app.store.createTrigger(broadcastID: broadcast.id, audience: audience, errors: errors)
            return .json(.obj(["id": .int(trigger.id)]))
        } catch {
            // A rejected trigger does not use up the workspace's one-per-ten-seconds allowance.
            app.limiter.releaseTrigger(reservation)
            throw error
        }
    }

    private static func invalid(_ detail: String, pointer: String = "/data/attributes") -> APIFailure {
        APIFailure(status: 422, detail: detail, envelope: .pointer(pointer))
    }

    static func audience(_ exchange: Exchange, broadcast: BroadcastRecord, app: SandboxApp) throws -> ([Int32], [String]) {
        let body: SandboxJSON
        do { body = try exchange.json() } catch { throw invalid("request body is not valid JSON") }
        guard body.members != nil else { throw invalid("request body must be a JSON object") }
        guard broadcast.state == "running" else {
            throw invalid("broadcast \(broadcast.id) is not active (state \(broadcast.state)); activate it before triggering")
        }
        if let data = body["data"], data.members == nil, !data.isNull {
            throw invalid("data must be an object", pointer: "/data/attributes/data")
        }
        let present = audienceKeys.filter { body[$0] != nil && body[$0] != .null }
        guard present.count <= 1 else {
            throw invalid("use only one of recipients, emails, ids, per_user_data or data_file_url (got \(present.joined(separator: ", ")))")
        }
        var people = TriggerAudience(people: app.store.directory(), body: body)

        switch present.first {
        case "recipients":
            return (try recipients(body, app: app), [])
        case "emails":
            guard let list = body["emails"]?.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw invalid("emails must be an array of strings", pointer: "/data/attributes/emails")
            }
            return (try people.resolve(list.map { ("email", $0.stringValue!) }, pointer: "/data/attributes/emails"), people.errors)
        case "ids":
            guard let list = body["ids"]?.arrayValue else { throw invalid("ids must be an array", pointer: "/data/attributes/ids") }
            let values = try list.map { item -> (String, String) in
                guard let text = item.stringValue ?? item.intValue.map(String.init) else {
                    throw invalid("ids must hold strings or numbers", pointer: "/data/attributes/ids")
                }
                return ("id", text)
            }
            return (try people.resolve(values, pointer: "/data/attributes/ids"), people.errors)
        case "per_user_data":
            guard let list = body["per_user_data"]?.arrayValue, !list.isEmpty else {
                throw invalid("per_user_data must be a non-empty array", pointer: "/data/attributes/per_user_data")
            }
            let values = try list.enumerated().map { index, item -> (String, String) in
                if let id = item["id"].flatMap({ $0.stringValue ?? $0.intValue.map(String.init) }) { return ("id", id) }
                if let email = item["email"]?.stringValue { return ("email", email) }
                throw invalid("per_user_data[\(index)] needs an id or an email", pointer: "/data/attributes/per_user_data")
            }
            return (try people.resolve(values, pointer: "/data/attributes/per_user_data"), people.errors)
        case "data_file_url":
            guard let url = body["data_file_url"]?.stringValue, url.hasPrefix("http") else {
                throw invalid("data_file_url must be an http(s) URL", pointer: "/data/attributes/data_file_url")
            }
            return ([], ["the sandbox does not fetch data files; \(url) was accepted but not read"])
        default:
            return (app.store.membership(broadcast.audienceSegmentID)?.rows ?? [], [])
        }
    }

    /// A `recipients` filter's people. The trigger's spec documents validation errors as 422 (it lists no 400), so a
    /// filter that does not decode, or nests deeper than the filter schema allows, is a 422 here.
    private static func recipients(_ body: SandboxJSON, app: SandboxApp) throws -> [Int32] {
        let filter: AudienceFilter
        do { filter = try body["recipients"]!.decode(AudienceFilter.self) } catch let error as DecodingError {
            throw invalid("recipients is not a valid filter: \(CustomerRoutes.describe(error))", pointer: "/data/attributes/recipients")
        }
        if let problem = filter.schemaProblem {
            throw invalid("recipients is not a valid filter: \(problem)", pointer: "/data/attributes/recipients")
        }
        return app.store.evaluate(filter).rows
    }

    /// A trigger's people named by id or email, by the request's flags: unknown people are errors unless
    /// `*_ignore_missing` skips them (and reports them), and an email several profiles share is an error unless
    /// `email_add_duplicates` sends to all of them, as the spec describes both flags.
    struct TriggerAudience {
        /// Triggers reach generated people still in the workspace (deliveries are made from the generated table).
        let people: PeopleDirectory
        let idIgnoreMissing: Bool
        let emailIgnoreMissing: Bool
        let emailAddDuplicates: Bool
        /// What was skipped, for the trigger's error list.
        var errors: [String] = []

        init(people: PeopleDirectory, body: SandboxJSON) {
            self.people = people
            idIgnoreMissing = body["id_ignore_missing"]?.boolValue ?? false
            emailIgnoreMissing = body["email_ignore_missing"]?.boolValue ?? false
            emailAddDuplicates = body["email_add_duplicates"]?.boolValue ?? false
        }

        mutating func resolve(_ values: [(kind: String, value: String)], pointer: String) throws -> [Int32] {
            var rows: [Int32] = []
            var missing: [String] = []
            var shared: [String] = []
            for (kind, value) in values {
                let customers = people.customers
                let matches = (kind == "email" ? customers.rows(forEmail: value) : customers.row(forID: value).map { [$0] } ?? []).filter(people.isLive)
                if matches.isEmpty { missing.append("\(kind)=\(value)") }
                if matches.count > 1, !emailAddDuplicates { shared.append("\(value) (\(matches.count) profiles)") }
                rows += matches.map(Int32.init)
            }
            let field = pointer.split(separator: "/").last ?? "audience"
            if !shared.isEmpty {
                let sample = shared.prefix(5).joined(separator: ", ")
                throw BroadcastRoutes.invalid("Errors were found while processing \(field): \(shared.count) emails belong to more than one profile (\(sample)); set email_add_duplicates to send to every profile with the address", pointer: pointer)
            }
            if !missing.isEmpty {
                let ignore = values.allSatisfy { $0.kind == "email" ? emailIgnoreMissing : idIgnoreMissing }
                guard ignore else {
                    let sample = missing.prefix(5).joined(separator: ", ")
                    throw BroadcastRoutes.invalid("Errors were found while processing \(field): \(missing.count) people not found (\(sample)); set \(values.first?.kind == "email" ? "email" : "id")_ignore_missing to skip them", pointer: pointer)
                }
                errors += missing.map { "customer not found: \($0)" }
            }
            var seen = Set<Int32>()
            return rows.filter { seen.insert($0).inserted }
        }
    }
}
