import CustomerIO

/// Objects: the types, the objects a filter finds, one object's attributes and its people.
extension WorkspaceService {
    /// One page of the objects of a type that `filter` matches; `key` names the filter in the cache.
    public func objects(typeID: String, filter: AudienceFilter, key: String, start: String? = nil, refresh: Bool = false) async throws -> ObjectsPage {
        try await store.value("objects/\(typeID)/\(key)/\(start ?? "")", ttl: ttl.lists, refresh: refresh) {
            try await client.objects(typeID: typeID, filter: filter, start: start, limit: 1_000)
        }
    }

    public func objectAttributes(typeID: String, id: String, refresh: Bool = false) async throws -> ObjectProfile {
        try await store.value("objects/\(typeID)/\(id)/attributes", ttl: ttl.details, refresh: refresh) {
            try await client.objectAttributes(typeID: typeID, id: id)
        }
    }

    /// The people related to an object (their first 500).
    public func objectPeople(typeID: String, id: String, refresh: Bool = false) async throws -> [CustomerIdentifiers] {
        try await store.value("objects/\(typeID)/\(id)/people", ttl: ttl.details, refresh: refresh) {
            try await CursorPages { start in
                let page = try await client.objectPeople(typeID: typeID, id: id, start: start, limit: 100)
                return (page.people, page.next)
            }.collect(limit: 500)
        }
    }
}
