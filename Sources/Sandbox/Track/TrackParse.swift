/// The pieces every Track operation shares, validated as the vendor spec and limits describe them: identifiers,
/// attributes, subscription preferences and relationships.
enum TrackParse {
    // MARK: identifiers

    /// `{"id"}`, `{"email"}` or `{"cio_id"}`: exactly one, a non-empty string.
    static func person(_ value: SandboxJSON?, field: String) throws(TrackProblem) -> PersonRef {
        let fields = try TrackFields.object(value, field: field)
        let members = fields.value.members ?? []
        if members.contains(where: { $0.key == "phone" }) {
            throw .value(fields.name("phone"), "phone is not enabled as an identifier in this workspace")
        }
        guard members.count == 1, let key = members.first?.key else {
            throw .value(field, "\(field) must contain exactly one of id, email or cio_id")
        }
        let value = try fields.identifier(key)
        switch key {
        case "id": return .id(value)
        case "email": return .email(value)
        case "cio_id": return .cioID(value.hasPrefix("cio_") ? String(value.dropFirst(4)) : value)
        default: throw .value(fields.name(key), "\(key) is not an identifier: use id, email or cio_id")
        }
    }

    /// `{"object_type_id","object_id"}` or `{"cio_object_id"}`.
    static func object(_ value: SandboxJSON?, field: String) throws(TrackProblem) -> ObjectRef {
        let fields = try TrackFields.object(value, field: field)
        // The spec's cio_object_id is any string, for updates only: one Customer.io did not set (empty too) names no
        // object, so the write changes nothing rather than being refused.
        if let cioObjectID = try fields.string("cio_object_id") {
            try TrackFields.limit(cioObjectID, TrackLimits.identifierBytes, field: fields.name("cio_object_id"))
            return .cio(cioObjectID)
        }
        let type = try objectType(fields.requiredString("object_type_id"), field: fields.name("object_type_id"))
        return .key(ObjectKey(type: type, id: try fields.identifier("object_id")))
    }

    /// An object type id: a whole number of at least 1, sent as a string.
    static func objectType(_ text: String, field: String) throws(TrackProblem) -> Int {
        guard let type = Int(text), type >= 1, String(type) == text else {
            throw .value(field, "\(field) must be a whole number of at least 1, as a string (got \(text))")
        }
        return type
    }

    // MARK: attributes

    /// What a person's `attributes` carries: attributes, and the reserved `_update` and subscription preferences.
    struct PersonAttributes {
        var changes: [AttributeChange] = []
        var updateOnly = false
        var topics: [(String, Bool)] = []
    }

    private static let dottedTopics = "cio_subscription_preferences.topics."

    /// A person's attributes; `scalarsOnly` for Track v1, whose attributes are strings, numbers or booleans, and
    /// whose body mixes them with keys read elsewhere (`skipping`).
    static func personAttributes(_ fields: TrackFields?, scalarsOnly: Bool = false, skipping: Set<String> = []) throws(TrackProblem) -> PersonAttributes {
        guard let fields else { return PersonAttributes() }
        var result = PersonAttributes()
        var plain: [SandboxJSON.Member] = []
        for member in fields.value.members ?? [] where !skipping.contains(member.key) {
            let field = fields.name(member.key)
            if member.key == "_update" {
                guard case .bool(let flag) = member.value else { throw .type(field, "true or false") }
                result.updateOnly = flag
            } else if member.key == "cio_subscription_preferences" {
                result.topics += try topics(member.value, field: field)
            } else if member.key.hasPrefix(dottedTopics) {
                result.topics.append((try topic(String(member.key.dropFirst(dottedTopics.count)), field: field), try flag(member.value, field)))
            } else {
                plain.append(member)
            }
        }
        result.changes = try changes(plain, in: fields, scalarsOnly: scalarsOnly)
        return result
    }

    /// Attributes to set or remove (null or an empty string removes one), within the per-call limits.
    static func changes(_ members: [SandboxJSON.Member], in fields: TrackFields, scalarsOnly: Bool = false) throws(TrackProblem) -> [AttributeChange] {
        guard members.count <= TrackLimits.attributesPerCall else {
            throw .tooLarge(fields.path, "at most \(TrackLimits.attributesPerCall) attributes per call (got \(members.count))")
        }
        var result: [AttributeChange] = []
        for member in members {
            let field = fields.name(member.key)
            guard !member.key.isEmpty else { throw .value(field, "attribute names must not be empty") }
            let nameBytes = member.key.utf8.count
            if nameBytes > TrackLimits.attributeNameBytes {
                throw TrackProblem(reason: "too_long", field: field, message: "attribute name is \(nameBytes) bytes; the limit is \(TrackLimits.attributeNameBytes)")
            }
            try checkType(member, field: field, scalarsOnly: scalarsOnly)
            if member.value.isNull || member.value == .string("") {
                result.append(AttributeChange(name: member.key, value: nil))
                continue
            }
            let size = TrackFields.size(member.value)
            if size > TrackLimits.attributeValueBytes { throw .tooLong(field, TrackLimits.attributeValueBytes, size) }
            result.append(AttributeChange(name: member.key, value: TrackFields.display(member.value)))
        }
        return result
    }

    private static func checkType(_ member: SandboxJSON.Member, field: String, scalarsOnly: Bool) throws(TrackProblem) {
        switch (member.key, member.value) {
        case (_, .null): return
        case ("unsubscribed", .bool): return
        case ("unsubscribed", _): throw .type(field, "true or false")
        case ("email", .string): return
        case ("email", _): throw .type(field, "a string")
        case (_, .array), (_, .object):
            if scalarsOnly { throw .type(field, "a string, number or boolean") }
        default: return
        }
    }

    /// An object's or relationship's attributes: as a person's, and at most 100 kB together.
    static func objectAttributes(_ fields: TrackFields?) throws(TrackProblem) -> [AttributeChange] {
        guard let fields else { return [] }
        let total = fields.value.serialized().count
        if total > TrackLimits.objectAttributeBytes {
            throw .tooLarge(fields.path, "\(fields.path) is \(total) bytes; the limit is \(TrackLimits.objectAttributeBytes)")
        }
        return try changes(fields.value.members ?? [], in: fields)
    }

    static func relationshipAttributes(_ fields: TrackFields?) throws(TrackProblem) -> [String: String] {
        var attributes: [String: String] = [:]
        for change in try objectAttributes(fields) { attributes[change.name] = change.value }
        return attributes.compactMapValues { $0 }
    }

    // MARK: subscription preferences

    /// `{"topics":{"topic_1":true,…}}`
    static func topics(_ value: SandboxJSON, field: String) throws(TrackProblem) -> [(String, Bool)] {
        let fields = try TrackFields.object(value, field: field)
        guard let topics = try fields.object("topics") else { return [] }
        var result: [(String, Bool)] = []
        for member in topics.value.members ?? [] {
            let name = topics.name(member.key)
            result.append((try topic(member.key, field: name), try flag(member.value, name)))
        }
        return result
    }

    private static func topic(_ name: String, field: String) throws(TrackProblem) -> String {
        guard name.hasPrefix("topic_"), let number = Int(name.dropFirst(6)), number >= 1 else {
            throw .value(field, "topics are named topic_<id>, like topic_1 (got \(name))")
        }
        return name
    }

    private static func flag(_ value: SandboxJSON, _ field: String) throws(TrackProblem) -> Bool {
        guard case .bool(let flag) = value else { throw .type(field, "true or false") }
        return flag
    }

    // MARK: relationships

    /// A person's `cio_relationships`: objects, each with optional relationship attributes.
    static func objectLinks(_ items: [SandboxJSON], field: String) throws(TrackProblem) -> [ObjectLink] {
        var links: [ObjectLink] = []
        for (index, item) in items.enumerated() {
            let fields = try TrackFields.object(item, field: "\(field)[\(index)]")
            let object = try object(fields.value["identifiers"], field: fields.name("identifiers"))
            links.append(ObjectLink(object: object, attributes: try relationshipAttributes(fields.object("relationship_attributes"))))
        }
        return links
    }

    /// An object's `cio_relationships`: people, each with optional relationship attributes.
    static func personLinks(_ items: [SandboxJSON], field: String) throws(TrackProblem) -> [PersonLink] {
        var links: [PersonLink] = []
        for (index, item) in items.enumerated() {
            let fields = try TrackFields.object(item, field: "\(field)[\(index)]")
            // The spec requires neither an item's identifiers nor any member of them; an item without them names no
            // one to relate.
            guard fields.has("identifiers"), fields.value["identifiers"]?.members?.isEmpty != true else { continue }
            // identify_anonymous relates people known only by anonymous_id, which the sandbox keeps no profile for;
            // the relationship would carry over when they are identified, which it does not model.
            if fields.value["identifiers"]?["anonymous_id"] != nil { continue }
            let person = try person(fields.value["identifiers"], field: fields.name("identifiers"))
            links.append(PersonLink(person: person, attributes: try relationshipAttributes(fields.object("relationship_attributes"))))
        }
        return links
    }
}
