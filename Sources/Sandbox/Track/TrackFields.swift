/// The Track API's documented limits (bytes are UTF-8 bytes; a kB is 1,024 bytes).
enum TrackLimits {
    static let identifierBytes = 150
    static let attributeNameBytes = 150
    static let attributeValueBytes = 1_000
    static let attributesPerCall = 300
    static let eventNameBytes = 100
    static let eventDataBytes = 100_000
    static let objectAttributeBytes = 100 * 1_024
    static let entityBytes = 32 * 1_024
    static let batchBytes = 500 * 1_024
}

/// Reads one JSON object's fields for validation; every refusal names the field by its path (`device.token`).
struct TrackFields {
    let value: SandboxJSON
    let path: String

    init(_ value: SandboxJSON, path: String = "") {
        self.value = value
        self.path = path
    }

    /// The fields of `value`, which must be an object.
    static func object(_ value: SandboxJSON?, field: String) throws(TrackProblem) -> TrackFields {
        guard let value, !value.isNull else { throw .required(field) }
        guard value.members != nil else { throw .type(field, "an object") }
        return TrackFields(value, path: field)
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { value[key].map { !$0.isNull } ?? false }

    /// `allowsNull: false` for a member the spec does not mark nullable, where an explicit null means nothing the
    /// API could act on (absent is fine, null is a malformed request).
    func string(_ key: String, allowsNull: Bool = true) throws(TrackProblem) -> String? {
        guard let field = value[key] else { return nil }
        if field.isNull, allowsNull { return nil }
        guard let text = field.stringValue else { throw .type(name(key), "a string") }
        return text
    }

    func requiredString(_ key: String) throws(TrackProblem) -> String {
        guard let text = try string(key), !text.isEmpty else { throw .required(name(key)) }
        return text
    }

    func int(_ key: String, allowsNull: Bool = true) throws(TrackProblem) -> Int? {
        guard let field = value[key] else { return nil }
        if field.isNull, allowsNull { return nil }
        guard case .int(let number) = field else { throw .type(name(key), "an integer") }
        return number
    }

    func bool(_ key: String) throws(TrackProblem) -> Bool? {
        guard let field = value[key], !field.isNull else { return nil }
        guard case .bool(let flag) = field else { throw .type(name(key), "true or false") }
        return flag
    }

    func object(_ key: String) throws(TrackProblem) -> TrackFields? {
        guard let field = value[key], !field.isNull else { return nil }
        return try Self.object(field, field: name(key))
    }

    func array(_ key: String) throws(TrackProblem) -> [SandboxJSON]? {
        guard let field = value[key], !field.isNull else { return nil }
        guard let items = field.arrayValue else { throw .type(name(key), "an array") }
        return items
    }

    /// An identifier-like value: a non-empty string of at most 150 bytes.
    func identifier(_ key: String) throws(TrackProblem) -> String {
        let text = try requiredString(key)
        try Self.limit(text, TrackLimits.identifierBytes, field: name(key))
        return text
    }

    static func limit(_ text: String, _ bytes: Int, field: String) throws(TrackProblem) {
        let count = text.utf8.count
        if count > bytes { throw .tooLong(field, bytes, count) }
    }

    /// How an attribute value is measured against its limit: a string by its bytes, anything else by its compact JSON.
    static func size(_ value: SandboxJSON) -> Int {
        if case .string(let text) = value { return text.utf8.count }
        return value.serialized().count
    }

    /// How the App API shows a value: strings as they are, everything else as compact JSON.
    static func display(_ value: SandboxJSON) -> String {
        if case .string(let text) = value { return text }
        return value.text
    }
}
