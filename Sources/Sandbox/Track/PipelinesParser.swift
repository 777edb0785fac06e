import Foundation

/// Pipelines (CDP) calls, Segment-style (`userId`, `anonymousId`, `traits`, `properties`), read into the same
/// operations as the Track API. A refusal's `message` is what strict mode answers with.
enum PipelinesParser {
    /// A call named by its path or a batch item's `type`: the body and its timestamp are checked before the name.
    static func operation(_ callName: String, _ body: SandboxJSON) throws(TrackProblem) -> SandboxTrackOperation {
        guard body.members != nil else { throw .type("body", "an object") }
        let fields = TrackFields(body)
        let timestamp = try time(fields)
        guard let call = PipelinesCall(rawValue: callName) else {
            throw .value("type", "type must be one of identify, track, page, screen, group or alias (got \(callName))")
        }
        switch call {
        case .identify: return try identify(fields, timestamp)
        case .track:
            let event = try fields.requiredString("event")
            try TrackFields.limit(event, TrackLimits.eventNameBytes, field: "event")
            return try activity(ActivityInput(type: .event, name: event, data: properties(fields), timestamp: timestamp), fields)
        case .page, .screen:
            let name = try fields.string("name") ?? ""
            let kind: ActivityKind = call == .page ? .page : .screen
            return try activity(ActivityInput(type: kind, name: name, data: properties(fields), timestamp: timestamp), fields)
        case .group: return try group(fields)
        case .alias:
            guard try identifier(fields, "previousId") != nil else { throw .required("previousId") }
            guard try identifier(fields, "userId") != nil else { throw .required("userId") }
            return .accepted
        }
    }

    /// `userId` (or `anonymousId`, when `key` is that): a string or a number, at most 150 bytes.
    private static func identifier(_ fields: TrackFields, _ key: String) throws(TrackProblem) -> String? {
        guard let value = fields.value[key], !value.isNull else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        default: throw .type(key, "a string")
        }
        guard !text.isEmpty else { throw .required(key) }
        try TrackFields.limit(text, TrackLimits.identifierBytes, field: key)
        return text
    }

    /// Who the call is about: `userId` when given; an `anonymousId` alone is accepted and names no one here.
    private static func user(_ fields: TrackFields) throws(TrackProblem) -> PersonRef? {
        let user = try identifier(fields, "userId")
        let anonymous = try identifier(fields, "anonymousId")
        guard user != nil || anonymous != nil else { throw TrackProblem(reason: "required", field: "userId", message: "userId or anonymousId is required") }
        return user.map(PersonRef.id)
    }

    private static func identify(_ fields: TrackFields, _ timestamp: Int?) throws(TrackProblem) -> SandboxTrackOperation {
        let traits = try TrackParse.personAttributes(fields.object("traits"))
        guard let ref = try user(fields) else { return .accepted }
        return .identify(ref, PersonUpdate(attributes: traits.changes, updateOnly: traits.updateOnly, topics: traits.topics, timestamp: timestamp))
    }

    private static func activity(_ input: ActivityInput, _ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        let size = input.data.serialized().count
        if size > TrackLimits.eventDataBytes { throw .tooLong("properties", TrackLimits.eventDataBytes, size) }
        guard let ref = try user(fields) else { return .anonymousActivity(input, anonymousID: try identifier(fields, "anonymousId")) }
        return .activity(ref, input)
    }

    private static func properties(_ fields: TrackFields) throws(TrackProblem) -> SandboxJSON {
        try fields.object("properties")?.value ?? .object([])
    }

    /// `group`: the user belongs to the object `groupId` of type `traits.objectTypeId` (default "1"), which is created
    /// or updated with the other traits.
    private static func group(_ fields: TrackFields) throws(TrackProblem) -> SandboxTrackOperation {
        guard let groupID = try identifier(fields, "groupId") else { throw .required("groupId") }
        let ref = try user(fields)
        let traits = try fields.object("traits")
        let typeText = try traits?.string("objectTypeId") ?? "1"
        let type = try TrackParse.objectType(typeText, field: "traits.objectTypeId")
        let attributes = try TrackParse.objectAttributes(traits).filter { $0.name != "objectTypeId" }
        let people = ref.map { [PersonLink(person: $0, attributes: [:])] } ?? []
        return .identifyObject(.key(ObjectKey(type: type, id: groupID)), attributes: attributes, people: people)
    }

    /// `timestamp`: an ISO 8601 date, as Segment-style sources send it.
    private static func time(_ fields: TrackFields) throws(TrackProblem) -> Int? {
        guard let text = try fields.string("timestamp") else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Int(date.timeIntervalSince1970) }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { throw .value("timestamp", "timestamp must be an ISO 8601 date (got \(text))") }
        return Int(date.timeIntervalSince1970)
    }
}
