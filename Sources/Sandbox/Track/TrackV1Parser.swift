/// Track API v1 request bodies, read into the same operations as v2.
enum TrackV1Parser {
    /// The person a v1 path names: its kind comes from its shape (`@` an email, `cio_` a cio_id, else an id).
    static func person(_ identifier: String) throws(TrackProblem) -> PersonRef {
        guard !identifier.isEmpty else { throw .required("identifier") }
        try TrackFields.limit(identifier, TrackLimits.identifierBytes, field: "identifier")
        return PersonRef.guessed(from: identifier)
    }

    /// `PUT /api/v1/customers/{identifier}`: attributes, with the reserved keys the spec lists.
    static func identify(_ ref: PersonRef, _ body: SandboxJSON) throws(TrackProblem) -> [SandboxTrackOperation] {
        guard body.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(body)
        _ = try fields.string("anonymous_id")
        let reserved: Set<String> = ["anonymous_id", "_timestamp", "cio_relationships"]
        let attributes = try TrackParse.personAttributes(fields, scalarsOnly: true, skipping: reserved)
        var update = PersonUpdate(attributes: attributes.changes, updateOnly: attributes.updateOnly, topics: attributes.topics, timestamp: try fields.int("_timestamp"))
        var operations: [SandboxTrackOperation] = []
        if let relationships = try fields.object("cio_relationships") {
            let actionName = try relationships.string("action") ?? ObjectAction.addRelationships.rawValue
            guard let action = ObjectAction(rawValue: actionName), action == .addRelationships || action == .deleteRelationships else {
                throw .value(relationships.name("action"), "action must be add_relationships or delete_relationships")
            }
            let links = try TrackParse.objectLinks(try relationships.array("relationships") ?? [], field: relationships.name("relationships"))
            if action == .addRelationships { update.links = links } else { operations.append(.relate(ref, links, add: false)) }
        }
        return [.identify(ref, update)] + operations
    }

    /// `PUT /api/v1/customers/{identifier}/devices`: `{"device":{"id",…}}` (v1 calls the token `id`).
    static func device(_ ref: PersonRef, _ body: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        return .addDevice(ref, try EntityParser.device(TrackFields(body), tokenKey: "id"))
    }

    /// A person's event (`ref`) or an anonymous one: `{name, data?, timestamp?, id?, type?}`.
    static func event(_ ref: PersonRef?, _ body: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(body)
        let typeName = try fields.string("type", allowsNull: false) ?? ActivityKind.event.rawValue
        guard let kind = ActivityKind(rawValue: typeName) else { throw .value("type", "type must be event, page or screen (got \(typeName))") }
        let input = try EntityParser.activity(kind, fields, dataKey: "data")
        // The spec's anonymous_id is a string, never null, on a person's events as on anonymous ones, and its
        // "Mobile screen view" requires one.
        let anonymousID = try fields.string("anonymous_id", allowsNull: false)
        if kind == .screen, anonymousID == nil { throw .required("anonymous_id") }
        if let data = try fields.object("data") { try checkReservedData(data, personal: ref != nil) }
        guard let ref else { return .anonymousActivity(input, anonymousID: anonymousID) }
        return .activity(ref, input)
    }

    /// The data's reserved `from_address` and `reply_to` (and on a person's event `recipient`) are addresses, so
    /// strings, and `from_address` (the spec's format) an email address.
    private static func checkReservedData(_ data: TrackFields, personal: Bool) throws(TrackProblem) {
        _ = try data.string("reply_to", allowsNull: false)
        if personal { _ = try data.string("recipient", allowsNull: false) }
        guard let from = try data.string("from_address", allowsNull: false) else { return }
        let parts = from.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .value(data.name("from_address"), "\(data.name("from_address")) must be an email address (got \(from))")
        }
    }

    /// `POST /api/v1/merge_customers`: `{"primary":{one identifier},"secondary":{one identifier}}`.
    static func merge(_ body: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        return .merge(
            primary: try TrackParse.person(body["primary"], field: "primary"),
            secondary: try TrackParse.person(body["secondary"], field: "secondary")
        )
    }
}
