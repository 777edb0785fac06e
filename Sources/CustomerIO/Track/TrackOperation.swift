import Foundation

/// An object in the workspace, as Track v2 names it: its type's id (a string-formatted integer) and its own id.
public struct TrackObjectRef: Sendable, Hashable, Codable {
    public var typeID: String
    public var id: String

    public init(typeID: String, id: String) {
        self.typeID = typeID
        self.id = id
    }

    var identifiers: JSONValue { ["object_type_id": .string(typeID), "object_id": .string(id)] }
}

/// One end of a relationship and the attributes the relationship itself carries (`relationship_attributes`).
public struct TrackRelationship<Other: Sendable & Hashable>: Sendable, Hashable {
    public var other: Other
    public var attributes: [String: JSONValue]

    public init(_ other: Other, attributes: [String: JSONValue] = [:]) {
        self.other = other
        self.attributes = attributes
    }
}

/// A device on a person's profile (`add_device`).
public struct TrackDevice: Sendable, Hashable {
    /// The platforms the Track API accepts.
    public enum Platform: String, Sendable, Hashable, CaseIterable { case ios, android }

    public var token: String
    public var platform: Platform
    /// When the device was last identified; the API uses the time of the request when it is left out.
    public var lastUsed: Int?
    /// `device_os`, `app_version` and any custom device attributes.
    public var attributes: [String: JSONValue]

    public init(token: String, platform: Platform, lastUsed: Int? = nil, attributes: [String: JSONValue] = [:]) {
        self.token = token
        self.platform = platform
        self.lastUsed = lastUsed
        self.attributes = attributes
    }
}

/// An event: its name, its data, and optionally when it happened and a ULID that lets the API drop a repeat.
public struct TrackEvent: Sendable, Hashable {
    public var name: String
    public var data: [String: JSONValue]
    public var timestamp: Int?
    /// A ULID: the same id sent twice is one event.
    public var id: String?

    public init(name: String, data: [String: JSONValue] = [:], timestamp: Int? = nil, id: String? = nil) {
        self.name = name
        self.data = data
        self.timestamp = timestamp
        self.id = id
    }
}

/// One Track API v2 operation (`POST /api/v2/entity`, or an item of `POST /api/v2/batch`), typed. Its JSON is the
/// vendor's shape exactly; ``TrackValidation`` holds it to the vendor's rules before it is planned.
public enum TrackOperation: Sendable, Hashable {
    /// Adds or updates a person. `null` or `""` as a value removes that attribute.
    case identify(CustomerIdentifier, attributes: [String: JSONValue])
    case delete(CustomerIdentifier)
    case suppress(CustomerIdentifier)
    case unsuppress(CustomerIdentifier)
    /// The secondary is merged into the primary and then deleted; this cannot be undone.
    case merge(primary: CustomerIdentifier, secondary: CustomerIdentifier)
    case addDevice(CustomerIdentifier, TrackDevice)
    case deleteDevice(CustomerIdentifier, token: String)
    case addRelationships(CustomerIdentifier, [TrackRelationship<TrackObjectRef>])
    case deleteRelationships(CustomerIdentifier, [TrackRelationship<TrackObjectRef>])
    case event(CustomerIdentifier, TrackEvent)
    /// Creates or updates an object, optionally relating people to it.
    case identifyObject(TrackObjectRef, attributes: [String: JSONValue], people: [TrackRelationship<CustomerIdentifier>])
    /// Deletes an object; its relationships with people go with it.
    case deleteObject(TrackObjectRef)

    /// The v2 `action`.
    public var action: String {
        switch self {
        case .identify, .identifyObject: "identify"
        case .delete, .deleteObject: "delete"
        case .suppress: "suppress"
        case .unsuppress: "unsuppress"
        case .merge: "merge"
        case .addDevice: "add_device"
        case .deleteDevice: "delete_device"
        case .addRelationships: "add_relationships"
        case .deleteRelationships: "delete_relationships"
        case .event: "event"
        }
    }

    /// The v2 `type`: `person` or `object`.
    public var type: String {
        switch self {
        case .identifyObject, .deleteObject: "object"
        default: "person"
        }
    }

    /// The person the operation is about (the primary of a merge); nil for object operations.
    public var person: CustomerIdentifier? {
        switch self {
        case .identify(let who, _), .delete(let who), .suppress(let who), .unsuppress(let who), .addDevice(let who, _),
             .deleteDevice(let who, _), .addRelationships(let who, _), .deleteRelationships(let who, _), .event(let who, _):
            who
        case .merge(let primary, _): primary
        case .identifyObject, .deleteObject: nil
        }
    }

    /// The operation as the API takes it.
    public var json: JSONValue {
        var body: [String: JSONValue] = ["type": .string(type), "action": .string(action)]
        switch self {
        case .identify(let who, let attributes):
            body["identifiers"] = who.json
            body["attributes"] = .object(attributes)
        case .delete(let who), .suppress(let who), .unsuppress(let who):
            body["identifiers"] = who.json
        case .merge(let primary, let secondary):
            body["primary"] = primary.json
            body["secondary"] = secondary.json
        case .addDevice(let who, let device):
            body["identifiers"] = who.json
            body["device"] = device.json
        case .deleteDevice(let who, let token):
            body["identifiers"] = who.json
            body["device"] = ["token": .string(token)]
        case .addRelationships(let who, let objects), .deleteRelationships(let who, let objects):
            body["identifiers"] = who.json
            body["cio_relationships"] = .array(objects.map { Self.relationship($0.other.identifiers, $0.attributes) })
        case .event(let who, let event):
            body["identifiers"] = who.json
            event.add(to: &body)
        case .identifyObject(let object, let attributes, let people):
            body["identifiers"] = object.identifiers
            body["attributes"] = .object(attributes)
            if !people.isEmpty { body["cio_relationships"] = .array(people.map { Self.relationship($0.other.json, $0.attributes) }) }
        case .deleteObject(let object):
            body["identifiers"] = object.identifiers
        }
        return .object(body)
    }

    private static func relationship(_ identifiers: JSONValue, _ attributes: [String: JSONValue]) -> JSONValue {
        var item: [String: JSONValue] = ["identifiers": identifiers]
        if !attributes.isEmpty { item["relationship_attributes"] = .object(attributes) }
        return .object(item)
    }

    /// The operation's JSON, compact with sorted keys: what is sent and what its size is measured on. Throws rather
    /// than send less than the operation says (an empty body once went out, and was reported done).
    public func encoded() throws -> Data {
        do {
            return try TrackJSON.encode(json)
        } catch {
            throw TrackProblem("body", "cannot be written as JSON (\(error))")
        }
    }
}

extension CustomerIdentifier {
    /// `{"id": …}`, `{"email": …}` or `{"cio_id": …}`.
    public var json: JSONValue {
        switch self {
        case .id(let value): ["id": .string(value)]
        case .email(let value): ["email": .string(value)]
        case .cioID(let value): ["cio_id": .string(value)]
        }
    }

    /// The value, whichever kind it is.
    public var value: String {
        switch self {
        case .id(let value), .email(let value), .cioID(let value): value
        }
    }

    /// `id`, `email` or `cio_id`.
    public var idType: IDType {
        switch self {
        case .id: .id
        case .email: .email
        case .cioID: .cioID
        }
    }

    /// `id 42`, `email jane@example.com`: how reviews and outcomes name the person.
    public var label: String { "\(idType.rawValue) \(value)" }

    /// The one a write sends for someone known by several: the id, else the email, else the cio_id.
    public init?(preferring id: String?, email: String?, cioID: String?) {
        if let id { self = .id(id) } else if let email { self = .email(email) } else if let cioID { self = .cioID(cioID) } else { return nil }
    }

    /// The identifier of this type and value (a phone is not a Track identifier).
    public init?(_ type: IDType, _ value: String) {
        switch type {
        case .id: self = .id(value)
        case .email: self = .email(value)
        case .cioID: self = .cioID(value)
        case .phone: return nil
        }
    }
}

extension TrackDevice {
    var json: JSONValue {
        var device: [String: JSONValue] = ["token": .string(token), "platform": .string(platform.rawValue)]
        if let lastUsed { device["last_used"] = .number(Double(lastUsed)) }
        if !attributes.isEmpty { device["attributes"] = .object(attributes) }
        return .object(device)
    }
}

extension TrackEvent {
    func add(to body: inout [String: JSONValue]) {
        body["name"] = .string(name)
        if !data.isEmpty { body["attributes"] = .object(data) }
        if let timestamp { body["timestamp"] = .number(Double(timestamp)) }
        if let id { body["id"] = .string(id) }
    }
}

/// Compact JSON with sorted keys and unescaped slashes: the one encoding every Track body uses, so a body's size and
/// digest are the same wherever they are measured.
public enum TrackJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
