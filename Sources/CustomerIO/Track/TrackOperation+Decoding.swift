import Foundation

/// Reading operations back from the vendor's JSON (a `cio track batch` file, one per line): every operation cio
/// can send. Nothing is dropped or changed on the way: a key cio does not send, or a value of the wrong type, is
/// refused naming the field, so what is sent is what the file says.
extension TrackOperation {
    public init(json value: JSONValue) throws {
        guard case .object(let body) = value else { throw TrackProblem("operation", "must be a JSON object") }
        let type = try Self.text(body, "type"), action = try Self.text(body, "action")
        switch (type, action) {
        case ("person", _): self = try Self.person(action, body)
        case ("object", "identify"):
            try Self.allow(body, ["identifiers", "attributes", "cio_relationships"])
            let people = try Self.items(body, "cio_relationships").enumerated().map { index, item in
                let field = "cio_relationships[\(index)]"
                try Self.allow(item, ["identifiers", "relationship_attributes"], field)
                return TrackRelationship(try Self.person(item["identifiers"], field + ".identifiers"), attributes: try Self.members(item, "relationship_attributes", field))
            }
            self = .identifyObject(try Self.object(body["identifiers"]), attributes: try Self.members(body, "attributes"), people: people)
        case ("object", "delete"):
            try Self.allow(body, ["identifiers"])
            self = .deleteObject(try Self.object(body["identifiers"]))
        case ("object", _): throw TrackProblem("action", "“\(action)” on an object is not one cio sends (identify, delete)")
        default: throw TrackProblem("type", "must be person or object")
        }
    }

    private static func person(_ action: String, _ body: [String: JSONValue]) throws -> TrackOperation {
        if action == "merge" {
            try allow(body, ["primary", "secondary"])
            return .merge(primary: try person(body["primary"], "primary"), secondary: try person(body["secondary"], "secondary"))
        }
        let who = try person(body["identifiers"], "identifiers")
        switch action {
        case "identify":
            try allow(body, ["identifiers", "attributes"])
            return .identify(who, attributes: try members(body, "attributes"))
        case "delete", "suppress", "unsuppress":
            try allow(body, ["identifiers"])
            return action == "delete" ? .delete(who) : action == "suppress" ? .suppress(who) : .unsuppress(who)
        case "add_device", "delete_device":
            return try device(action, who, body)
        case "add_relationships", "delete_relationships":
            try allow(body, ["identifiers", "cio_relationships"])
            let objects = try items(body, "cio_relationships").enumerated().map { index, item in
                let field = "cio_relationships[\(index)]"
                try allow(item, ["identifiers", "relationship_attributes"], field)
                return TrackRelationship(try object(item["identifiers"], field + ".identifiers"), attributes: try members(item, "relationship_attributes", field))
            }
            return action == "add_relationships" ? .addRelationships(who, objects) : .deleteRelationships(who, objects)
        case "event":
            try allow(body, ["identifiers", "name", "attributes", "timestamp", "id"])
            let event = TrackEvent(name: try text(body, "name"), data: try members(body, "attributes"), timestamp: try number(body, "timestamp"), id: try optionalText(body, "id"))
            return .event(who, event)
        default:
            throw TrackProblem("action", "“\(action)” on a person is not one cio sends")
        }
    }

    private static func device(_ action: String, _ who: CustomerIdentifier, _ body: [String: JSONValue]) throws -> TrackOperation {
        try allow(body, ["identifiers", "device"])
        guard case .object(let device)? = body["device"] else { throw TrackProblem("device", "must be an object with a token") }
        let token = try text(device, "token", "device")
        if action == "delete_device" {
            try allow(device, ["token"], "device")
            return .deleteDevice(who, token: token)
        }
        try allow(device, ["token", "platform", "last_used", "attributes"], "device")
        guard let platform = TrackDevice.Platform(rawValue: try text(device, "platform", "device")) else { throw TrackProblem("device.platform", "must be ios or android") }
        return .addDevice(who, TrackDevice(token: token, platform: platform, lastUsed: try number(device, "last_used", "device"), attributes: try members(device, "attributes", "device")))
    }

    /// Refuses keys cio would not send back as they were.
    private static func allow(_ body: [String: JSONValue], _ keys: Set<String>, _ parent: String = "") throws {
        let known = keys.union(parent.isEmpty ? ["type", "action"] : [])
        if let extra = body.keys.sorted().first(where: { !known.contains($0) }) {
            throw TrackProblem(parent.isEmpty ? extra : "\(parent).\(extra)", "is not a field cio sends for this operation; it would be dropped, so the line is refused")
        }
    }

    private static func name(_ key: String, _ parent: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    private static func text(_ body: [String: JSONValue], _ key: String, _ parent: String = "") throws -> String {
        guard case .string(let value)? = body[key] else { throw TrackProblem(name(key, parent), "must be a string") }
        return value
    }

    private static func optionalText(_ body: [String: JSONValue], _ key: String) throws -> String? {
        body[key] == nil ? nil : try text(body, key)
    }

    private static func number(_ body: [String: JSONValue], _ key: String, _ parent: String = "") throws -> Int? {
        guard let value = body[key] else { return nil }
        guard let whole = value.wholeNumber else { throw TrackProblem(name(key, parent), "must be a whole number (Unix seconds)") }
        return whole
    }

    private static func members(_ body: [String: JSONValue], _ key: String, _ parent: String = "") throws -> [String: JSONValue] {
        guard let value = body[key] else { return [:] }
        guard case .object(let members) = value else { throw TrackProblem(name(key, parent), "must be a JSON object") }
        return members
    }

    private static func items(_ body: [String: JSONValue], _ key: String) throws -> [[String: JSONValue]] {
        guard let value = body[key] else { return [] }
        guard case .array(let items) = value else { throw TrackProblem(key, "must be an array") }
        return try items.enumerated().map { index, item in
            guard case .object(let members) = item else { throw TrackProblem("\(key)[\(index)]", "must be an object") }
            return members
        }
    }

    private static func person(_ value: JSONValue?, _ field: String) throws -> CustomerIdentifier {
        guard case .object(let ids)? = value, ids.count == 1, let (key, raw) = ids.first, case .string(let text) = raw else {
            throw TrackProblem(field, "must be exactly one of id, email or cio_id, as a string")
        }
        switch key {
        case "id": return .id(text)
        case "email": return .email(text)
        case "cio_id": return .cioID(text)
        default: throw TrackProblem(field, "“\(key)” is not an identifier cio sends (id, email, cio_id)")
        }
    }

    private static func object(_ value: JSONValue?, _ field: String = "identifiers") throws -> TrackObjectRef {
        guard case .object(let ids)? = value, ids.count == 2, case .string(let type)? = ids["object_type_id"], case .string(let id)? = ids["object_id"] else {
            throw TrackProblem(field, "must be {\"object_type_id\": \"1\", \"object_id\": \"…\"}, as strings")
        }
        return TrackObjectRef(typeID: type, id: id)
    }

    /// How a batch's report names the operation's subject.
    public var subject: String {
        switch self {
        case .identifyObject(let object, _, _), .deleteObject(let object): "object \(object.typeID)/\(object.id)"
        case .merge(let primary, let secondary): "\(secondary.label) into \(primary.label)"
        default: person?.label ?? "?"
        }
    }
}

extension JSONValue {
    var wholeNumber: Int? {
        if case .number(let value) = self, let whole = Self.exactInteger(value) { return Int(whole) }
        return nil
    }
}
