import CustomerIO

/// The workspace's catalog lists behind the read-only panes: activity, sender identities, collections, snippets.
extension WorkspaceService {
    /// One page of the workspace's activity for a type and name (either may be nil), from the cursor `start`;
    /// `key` names the query in the cache, each page under its cursor.
    public func activitiesPage(type: String?, name: String?, key: String, start: String? = nil, refresh: Bool = false) async throws -> ActivitiesPage {
        try await store.value("activities/\(key)/\(start ?? "")", ttl: ttl.messages, refresh: refresh) {
            try await client.activities(start: start, limit: 100, type: type, name: name)
        }
    }

    /// Every sender identity, all pages.
    public func senderIdentities(refresh: Bool = false) async throws -> [SenderIdentity] {
        try await store.value("sender_identities", ttl: ttl.lists, refresh: refresh) {
            try await CursorPages { start in
                let page = try await client.senderIdentities(start: start)
                return (page.senderIdentities, page.next)
            }.collect(limit: 10_000)
        }
    }

    /// The campaigns and newsletters that send as a sender identity.
    public func senderUsage(id: Int, refresh: Bool = false) async throws -> SenderIdentityUsage {
        try await store.value("sender_identities/\(id)/used_by", ttl: ttl.details, refresh: refresh) { try await client.senderIdentityUsage(id: id) }
    }

    public func collections(refresh: Bool = false) async throws -> [DataCollection] {
        try await store.value("collections", ttl: ttl.lists, refresh: refresh) { try await client.collections() }
    }

    /// A collection's data, as stored.
    public func collectionContent(id: Int, refresh: Bool = false) async throws -> JSONValue {
        try await store.value("collections/\(id)/content", ttl: ttl.details, refresh: refresh) { try await client.collectionContent(id: id) }
    }

    public func snippets(refresh: Bool = false) async throws -> [Snippet] {
        try await store.value("snippets", ttl: ttl.lists, refresh: refresh) { try await client.snippets() }
    }
}
