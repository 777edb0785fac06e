import Foundation

/// Reading operations back from the vendor's JSON (a `cio track batch` file, one per line): every operation cio
/// can send, and a clear refusal naming the field for anything else.
extension TrackOperation {
    public init(json value: JSONValue) throws {
        guard case .object(let body) = value else { throw TrackProblem("operation", "must be a JSON object") }
        let type = body["type"]?.stringText ?? "", action = body["action"]?.stringText ?? ""
        switch (type, action) {
        case ("person", _): self = try Self.person(action, body)
        case ("object", "identify"):
            let people = try (body["cio_relationships"]?.arrayItems ?? []).enumerated().map { index, item in
                TrackRelationship(try Self.person(item["identifiers"], "cio_relationships[\(index)].identifiers"), attributes: item["relationship_attributes"]?.objectMembers ?? [:])
            }
            self = .identifyObject(try Self.object(body["identifiers"]), attributes: body["attributes"]?.objectMembers ?? [:], people: people)
        case ("object", "delete"): self = .deleteObject(try Self.object(body["identifiers"]))
        case ("object", _): throw TrackProblem("action", "“\(action)” on an object is not one cio sends (identify, delete)")
        default: throw TrackProblem("type", "must be person or object")
        }
    }

    private static func person(_ action: String, _ body: [String: JSONValue]) throws -> TrackOperation {
        if action == "merge" { return .merge(primary: try person(body["primary"], "primary"), secondary: try person(body["secondary"], "secondary")) }
        let who = try person(body["identifiers"], "identifiers")
        switch action {
        case "identify": return .identify(who, attributes: body["attributes"]?.objectMembers ?? [:])
        case "delete": return .delete(who)
        case "suppress": return .suppress(who)
        case "unsuppress": return .unsuppress(who)
        case "add_device", "delete_device":
            guard case .object(let device)? = body["device"], let token = device["token"]?.stringText else { throw TrackProblem("device.token", "is required") }
            if action == "delete_device" { return .deleteDevice(who, token: token) }
            guard let platform = device["platform"]?.stringText.flatMap(TrackDevice.Platform.init(rawValue:)) else { throw TrackProblem("device.platform", "must be ios or android") }
            return .addDevice(who, TrackDevice(token: token, platform: platform, lastUsed: device["last_used"]?.wholeNumber, attributes: device["attributes"]?.objectMembers ?? [:]))
        case "add_relationships", "delete_relationships":
            let objects = try (body["cio_relationships"]?.arrayItems ?? []).enumerated().map { index, item in
                TrackRelationship(try object(item["identifiers"], "cio_relationships[\(index)].identifiers"), attributes: item["relationship_attributes"]?.objectMembers ?? [:])
            }
            return action == "add_relationships" ? .addRelationships(who, objects) : .deleteRelationships(who, objects)
        case "event":
            let event = TrackEvent(name: body["name"]?.stringText ?? "", data: body["attributes"]?.objectMembers ?? [:], timestamp: body["timestamp"]?.wholeNumber, id: body["id"]?.stringText)
            return .event(who, event)
        default:
            throw TrackProblem("action", "“\(action)” on a person is not one cio sends")
        }
    }

    private static func person(_ value: JSONValue?, _ field: String) throws -> CustomerIdentifier {
        guard case .object(let ids)? = value, ids.count == 1, let (key, raw) = ids.first, let text = raw.stringText else {
            throw TrackProblem(field, "must be exactly one of id, email or cio_id")
        }
        switch key {
        case "id": return .id(text)
        case "email": return .email(text)
        case "cio_id": return .cioID(text)
        default: throw TrackProblem(field, "“\(key)” is not an identifier cio sends (id, email, cio_id)")
        }
    }

    private static func object(_ value: JSONValue?, _ field: String = "identifiers") throws -> TrackObjectRef {
        guard case .object(let ids)? = value, let type = ids["object_type_id"]?.stringText, let id = ids["object_id"]?.stringText else {
            throw TrackProblem(field, "needs object_type_id and object_id")
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
    /// A string, or a whole number as text (ids often arrive as numbers).
    var stringText: String? {
        switch self {
        case .string(let text): text
        case .number: displayText
        default: nil
        }
    }

    var wholeNumber: Int? {
        if case .number(let value) = self, let whole = Self.exactInteger(value) { return Int(whole) }
        return nil
    }

    var arrayItems: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    var objectMembers: [String: JSONValue]? { if case .object(let members) = self { members } else { nil } }

    subscript(key: String) -> JSONValue? { objectMembers?[key] }
}
