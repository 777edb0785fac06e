import CustomerIO

/// `POST /v1/campaigns/{broadcast_id}/triggers`: validates, enforces 1 per 10 s, resolves the audience. The spec
/// documents its validation errors as 422 with a JSON pointer to the member at fault.
enum BroadcastTrigger {
    static func trigger(_ request: RouteRequest) throws -> Reply {
        let (broadcast, app) = (try BroadcastRoutes.broadcast(request), request.app)
        let reservation = try app.limiter.reserveTrigger()
        do {
            let (audience, errors) = try audience(request.exchange, broadcast: broadcast, app: app)
            let trigger = app.store.createTrigger(broadcastID: broadcast.id, audience: audience, errors: errors)
            return .json(.obj(["id": .int(trigger.id)]))
        } catch {
            // A rejected trigger does not use up the workspace's one-per-ten-seconds allowance.
            app.limiter.releaseTrigger(reservation)
            throw error
        }
    }

    static func invalid(_ detail: String, pointer: String = "/data/attributes") -> APIFailure {
        APIFailure(status: 422, detail: detail, envelope: .pointer(pointer))
    }

    /// The people the trigger reaches, and what it skipped (for its error list).
    static func audience(_ exchange: Exchange, broadcast: BroadcastRecord, app: SandboxApp) throws -> ([Int32], [String]) {
        let json: SandboxJSON
        do { json = try exchange.json() } catch { throw invalid("request body is not valid JSON") }
        guard json.members != nil else { throw invalid("request body must be a JSON object") }
        let body = try json.decodeMembers(TriggerBody.self)
        guard broadcast.state == "running" else {
            throw invalid("broadcast \(broadcast.id) is not active (state \(broadcast.state)); activate it before triggering")
        }
        if case .mismatch? = body.data { throw invalid("data must be an object", pointer: "/data/attributes/data") }
        let named = body.namedAudiences
        guard named.count <= 1 else {
            let names = named.map(\.rawValue).joined(separator: ", ")
            throw invalid("use only one of recipients, emails, ids, per_user_data or data_file_url (got \(names))")
        }
        var people = TriggerAudience(people: app.store.directory(), body: body)
        let pointer = "/data/attributes/\(named.first?.rawValue ?? "")"
        switch named.first {
        case .recipients: return (try recipients(body.recipients ?? .null, app: app), [])
        case .emails: return (try people.resolve(try emails(body, pointer: pointer), pointer: pointer), people.errors)
        case .ids: return (try people.resolve(try ids(body, pointer: pointer), pointer: pointer), people.errors)
        case .perUserData: return (try people.resolve(try perUserData(body, pointer: pointer), pointer: pointer), people.errors)
        case .dataFileURL: return ([], [try dataFileNote(body)])
        case nil: return (app.store.membership(broadcast.audienceSegmentID)?.rows ?? [], [])
        }
    }

    private static func emails(_ body: TriggerBody, pointer: String) throws -> [(kind: TriggerAudience.Identifier, value: String)] {
        guard let emails = body.emails?.value else { throw invalid("emails must be an array of strings", pointer: pointer) }
        return emails.map { (.email, $0) }
    }

    private static func ids(_ body: TriggerBody, pointer: String) throws -> [(kind: TriggerAudience.Identifier, value: String)] {
        guard let ids = body.ids?.value else { throw invalid("ids must be an array", pointer: pointer) }
        return try ids.map { id in
            guard let text = id.value?.text else { throw invalid("ids must hold strings or numbers", pointer: pointer) }
            return (.id, text)
        }
    }

    /// Each item names its person by id, or else by email.
    private static func perUserData(_ body: TriggerBody, pointer: String) throws -> [(kind: TriggerAudience.Identifier, value: String)] {
        guard let items = body.perUserData?.value, !items.isEmpty else { throw invalid("per_user_data must be a non-empty array", pointer: pointer) }
        return try items.enumerated().map { index, item in
            if let id = item.value?.id?.value?.text { return (.id, id) }
            if let email = item.value?.email?.value { return (.email, email) }
            throw invalid("per_user_data[\(index)] needs an id or an email", pointer: pointer)
        }
    }

    /// The sandbox accepts a data file's URL and does not fetch it; the trigger's errors say so.
    private static func dataFileNote(_ body: TriggerBody) throws -> String {
        guard let url = body.dataFileURL?.value, url.hasPrefix("http") else {
            throw invalid("data_file_url must be an http(s) URL", pointer: "/data/attributes/data_file_url")
        }
        return "the sandbox does not fetch data files; \(url) was accepted but not read"
    }

    /// A `recipients` filter's people. The trigger's spec documents validation errors as 422 (it lists no 400), so a
    /// filter that does not decode, or nests deeper than the filter schema allows, is a 422 here.
    private static func recipients(_ recipients: SandboxJSON, app: SandboxApp) throws -> [Int32] {
        let filter: AudienceFilter
        do { filter = try recipients.decode(AudienceFilter.self) } catch let error as DecodingError {
            throw invalid("recipients is not a valid filter: \(CustomerRoutes.describe(error))", pointer: "/data/attributes/recipients")
        }
        if let problem = filter.schemaProblem {
            throw invalid("recipients is not a valid filter: \(problem)", pointer: "/data/attributes/recipients")
        }
        return app.store.evaluate(filter).rows
    }
}
