import Foundation

/// `POST /v1/objects`: one page of the objects a filter finds.
public struct ObjectsPage: Codable, Sendable, Hashable {
    public var identifiers: [ObjectIdentifiers]
    public var next: String?

    enum CodingKeys: String, CodingKey { case identifiers, ids, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var found: [ObjectIdentifiers] = (try? c.itemArray(.identifiers)) ?? []
        // The older flat list of ids stands in when the identifiers are missing.
        if found.isEmpty, let ids = try? c.decodeIfPresent([String].self, forKey: .ids) { found = ids.map { ObjectIdentifiers(objectID: $0) } }
        identifiers = found
        next = c.nextCursor(.next)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(identifiers, forKey: .identifiers)
        try c.encodeIfPresent(next, forKey: .next)
    }
}

/// `GET /v1/objects/{type}/{id}/attributes`: what is known about one object.
public struct ObjectProfile: Codable, Sendable, Hashable {
    public var identifiers: ObjectIdentifiers?
    public var attributes: [String: JSONValue]
    public var timestamps: [String: Int]

    enum CodingKeys: String, CodingKey { case identifiers, attributes, timestamps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identifiers = c.lenientDecode(ObjectIdentifiers.self, forKey: .identifiers)
        attributes = c.lenientObject(.attributes)
        timestamps = c.lenientIntMap(.timestamps)
    }

    /// Its name, when it has a `name` attribute.
    public var name: String? {
        guard let text = attributes["name"]?.displayText, !text.isEmpty else { return nil }
        return text
    }
}

/// `GET /v1/objects/{type}/{id}/relationships`: one page of the people related to an object.
public struct ObjectPeoplePage: Codable, Sendable, Hashable {
    public var people: [CustomerIdentifiers]
    public var next: String?

    private struct Item: Codable { var identifiers: CustomerIdentifiers? }
    enum CodingKeys: String, CodingKey { case cioRelationships = "cio_relationships", next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let items: [Item] = (try? c.itemArray(.cioRelationships)) ?? []
        people = items.compactMap(\.identifiers)
        next = c.nextCursor(.next)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(people.map { Item(identifiers: $0) }, forKey: .cioRelationships)
        try c.encodeIfPresent(next, forKey: .next)
    }
}
