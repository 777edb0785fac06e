import Foundation

/// The two ids of an object a person is related to.
public struct ObjectIdentifiers: Codable, Sendable, Hashable {
    /// Your id for the object.
    public var objectID: String?
    /// Customer.io's immutable id for the object.
    public var cioObjectID: String?

    public init(objectID: String? = nil, cioObjectID: String? = nil) {
        self.objectID = objectID
        self.cioObjectID = cioObjectID
    }

    enum CodingKeys: String, CodingKey {
        case objectID = "object_id"
        case cioObjectID = "cio_object_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        objectID = c.lenientString(.objectID)
        cioObjectID = c.lenientString(.cioObjectID)
    }
}

/// A person's relationship to an object (an account, a concert…).
public struct Relationship: Codable, Sendable, Hashable {
    /// Integer in paths; responses send it as a number or as text, both accepted.
    public var objectTypeID: Int?
    public var identifiers: ObjectIdentifiers?
    /// Attributes of the relationship itself (not of the object).
    public var attributes: [String: JSONValue]
    /// Attribute name → unix time it was last set.
    public var timestamps: [String: Int]

    public init(
        objectTypeID: Int? = nil, identifiers: ObjectIdentifiers? = nil,
        attributes: [String: JSONValue] = [:], timestamps: [String: Int] = [:]
    ) {
        self.objectTypeID = objectTypeID
        self.identifiers = identifiers
        self.attributes = attributes
        self.timestamps = timestamps
    }

    enum CodingKeys: String, CodingKey {
        case identifiers, attributes, timestamps
        case objectTypeID = "object_type_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        objectTypeID = c.lenientInt(.objectTypeID)
        identifiers = c.lenientDecode(ObjectIdentifiers.self, forKey: .identifiers)
        attributes = c.lenientObject(.attributes)
        timestamps = c.lenientIntMap(.timestamps)
    }
}

/// `GET /v1/customers/{id}/relationships`.
public struct RelationshipsPage: Codable, Sendable, Hashable {
    public var cioRelationships: [Relationship]
    public var next: String?

    enum CodingKeys: String, CodingKey {
        case next
        case cioRelationships = "cio_relationships"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cioRelationships = try c.itemArray(.cioRelationships)
        next = c.nextCursor(.next)
    }
}
