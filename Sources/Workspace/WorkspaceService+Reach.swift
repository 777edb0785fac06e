import CustomerIO

/// What says whether a person can be reached: the ESP's suppression lists.
extension WorkspaceService {
    /// Whether, and why, the ESP suppressed an address (empty when it did not).
    public func suppression(email: String, refresh: Bool = false) async throws -> SuppressionList {
        try await store.value("esp/search/\(email.lowercased())", ttl: ttl.details, refresh: refresh) { try await client.suppression(email: email) }
    }

    /// One page of an ESP suppression list, from `offset`.
    public func suppressions(_ type: SuppressionType, offset: Int = 0, refresh: Bool = false) async throws -> SuppressionList {
        try await store.value("esp/\(type.rawValue)/\(offset)", ttl: ttl.lists, refresh: refresh) { try await client.suppressions(type, offset: offset) }
    }
}
