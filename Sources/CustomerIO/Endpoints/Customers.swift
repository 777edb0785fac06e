import Foundation

/// Customers: lookup, search, profile and everything hanging off a person.
extension AppAPIClient {
    /// `GET /v1/customers?email=`: every profile with that email (several may share one).
    public func lookupCustomers(email: String) async throws -> [CustomerIdentifiers] {
        var request = APIRequest(.get, ["v1", "customers"])
        request.add("email", email)
        return try await send(request, as: CustomerLookupResponse.self).results
    }

    /// `POST /v1/customers`: one page of people matching a filter. A read, so it is retried like one.
    public func searchCustomers(filter: AudienceFilter, start: String? = nil, limit: Int? = nil) async throws -> CustomerSearchPage {
        struct Body: Encodable { let filter: AudienceFilter }
        var request = APIRequest(.post, ["v1", "customers"], body: try Self.jsonBody(Body(filter: filter)), safety: .read)
        request.add("start", start)
        request.add("limit", limit.map { min(max($0, 1), 1000) })
        return try await send(request, as: CustomerSearchPage.self)
    }

    /// Every person matching a filter, page by page.
    public func allCustomers(matching filter: AudienceFilter, pageSize: Int = 1000) -> CursorPages<CustomerIdentifiers> {
        CursorPages { start in
            let page = try await self.searchCustomers(filter: filter, start: start, limit: pageSize)
            return (page.identifiers, page.next)
        }
    }

    /// `GET /v1/customers/{id}/attributes`: a person's attributes, timestamps and devices.
    public func customerProfile(id: String, idType: IDType = .id) async throws -> CustomerProfile {
        try await send(customerRequest(id, idType, "attributes"), as: CustomerAttributesResponse.self).customer
    }

    /// `POST /v1/customers/attributes`: attributes for many people, 100 per request as the API allows.
    public func customerProfiles(ids: [String]) async throws -> [CustomerProfile] {
        struct Body: Encodable { let ids: [String] }
        var profiles: [CustomerProfile] = []
        var offset = 0
        while offset < ids.count {
            let chunk = Array(ids[offset..<min(offset + 100, ids.count)])
            offset += chunk.count
            let request = APIRequest(.post, ["v1", "customers", "attributes"], body: try Self.jsonBody(Body(ids: chunk)), safety: .read)
            profiles += try await send(request, as: BulkCustomerAttributesResponse.self).customers
        }
        return profiles
    }

    /// `GET /v1/customers/{id}/segments`.
    public func customerSegments(id: String, idType: IDType = .id) async throws -> [Segment] {
        try await send(customerRequest(id, idType, "segments"), as: CustomerSegmentsResponse.self).segments
    }

    /// `GET /v1/customers/{id}/messages`: one page of a person's deliveries.
    public func customerMessages(id: String, idType: IDType = .id, start: String? = nil, limit: Int? = nil, startTS: Int? = nil, endTS: Int? = nil) async throws -> MessagesPage {
        var request = customerRequest(id, idType, "messages")
        request.add("start", start)
        request.add("limit", limit)
        request.add("start_ts", startTS)
        request.add("end_ts", endTS)
        return try await send(request, as: MessagesPage.self)
    }

    /// `GET /v1/customers/{id}/activities`: one page of a person's activity.
    public func customerActivities(id: String, idType: IDType = .id, start: String? = nil, limit: Int? = nil, type: String? = nil, name: String? = nil) async throws -> ActivitiesPage {
        var request = customerRequest(id, idType, "activities")
        request.add("start", start)
        request.add("limit", limit.map { min($0, 100) })
        request.add("type", type)
        request.add("name", name)
        return try await send(request, as: ActivitiesPage.self)
    }

    /// `GET /v1/customers/{customer_id}/relationships`: objects the person is related to.
    ///
    /// Unlike the other sub-resources this one documents no `id_type`: `id` must be the person's customer id, so a
    /// caller holding an email or cio_id looks the id up first (the profile has it).
    public func customerRelationships(id: String, start: String? = nil, limit: Int? = nil) async throws -> RelationshipsPage {
        var request = APIRequest(.get, ["v1", "customers", id, "relationships"], notFoundHint: Self.relationshipsHint(id))
        request.add("start", start)
        request.add("limit", limit)
        return try await send(request, as: RelationshipsPage.self)
    }

    /// `GET /v1/customers/{id}/subscription_preferences`.
    public func customerSubscriptionPreferences(id: String, idType: IDType = .id, language: String? = nil) async throws -> SubscriptionPreferences {
        var request = customerRequest(id, idType, "subscription_preferences")
        request.add("language", language)
        return try await send(request, as: SubscriptionPreferencesResponse.self).customer
    }

    /// A customer sub-resource with `id_type`, and a 404 hint that names the likely id type.
    func customerRequest(_ id: String, _ idType: IDType, _ resource: String) -> APIRequest {
        var request = APIRequest(.get, ["v1", "customers", id, resource], notFoundHint: Self.customerHint(id, idType))
        request.add("id_type", idType.rawValue)
        return request
    }

    /// The relationships endpoint knows people only by id, so the usual `--id-type` advice does not apply there.
    static func relationshipsHint(_ id: String) -> String {
        let guessed = IDType.guess(for: id)
        let looks = guessed == .id ? "" : " ('\(id)' looks like \(article(guessed)))"
        return "No person has id '\(id)'\(looks). The relationships endpoint takes only a customer id: look the person up by email or cio_id first, then use their id."
    }

    static func customerHint(_ id: String, _ idType: IDType) -> String {
        let guessed = IDType.guess(for: id)
        if guessed != idType {
            return "'\(id)' looks like \(article(guessed)); try id_type \(guessed.rawValue) (--id-type \(guessed.rawValue))."
        }
        return "No person has \(idType.rawValue) '\(id)'. If it is another kind of identifier, pass --id-type id|email|cio_id."
    }

    /// "an email", "a phone number", "a cio_id": an identifier kind in a sentence.
    private static func article(_ type: IDType) -> String {
        type == .email ? "an email" : type == .phone ? "a phone number" : "a \(type.rawValue)"
    }
}
