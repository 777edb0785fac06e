/// Track API v1 request bodies, read into the same operations as v2.
enum TrackV1Parser {
    /// The person a v1 path names: its kind comes from its shape (`@` an email, `cio_` a cio_id, else an id).
    static func person(_ identifier: String) throws(TrackProblem) -> PersonRef {
        guard !identifier.isEmpty else { throw .required("identifier") }
        try TrackFields.limit(identifier, TrackLimits.identifierBytes, field: "identifier")
        return PersonRef.guessed(from: identifier)
    }

    /// `PUT /api/v1/customers/{identifier}`: attributes, with the reserved keys the spec lists.
    static func identify(_ ref: PersonRef, _ body: JSONValue) throws(TrackProblem) -> [TrackOperation] {
        guard body.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(body)
        _ = try fields.string("anonymous_id")
        let reserved: Set<String> = ["anonymous_id", "_timestamp", "cio_relationships"]
        let attributes = try TrackParse.personAttributes(fields, scalarsOnly: true, skipping: reserved)
        var update = PersonUpdate(attributes: attributes.changes, updateOnly: attributes.updateOnly, topics: attributes.topics, timestamp: try fields.int("_timestamp"))
        var operations: [TrackOperation] = []
        if let relationships = try fields.object("cio_relationships") {
            let action = try relationships.string("action") ?? "add_relationships"
            guard action == "add_relationships" || action == "delete_relationships" else {
                throw .value(relationships.name("action"), "action must be add_relationships or delete_relationships")
            }
            let links = try TrackParse.objectLinks(try relationships.array("relationships") ?? [], field: relationships.name("relationships"))
            if action == "add_relationships" { update.links = links } else { operations.append(.relate(ref, links, add: false)) }
        }
        return [.identify(ref, update)] + operations
    }

    /// `PUT /api/v1/customers/{identifier}/devices`: `{"device":{"id",…}}` (v1 calls the token `id`).
    static func device(_ ref: PersonRef, _ body: JSONValue) throws(TrackProblem) -> TrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        return .addDevice(ref, try EntityParser.device(TrackFields(body), tokenKey: "id"))
    }

    /// A person's event (`ref`) or an anonymous one: `{name, data?, timestamp?, id?, type?}`.
    static func event(_ ref: PersonRef?, _ body: JSONValue) throws(TrackProblem) -> TrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(body)
        let type = try fields.string("type") ?? "event"
        guard ["event", "page", "screen"].contains(type) else { throw .value("type", "type must be event, page or screen (got \(type))") }
        let input = try EntityParser.activity(type, fields, dataKey: "data")
        guard let ref else { return .anonymousActivity(input, anonymousID: try fields.string("anonymous_id")) }
        return .activity(ref, input)
    }

    /// `POST /api/v1/merge_customers`: `{"primary":{one identifier},"secondary":{one identifier}}`.
    static func merge(_ body: JSONValue) throws(TrackProblem) -> TrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        return .merge(
            primary: try TrackParse.person(body["primary"], field: "primary"),
            secondary: try TrackParse.person(body["secondary"], field: "secondary")
        )
    }
}
