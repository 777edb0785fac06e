import CustomerIO

/// A person's profile sections and the bulk attributes of the rows on screen.
extension WorkspaceService {
    public func customerSegments(id: String, idType: IDType, refresh: Bool = false) async throws -> [Segment] {
        try await store.value("customers/\(idType.rawValue)/\(id)/segments", ttl: ttl.details, refresh: refresh) {
            try await client.customerSegments(id: id, idType: idType)
        }
    }

    /// A person's latest deliveries (first page of 50).
    public func customerMessages(id: String, idType: IDType, refresh: Bool = false) async throws -> [Delivery] {
        try await store.value("customers/\(idType.rawValue)/\(id)/messages", ttl: ttl.messages, refresh: refresh) {
            try await client.customerMessages(id: id, idType: idType, limit: 50).messages
        }
    }

    /// A person's latest activities (first page of 50).
    public func customerActivities(id: String, idType: IDType, refresh: Bool = false) async throws -> [Activity] {
        try await store.value("customers/\(idType.rawValue)/\(id)/activities", ttl: ttl.details, refresh: refresh) {
            try await client.customerActivities(id: id, idType: idType, limit: 50).activities
        }
    }

    /// The objects a person is related to (first page of 50); nil when the person has no customer id.
    ///
    /// The relationships endpoint takes no `id_type`: its path value is always the customer id. A person known by
    /// email or cio_id is first turned into their id through the profile, which the profile view has cached.
    public func customerRelationships(id: String, idType: IDType, refresh: Bool = false) async throws -> [Relationship]? {
        guard let customerID = try await customerID(id, idType: idType) else { return nil }
        return try await store.value("customers/id/\(customerID)/relationships", ttl: ttl.details, refresh: refresh) {
            try await client.customerRelationships(id: customerID, limit: 50).cioRelationships
        }
    }

    /// A person's customer id: the value itself when it is one, else what their profile says (nil if it has none).
    /// The cached profile is good enough even on a refresh, as a person's id does not change.
    public func customerID(_ value: String, idType: IDType) async throws -> String? {
        if idType == .id { return value }
        let profile = try await customerProfile(id: value, idType: idType)
        if let identifiers = profile.identifiers {
            // The spec: `identifiers.id` is null when the person's id is not set.
            return identifiers.id.flatMap { $0.isEmpty ? nil : $0 }
        }
        // The top-level `id` is "the customer ID referenced in the request": the cio_id or email just sent, unless
        // it says something else.
        guard let id = profile.id, !id.isEmpty, id != value else { return nil }
        return id
    }

    public func customerSubscriptionPreferences(id: String, idType: IDType, refresh: Bool = false) async throws -> SubscriptionPreferences {
        try await store.value("customers/\(idType.rawValue)/\(id)/subscriptions", ttl: ttl.details, refresh: refresh) {
            try await client.customerSubscriptionPreferences(id: id, idType: idType)
        }
    }

    /// What a table shows of many people at once (100 per request), keyed by customer id. Only the summaries are
    /// kept, not whole profiles, so scrolling through 100,000 people caches a few short strings each. The set of
    /// ids names the entry, so scrolling back to the same rows is a cache hit.
    public func customerSummaries<Summary: Sendable>(ids: [String], refresh: Bool = false, summarise: @escaping @Sendable (CustomerProfile) -> Summary) async throws -> [String: Summary] {
        let sorted = ids.sorted()
        return try await store.value("customers/bulk/\(sorted.joined(separator: ","))", ttl: ttl.details, refresh: refresh) {
            var byID: [String: Summary] = [:]
            for profile in try await client.customerProfiles(ids: sorted) {
                if let id = profile.identifiers?.id ?? profile.id { byID[id] = summarise(profile) }
            }
            return byID
        }
    }
}
