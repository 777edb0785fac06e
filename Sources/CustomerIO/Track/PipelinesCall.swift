import Foundation

/// The Pipelines (Data Pipelines, CDP) API's calls, for checking an integration by hand: each a `POST /v1/<call>`
/// with the source's write key, held to the vendor's required fields and sizes before it is planned.
public enum PipelinesCall: String, Sendable, Hashable, CaseIterable {
    case identify, track, page, screen, group, alias, batch

    /// What the call needs besides the common fields, in words, for the form's hints and the refusals.
    public var needs: String {
        switch self {
        case .identify: "userId or anonymousId; traits optional"
        case .track: "event, and userId or anonymousId; properties optional"
        case .page, .screen: "userId or anonymousId; name and properties optional"
        case .group: "groupId, and userId or anonymousId; traits optional (objectTypeId, default \"1\")"
        case .alias: "previousId and userId"
        case .batch: "a JSON array of calls, each with its type"
        }
    }

    /// The vendor's limit for one call (and for each call in a batch), and for a batch.
    public static let callLimit = 32_000
    public static let batchLimit = 500_000

    /// The first problem with one call's body, or nil: required identifiers and fields, and the size.
    public func problem(_ body: [String: JSONValue], at field: String = "") -> TrackProblem? {
        func has(_ key: String) -> Bool {
            guard let value = body[key] else { return false }
            if case .string(let text) = value { return !text.trimmingCharacters(in: .whitespaces).isEmpty }
            return value != .null
        }
        let person = has("userId") || has("anonymousId")
        if let missing = missingField(has: has, person: person) { return TrackProblem(field + missing.0, missing.1) }
        for key in ["traits", "properties", "context"] where body[key] != nil {
            guard case .object = body[key] else { return TrackProblem(field + key, "must be a JSON object") }
        }
        let value = JSONValue.object(body)
        if value.depth > JSONValue.maximumDepth + 1 {
            return TrackProblem(field.isEmpty ? "body" : field, "values may nest at most \(JSONValue.maximumDepth) levels deep")
        }
        let size: Int
        do { size = try TrackJSON.encode(value).count } catch {
            return TrackProblem(field.isEmpty ? "body" : field, "cannot be written as JSON (\(error))")
        }
        return size > Self.callLimit ? TrackProblem(field.isEmpty ? "body" : field, "\(size) bytes; a call may be at most 32 kB") : nil
    }

    /// The required field that is missing, and what to say about it.
    private func missingField(has: (String) -> Bool, person: Bool) -> (String, String)? {
        switch self {
        case .identify, .page, .screen:
            return person ? nil : ("userId", "\(rawValue) needs a userId or an anonymousId")
        case .track:
            if !has("event") { return ("event", "track needs the event's name") }
            return person || has("groupId") ? nil : ("userId", "track needs a userId or an anonymousId")
        case .group:
            if !has("groupId") { return ("groupId", "group needs a groupId") }
            return person ? nil : ("userId", "group needs a userId or an anonymousId")
        case .alias:
            if !has("previousId") { return ("previousId", "alias needs previousId and userId") }
            return has("userId") ? nil : ("userId", "alias needs previousId and userId")
        case .batch:
            return nil
        }
    }

    /// `POST /v1/<call>` with this body, checked first. A batch's body is `{"batch": [calls]}`, each call with its
    /// `type`, checked one by one.
    public func request(_ body: [String: JSONValue]) throws -> APIRequest {
        if self == .batch { try Self.checkBatch(body) } else if let problem = problem(body) { throw problem }
        let data = try TrackJSON.encode(JSONValue.object(body))
        if self == .batch, data.count > Self.batchLimit { throw TrackProblem("batch", "\(data.count) bytes; a batch may be at most 500 kB") }
        return APIRequest(.post, ["v1", rawValue], body: data, api: .cdp)
    }

    private static func checkBatch(_ body: [String: JSONValue]) throws {
        guard case .array(let items)? = body["batch"], !items.isEmpty else { throw TrackProblem("batch", "needs a non-empty array of calls") }
        for (index, item) in items.enumerated() {
            guard case .object(let call) = item else { throw TrackProblem("batch[\(index)]", "must be a JSON object") }
            guard case .string(let type)? = call["type"], let kind = PipelinesCall(rawValue: type), kind != .batch else {
                throw TrackProblem("batch[\(index)].type", "must be identify, track, page, screen, group or alias")
            }
            if let problem = kind.problem(call, at: "batch[\(index)].") { throw problem }
        }
    }
}
