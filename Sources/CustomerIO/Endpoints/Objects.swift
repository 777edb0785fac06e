import Foundation

/// Objects: find them by their attributes, read one, and list the people related to it.
extension AppAPIClient {
    /// `POST /v1/objects`: one page of the objects of a type that `filter` matches (its leaves become
    /// `object_attribute` conditions of that type; a segment condition has no meaning for objects and is refused).
    public func objects(typeID: String, filter: AudienceFilter, start: String? = nil, limit: Int? = nil) async throws -> ObjectsPage {
        struct Body: Encodable {
            let objectTypeID: String
            let filter: JSONValue
            enum CodingKeys: String, CodingKey { case objectTypeID = "object_type_id", filter }
        }
        let body = Body(objectTypeID: typeID, filter: try Self.objectFilter(filter, typeID: typeID))
        var request = APIRequest(.post, ["v1", "objects"], body: try Self.jsonBody(body), safety: .read)
        request.add("start", start)
        request.add("limit", limit)
        return try await send(request, as: ObjectsPage.self)
    }

    /// An audience filter as the objects endpoint takes it: `{"object_attribute": {field, operator, value, type_id}}`
    /// leaves under the same `and` / `or` / `not`.
    public static func objectFilter(_ filter: AudienceFilter, typeID: String) throws -> JSONValue {
        switch filter {
        case .and(let parts): return .object(["and": .array(try parts.map { try objectFilter($0, typeID: typeID) })])
        case .or(let parts): return .object(["or": .array(try parts.map { try objectFilter($0, typeID: typeID) })])
        case .not(let inner): return .object(["not": try objectFilter(inner, typeID: typeID)])
        case .segment: throw CustomerIOError(kind: .badRequest, message: "objects cannot be filtered by segment: use their attributes (name = \"Acme\", has plan)")
        case .attribute(let field, let condition):
            var leaf: [String: JSONValue] = ["field": .string(field), "type_id": .string(typeID)]
            switch condition {
            case .equals(let value): leaf["operator"] = .string("eq"); leaf["value"] = .string(value)
            case .exists: leaf["operator"] = .string("exists")
            }
            return .object(["object_attribute": .object(leaf)])
        }
    }

    /// `GET /v1/objects/{type}/{id}/attributes`.
    public func objectAttributes(typeID: String, id: String) async throws -> ObjectProfile {
        struct Envelope: Decodable { let object: ObjectProfile }
        return try await send(APIRequest(.get, ["v1", "objects", typeID, id, "attributes"]), as: Envelope.self).object
    }

    /// `GET /v1/objects/{type}/{id}/relationships`: one page of the people related to an object.
    public func objectPeople(typeID: String, id: String, start: String? = nil, limit: Int? = nil) async throws -> ObjectPeoplePage {
        var request = APIRequest(.get, ["v1", "objects", typeID, id, "relationships"])
        request.add("start", start)
        request.add("limit", limit)
        return try await send(request, as: ObjectPeoplePage.self)
    }
}
