/// A request member read as `Value` when it has that shape, and `.mismatch` when it is there with another, so a
/// handler refuses it in its own words, at its own turn, instead of the decoder refusing the whole body first.
enum Lenient<Value: Decodable & Sendable>: Decodable, Sendable {
    case value(Value)
    case mismatch

    init(from decoder: any Decoder) throws {
        if let value = try? Value(from: decoder) { self = .value(value) } else { self = .mismatch }
    }

    /// The value, or nil when it had another shape.
    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// A whole number sent as a number or a numeric string, as the API is loose about (see `SandboxJSON.intValue`).
struct LooseInt: Decodable, Sendable {
    let value: Int

    init(from decoder: any Decoder) throws { value = try SandboxJSON.read(decoder, as: \.intValue) }
}

/// A flag sent as a boolean or as the string "true" or "false" (see `SandboxJSON.boolValue`).
struct LooseBool: Decodable, Sendable {
    let value: Bool

    init(from decoder: any Decoder) throws { value = try SandboxJSON.read(decoder, as: \.boolValue) }
}

/// A person's id sent as a string, or as a whole number read as its digits.
struct LooseID: Decodable, Sendable {
    let text: String

    init(from decoder: any Decoder) throws { text = try SandboxJSON.read(decoder) { $0.stringValue ?? $0.intValue.map(String.init) } }
}

extension SandboxJSON {
    /// The decoder's value through one of the loose readings above; a value the reading does not take is a type
    /// mismatch (which `Lenient` keeps as `.mismatch`).
    static func read<T>(_ decoder: any Decoder, as reading: (SandboxJSON) -> T?) throws -> T {
        guard let value = reading(try SandboxJSON(from: decoder)) else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: decoder.codingPath, debugDescription: "not a \(T.self)"))
        }
        return value
    }

    /// Decodes a request body's members into `T`; a body that is not an object has none of them.
    func decodeMembers<T: Decodable>(_ type: T.Type) throws -> T {
        try (members == nil ? SandboxJSON.object([]) : self).decode(type)
    }
}

extension KeyedDecodingContainer {
    /// A member read even when it is null (a null has no other shape, so it is a `.mismatch`), for the members a
    /// handler refuses a null for; nil only when the member is absent.
    func decodeIncludingNull<Value>(_ type: Lenient<Value>.Type, forKey key: Key) throws -> Lenient<Value>? {
        contains(key) ? try decode(type, forKey: key) : nil
    }
}
