import CustomerIO
import Foundation

/// The Pipelines API test tool (`P`, `:pipelines`): an identify / track / page / screen / group / alias call or a
/// batch, built on a form whose fields follow the call, checked against the vendor's required fields, reviewed,
/// sent with the source's write key in strict mode (so a bad key or payload is refused, not silently dropped), and
/// its answer shown.
enum PipelinesWrites {
    /// The fields a call asks for, in order, the call first.
    static func fields(for call: PipelinesCall) -> [TrackFormField] {
        let choice = TrackFormField(.call, call.rawValue, choices: PipelinesCall.allCases.map(\.rawValue))
        switch call {
        case .identify, .page, .screen:
            return [choice, TrackFormField(.userID), TrackFormField(.anonymousId)] + (call == .identify ? [] : [TrackFormField(.callName)]) + [TrackFormField(.properties)]
        case .track: return [choice, TrackFormField(.userID), TrackFormField(.anonymousId), TrackFormField(.callName), TrackFormField(.properties)]
        case .group: return [choice, TrackFormField(.userID), TrackFormField(.anonymousId), TrackFormField(.groupID), TrackFormField(.properties)]
        case .alias: return [choice, TrackFormField(.userID), TrackFormField(.previousID)]
        case .batch: return [choice, TrackFormField(.batch)]
        }
    }

    /// After the call changes: its fields, keeping what was typed into the ones it shares with the last.
    static func refit(_ form: inout TrackForm) {
        guard let call = PipelinesCall(rawValue: form.value(.call)) else { return }
        let typed = Dictionary(form.fields.map { ($0.name, $0.input) }, uniquingKeysWith: { first, _ in first })
        form.fields = fields(for: call).map { field in
            var field = field
            if field.name != .call, let input = typed[field.name] { field.input = input }
            return field
        }
        form.recheck()
    }

    static func plan(_ form: TrackForm) throws -> PlannedWrite {
        guard let call = PipelinesCall(rawValue: form.value(.call)) else { throw TrackProblem("call", "pick a call") }
        let body = try self.body(call, form)
        var write = PlannedWrite(kind: .pipelines(call: call.rawValue), request: try call.request(body), title: "Pipelines API: \(call.rawValue)")
        write.summary = [call == .batch ? "A batch of \(body["batch"].flatMap { if case .array(let items) = $0 { items.count } else { nil } } ?? 0) calls" : "One \(call.rawValue) call",
                         "Sent with X-Strict-Mode: 1, so a bad key or payload is refused (without it the API answers 200 and drops it).",
                         "A test of an integration: what it sends lands in the workspace like any other data."]
        return write
    }

    /// The call's body from the form: identifiers, its own fields, traits or properties, and a message id.
    private static func body(_ call: PipelinesCall, _ form: TrackForm) throws -> [String: JSONValue] {
        if call == .batch {
            switch JSONChecker.value(form.value(.batch)) {
            case .success(.array(let items)): return ["batch": .array(items)]
            case .success: throw TrackProblem("batch", "must be a JSON array of calls")
            case .failure(let problem): throw TrackProblem("batch", problem.description)
            }
        }
        var body: [String: JSONValue] = [:]
        let pairs: [(TrackFormField.Name, String)] = [(.userID, "userId"), (.anonymousId, "anonymousId"), (.groupID, "groupId"), (.previousID, "previousId")]
        for (name, key) in pairs where !form.value(name).isEmpty { body[key] = .string(form.value(name)) }
        if !form.value(.callName).isEmpty { body[call == .track ? "event" : "name"] = .string(form.value(.callName)) }
        let extra = try PersonAction.jsonObject(form, .properties)
        if !extra.isEmpty { body[call == .identify || call == .group ? "traits" : "properties"] = .object(extra) }
        // One id per form, so the same call sent twice is recognisable as one.
        body["messageId"] = .string(form.messageID)
        return body
    }
}
