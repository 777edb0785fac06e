import Foundation

/// The remaining workspace lists: collections, snippets, sender identities, workspaces.
extension AppAPIClient {
    /// `GET /v1/collections`.
    public func collections() async throws -> [DataCollection] {
        try await send(APIRequest(.get, ["v1", "collections"]), as: CollectionsResponse.self).collections
    }

    /// `GET /v1/collections/{id}`.
    public func collection(id: Int) async throws -> DataCollection {
        try await send(APIRequest(.get, ["v1", "collections", String(id)]), as: CollectionResponse.self).collection
    }

    /// `GET /v1/snippets`.
    public func snippets() async throws -> [Snippet] {
        try await send(APIRequest(.get, ["v1", "snippets"]), as: SnippetsResponse.self).snippets
    }

    /// `GET /v1/sender_identities`: one page.
    public func senderIdentities(start: String? = nil, limit: Int? = nil) async throws -> SenderIdentitiesPage {
        var request = APIRequest(.get, ["v1", "sender_identities"])
        request.add("start", start)
        request.add("limit", limit)
        return try await send(request, as: SenderIdentitiesPage.self)
    }

    /// `GET /v1/sender_identities/{id}`.
    public func senderIdentity(id: Int) async throws -> SenderIdentity {
        try await send(APIRequest(.get, ["v1", "sender_identities", String(id)]), as: SenderIdentityResponse.self).senderIdentity
    }

    /// `GET /v1/activities`: one page of the workspace's activity, newest first, narrowed by type and name.
    public func activities(start: String? = nil, limit: Int? = nil, type: String? = nil, name: String? = nil) async throws -> ActivitiesPage {
        var request = APIRequest(.get, ["v1", "activities"])
        request.add("start", start)
        request.add("limit", limit.map { min($0, 100) })
        request.add("type", type)
        request.add("name", name)
        return try await send(request, as: ActivitiesPage.self)
    }

    /// `GET /v1/sender_identities/{id}/used_by`: the campaigns and newsletters that send as it.
    public func senderIdentityUsage(id: Int) async throws -> SenderIdentityUsage {
        try await send(APIRequest(.get, ["v1", "sender_identities", String(id), "used_by"]), as: SenderIdentityUsage.self)
    }

    /// `GET /v1/collections/{id}/content`: the collection's data, as stored.
    public func collectionContent(id: Int) async throws -> JSONValue {
        try await send(APIRequest(.get, ["v1", "collections", String(id), "content"]), as: JSONValue.self)
    }

    /// `GET /v1/object_types`: the kinds of object in the workspace, with their names.
    public func objectTypes() async throws -> [ObjectType] {
        try await send(APIRequest(.get, ["v1", "object_types"]), as: ObjectTypesResponse.self).types
    }

    /// `GET /v1/workspaces`: the workspaces this key can see, with cached counts.
    public func workspaces() async throws -> [Workspace] {
        try await send(APIRequest(.get, ["v1", "workspaces"]), as: WorkspacesResponse.self).workspaces
    }
}
