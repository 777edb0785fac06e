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

    /// `GET /v1/workspaces`: the workspaces this key can see, with cached counts.
    public func workspaces() async throws -> [Workspace] {
        try await send(APIRequest(.get, ["v1", "workspaces"]), as: WorkspacesResponse.self).workspaces
    }
}
