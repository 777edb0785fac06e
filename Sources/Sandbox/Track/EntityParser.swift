/// Track v2 operations (`/api/v2/entity`, each item of `/api/v2/batch`): `type` and `action` pick the shape, which
/// is checked as the vendor spec describes it.
enum EntityParser {
    static func operation(_ value: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        guard value.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(value)
        let typeName = try fields.requiredString("type")
        let actionName = try fields.requiredString("action")
        guard let type = EntityType(rawValue: typeName) else {
            throw .value("type", "type must be person, object or delivery (got \(typeName))")
        }
        switch type {
        case .person:
            guard let action = PersonAction(rawValue: actionName) else { throw unknown(actionName, type: type) }
            return try person(action, fields)
        case .object:
            guard let action = ObjectAction(rawValue: actionName) else { throw unknown(actionName, type: type) }
            return try object(action, fields)
        case .delivery:
            guard actionName == "event" else { throw unknown(actionName, type: type) }
            return try deliveryEvent(fields)
        }
    }

    private static func person(_ action: PersonAction, _ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        switch action {
        case .merge:
            return .merge(
                primary: try TrackParse.person(fields.value["primary"], field: "primary"),
                secondary: try TrackParse.person(fields.value["secondary"], field: "secondary")
            )
        case .identify: return try identify(identifiers(fields), fields)
        case .delete: return .delete(try identifiers(fields))
        case .suppress: return .suppress(try identifiers(fields))
        case .unsuppress: return .unsuppress(try identifiers(fields))
        case .addDevice: return .addDevice(try identifiers(fields), try device(fields, tokenKey: "token"))
        case .deleteDevice:
            let ref = try identifiers(fields)
            guard let device = try fields.object("device") else { throw .required("device") }
            return .deleteDevice(ref, token: try device.requiredString("token"))
        case .addRelationships, .deleteRelationships:
            let ref = try identifiers(fields)
            guard let items = try fields.array("cio_relationships") else { throw .required("cio_relationships") }
            return .relate(ref, try TrackParse.objectLinks(items, field: "cio_relationships"), add: action == .addRelationships)
        case .event, .page, .screen:
            // The three actions are named as the activities they record.
            let kind = ActivityKind(rawValue: action.rawValue) ?? .event
            return .activity(try identifiers(fields), try activity(kind, fields, dataKey: "attributes"))
        }
    }

    /// The person every action but a merge names: `identifiers`.
    private static func identifiers(_ fields: TrackFields) throws(TrackProblem) -> PersonRef {
        try TrackParse.person(fields.value["identifiers"], field: "identifiers")
    }

    private static func unknown(_ action: String, type: EntityType) -> TrackProblem {
        .value("action", "\(action) is not an action for type \(type.rawValue)")
    }

    private static func identify(_ ref: PersonRef, _ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        let attributes = try TrackParse.personAttributes(fields.object("attributes"))
        var links: [ObjectLink] = []
        if let items = try fields.array("cio_relationships") { links = try TrackParse.objectLinks(items, field: "cio_relationships") }
        return .identify(ref, PersonUpdate(
            attributes: attributes.changes, updateOnly: attributes.updateOnly, topics: attributes.topics,
            timestamp: try fields.int("timestamp"), links: links
        ))
    }

    /// A device: its token (`token` in v2, `id` in v1), platform `ios` or `android`, and when it was last used.
    static func device(_ fields: TrackFields, tokenKey: String) throws(TrackProblem) -> TrackedDevice {
        guard let device = try fields.object("device") else { throw .required(fields.name("device")) }
        // Present, but possibly empty: the spec gives the token no minLength.
        guard let token = try device.string(tokenKey) else { throw .required(device.name(tokenKey)) }
        let platform = try device.requiredString("platform")
        guard platform == "ios" || platform == "android" else { throw .value(device.name("platform"), "platform must be ios or android (got \(platform))") }
        if let attributes = try device.object("attributes") {
            for member in attributes.value.members ?? [] where member.value.stringValue == nil && !member.value.isNull {
                throw .type(attributes.name(member.key), "a string")
            }
        }
        return TrackedDevice(token: token, platform: platform, lastUsed: try device.int("last_used") ?? 0)
    }

    /// An event, page or screen: a name, and optional data, id and time.
    static func activity(_ kind: ActivityKind, _ fields: TrackFields, dataKey: String) throws(TrackProblem) -> ActivityInput {
        // Present, but possibly empty: the spec gives `name` no minLength.
        guard let name = try fields.string("name") else { throw .required(fields.name("name")) }
        if kind == .event { try TrackFields.limit(name, TrackLimits.eventNameBytes, field: fields.name("name")) }
        let id = try fields.string("id", allowsNull: false)
        // The data is an object in the spec, never nullable: an explicit null is refused, an absent one is empty.
        if fields.value[dataKey]?.isNull == true { throw .type(fields.name(dataKey), "an object") }
        let data = try fields.object(dataKey)?.value ?? .object([])
        let size = data.serialized().count
        if size > TrackLimits.eventDataBytes { throw .tooLong(fields.name(dataKey), TrackLimits.eventDataBytes, size) }
        return ActivityInput(type: kind, name: name, data: data, timestamp: try fields.int("timestamp", allowsNull: false), id: id)
    }

    private static func object(_ action: ObjectAction, _ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        var people: [PersonLink]?
        if let items = try fields.array("cio_relationships") { people = try TrackParse.personLinks(items, field: "cio_relationships") }
        // Only an identify's schema requires the object's identifiers; a delete or relationship change without
        // them names no object, so it changes nothing.
        if !action.identifies, !fields.has("identifiers") {
            if action != .delete, people == nil { throw .required("cio_relationships") }
            return .accepted
        }
        let ref = try TrackParse.object(fields.value["identifiers"], field: "identifiers")
        switch action {
        case .identify, .identifyAnonymous:
            return .identifyObject(ref, attributes: try TrackParse.objectAttributes(fields.object("attributes")), people: people ?? [])
        case .delete:
            return .deleteObject(ref)
        case .addRelationships, .deleteRelationships:
            guard let people else { throw .required("cio_relationships") }
            return .relateObject(ref, people, add: action == .addRelationships)
        }
    }

    /// Delivery metrics (opened, converted, delivered) are accepted; the sandbox's deliveries keep their own.
    private static func deliveryEvent(_ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        // The spec requires the identifiers object but none of its members; a delivery id, when given, is a string.
        let identifiers = try TrackFields.object(fields.value["identifiers"], field: "identifiers")
        _ = try identifiers.string("id", allowsNull: false)
        guard DeliveryEventName(rawValue: try fields.requiredString("name")) != nil else {
            throw .value("name", "name must be opened, converted or delivered")
        }
        // The spec requires the attributes, an object holding the device token.
        let attributes = try TrackFields.object(fields.value["attributes"], field: fields.name("attributes"))
        if try attributes.string("device_token", allowsNull: false) == nil { throw .required(attributes.name("device_token")) }
        return .accepted
    }
}
