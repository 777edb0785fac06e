import Foundation

/// What is wrong with a Track operation, and where: checked before anything is planned, so the user hears it in
/// words instead of the API's 400.
public struct TrackProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field at fault, as the JSON names it (`attributes.plan`, `identifiers.id`).
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// The Track API's documented rules (the vendor's spec: limits and shapes), held client-side.
public enum TrackValidation {
    /// The vendor's limits, in bytes of UTF-8 unless said otherwise.
    public enum Limit {
        public static let identifier = 150
        public static let attributeName = 150
        public static let attributeValue = 1_000
        /// Attributes in one identify call (and per person).
        public static let attributeCount = 300
        /// All of an object's or a relationship's attributes together.
        public static let objectAttributesTotal = 100_000
        public static let eventName = 100
        public static let eventData = 100_000
        /// One `/api/v2/entity` request, and each operation inside a batch.
        public static let entityBody = 32_000
        /// One `/api/v2/batch` request.
        public static let batchBody = 500_000
        /// Levels of an operation's body: a value as deep as a person may type (`JSONValue.maximumDepth`) and the
        /// levels the body wraps it in, at most four (body, `cio_relationships`, its item, `relationship_attributes`).
        public static let bodyDepth = JSONValue.maximumDepth + 4
    }

    /// The first problem with an operation, or nil when the API should take it.
    public static func problem(_ operation: TrackOperation) -> TrackProblem? {
        do {
            try check(operation)
            let depth = operation.json.depth
            if depth > Limit.bodyDepth {
                throw TrackProblem("body", "nests \(depth) levels; values may nest at most \(JSONValue.maximumDepth) levels deep")
            }
            let size = try operation.encoded().count
            if size > Limit.entityBody {
                throw TrackProblem("body", "\(size) bytes; one operation may be at most \(Limit.entityBody) bytes (32 kB)")
            }
            return nil
        } catch let problem as TrackProblem {
            return problem
        } catch {
            return TrackProblem("body", "\(error)")
        }
    }

    private static func check(_ operation: TrackOperation) throws {
        switch operation {
        case .identify(let who, let attributes):
            try person(who, "identifiers")
            guard !attributes.isEmpty else { throw TrackProblem("attributes", "nothing to change") }
            try self.attributes(attributes, "attributes")
            try subscriptionPreferences(attributes)
        case .delete(let who), .suppress(let who), .unsuppress(let who):
            try person(who, "identifiers")
        case .merge(let primary, let secondary):
            try person(primary, "primary")
            try person(secondary, "secondary")
            guard primary != secondary else { throw TrackProblem("secondary", "is the same person as the primary") }
        case .addDevice(let who, let device):
            try person(who, "identifiers")
            try self.device(device)
        case .deleteDevice(let who, let token):
            try person(who, "identifiers")
            guard !token.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem("device.token", "is required") }
        case .addRelationships(let who, let objects), .deleteRelationships(let who, let objects):
            try person(who, "identifiers")
            try relationships(objects.map { ($0.other, $0.attributes) })
        case .event(let who, let event):
            try person(who, "identifiers")
            try self.event(event)
        case .identifyObject(let object, let attributes, let people):
            try self.object(object)
            try self.attributes(attributes, "attributes", total: Limit.objectAttributesTotal)
            for (index, relation) in people.enumerated() {
                try person(relation.other, "cio_relationships[\(index)].identifiers")
                try self.attributes(relation.attributes, "cio_relationships[\(index)].relationship_attributes", total: Limit.objectAttributesTotal)
            }
        case .deleteObject(let object):
            try self.object(object)
        }
    }

    /// One identifier, non-empty and within the limit; an email must look like one.
    public static func person(_ who: CustomerIdentifier, _ field: String) throws {
        let value = who.value
        let name = "\(field).\(who.idType.rawValue)"
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem(name, "is empty") }
        guard value.utf8.count <= Limit.identifier else { throw TrackProblem(name, "\(value.utf8.count) bytes; at most \(Limit.identifier)") }
        if case .email = who, !value.contains("@") { throw TrackProblem(name, "\"\(value)\" is not an email address") }
    }

    static func object(_ object: TrackObjectRef) throws {
        guard let type = Int(object.typeID), type >= 1 else {
            throw TrackProblem("identifiers.object_type_id", "\"\(object.typeID)\" is not an object type id (a whole number from 1)")
        }
        guard !object.id.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem("identifiers.object_id", "is empty") }
        guard object.id.utf8.count <= Limit.identifier else { throw TrackProblem("identifiers.object_id", "\(object.id.utf8.count) bytes; at most \(Limit.identifier)") }
    }

    /// Names and values within the limits; `total` caps them all together (objects and relationships).
    public static func attributes(_ attributes: [String: JSONValue], _ field: String, total: Int? = nil) throws {
        guard attributes.count <= Limit.attributeCount else { throw TrackProblem(field, "\(attributes.count) attributes; at most \(Limit.attributeCount) in one call") }
        var size = 0
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem(field, "an attribute has an empty name") }
            guard name.utf8.count <= Limit.attributeName else { throw TrackProblem("\(field).\(name.prefix(20))…", "the name is \(name.utf8.count) bytes; at most \(Limit.attributeName)") }
            let length = valueLength(value)
            guard length <= Limit.attributeValue else { throw TrackProblem("\(field).\(name)", "the value is \(length) bytes; at most \(Limit.attributeValue)") }
            size += name.utf8.count + length
        }
        if let total, size > total { throw TrackProblem(field, "\(size) bytes in all; at most \(total)") }
    }

    private static func valueLength(_ value: JSONValue) -> Int {
        if case .string(let text) = value { return text.utf8.count }
        return value.compactJSON.utf8.count
    }

    /// `cio_subscription_preferences` is `{"topics": {"topic_<n>": bool}}`; the dotted form sets one topic.
    static func subscriptionPreferences(_ attributes: [String: JSONValue]) throws {
        for (name, value) in attributes where name.hasPrefix("cio_subscription_preferences") {
            if name == "cio_subscription_preferences" {
                guard case .object(let preferences) = value, case .object(let topics)? = preferences["topics"], preferences.count == 1 else {
                    throw TrackProblem("attributes.\(name)", "must be {\"topics\": {\"topic_<id>\": true or false}}")
                }
                for (topic, setting) in topics { try self.topic(topic, setting, "attributes.\(name).topics") }
            } else if name.hasPrefix("cio_subscription_preferences.topics.") {
                try topic(String(name.dropFirst("cio_subscription_preferences.topics.".count)), value, "attributes")
            } else {
                throw TrackProblem("attributes.\(name)", "set topics as cio_subscription_preferences.topics.topic_<id>")
            }
        }
    }

    private static func topic(_ name: String, _ value: JSONValue, _ field: String) throws {
        guard name.hasPrefix("topic_"), let number = Int(name.dropFirst(6)), number >= 1 else {
            throw TrackProblem("\(field).\(name)", "topics are named topic_<id>, the id a whole number from 1")
        }
        guard case .bool = value else { throw TrackProblem("\(field).\(name)", "must be true (subscribed) or false (unsubscribed)") }
    }

    static func device(_ device: TrackDevice) throws {
        guard !device.token.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem("device.token", "is required") }
        if let lastUsed = device.lastUsed { try timestamp(lastUsed, "device.last_used") }
        try attributes(device.attributes, "device.attributes")
        // The vendor types every device attribute as a string (push_enabled is "true" or "false").
        for (name, value) in device.attributes.sorted(by: { $0.key < $1.key }) {
            guard case .string = value else { throw TrackProblem("device.attributes.\(name)", "must be a string (write \"\(value.displayText)\")") }
        }
    }

    static func event(_ event: TrackEvent) throws {
        guard !event.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem("name", "an event needs a name") }
        guard event.name.utf8.count <= Limit.eventName else { throw TrackProblem("name", "\(event.name.utf8.count) bytes; at most \(Limit.eventName)") }
        let size = JSONValue.object(event.data).compactJSON.utf8.count
        guard size <= Limit.eventData else { throw TrackProblem("attributes", "the event's data is \(size) bytes; at most \(Limit.eventData)") }
        if let timestamp = event.timestamp { try self.timestamp(timestamp, "timestamp") }
        if let id = event.id, !isULID(id) { throw TrackProblem("id", "\"\(id)\" is not a ULID (26 characters of Crockford base32)") }
    }

    /// Unix seconds: a value in milliseconds (13 digits) is the usual slip, and is refused rather than sent.
    static func timestamp(_ value: Int, _ field: String) throws {
        guard value > 0 else { throw TrackProblem(field, "must be a Unix time in seconds, after 1970") }
        guard value < 100_000_000_000 else { throw TrackProblem(field, "\(value) looks like milliseconds; the API takes seconds") }
    }

    static func relationships(_ objects: [(TrackObjectRef, [String: JSONValue])]) throws {
        guard !objects.isEmpty else { throw TrackProblem("cio_relationships", "needs at least one object") }
        for (index, (object, attributes)) in objects.enumerated() {
            do {
                try self.object(object)
            } catch let problem as TrackProblem {
                throw TrackProblem("cio_relationships[\(index)].\(problem.field)", problem.message)
            }
            try self.attributes(attributes, "cio_relationships[\(index)].relationship_attributes", total: Limit.objectAttributesTotal)
        }
    }

    /// 26 characters of Crockford's base32 (no I, L, O or U), the first at most 7 (a 48-bit time).
    public static func isULID(_ text: String) -> Bool {
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let upper = text.uppercased()
        guard upper.count == 26, upper.allSatisfy(alphabet.contains), let first = upper.first else { return false }
        return "01234567".contains(first)
    }
}
