import Foundation

/// Which identifier a customer path value is; sent as `id_type` on every customer path.
public enum IDType: String, Sendable, CaseIterable, Codable {
    case id
    case email
    case cioID = "cio_id"
    /// E.164; only where the workspace has phone enabled as an identifier.
    case phone

    /// Reads `id`, `email`, `cio_id` (or `cioid`) and `phone`.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "id": self = .id
        case "email": self = .email
        case "cio_id", "cioid", "cio-id": self = .cioID
        case "phone": self = .phone
        default: return nil
        }
    }

    /// A typed person as the API's customer paths take them: the type (given, else guessed) and the value, a
    /// cio_id without its `cio_` prefix — with `id_type=cio_id` the vendor's docs send the bare value; the prefix is
    /// for the places that have no id_type (`/v1/activities?customer_id=cio_…`).
    public static func pathValue(_ typed: String, as given: IDType? = nil) -> (value: String, type: IDType) {
        let type = given ?? guess(for: typed)
        return (type == .cioID && typed.hasPrefix("cio_") ? String(typed.dropFirst(4)) : typed, type)
    }

    /// Guesses the type of a value a person typed: an email has an @, a cio_id is `cio_…`, a phone starts with +.
    public static func guess(for value: String) -> IDType {
        if value.contains("@") { return .email }
        if value.hasPrefix("cio_") { return .cioID }
        if value.hasPrefix("+"), value.dropFirst().allSatisfy(\.isNumber), value.count > 6 { return .phone }
        return .id
    }
}

/// Exactly one identifier of a person, as sends and triggers require (`{"id":…}`, `{"email":…}` or `{"cio_id":…}`).
public enum CustomerIdentifier: Sendable, Hashable, Codable {
    case id(String)
    case email(String)
    case cioID(String)

    private enum Key: String, CodingKey { case id, email, cio_id }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let value = try container.decodeIfPresent(String.self, forKey: .id) {
            self = .id(value)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .email) {
            self = .email(value)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .cio_id) {
            self = .cioID(value)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "identifiers need one of id, email, cio_id"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .id(let value): try container.encode(value, forKey: .id)
        case .email(let value): try container.encode(value, forKey: .email)
        case .cioID(let value): try container.encode(value, forKey: .cio_id)
        }
    }

    /// The value and its `id_type`, for customer paths.
    public var pathValue: (value: String, type: IDType) {
        switch self {
        case .id(let value): (value, .id)
        case .email(let value): (value, .email)
        case .cioID(let value): (value, .cioID)
        }
    }

    /// What it says, for review screens: `email jane@example.com`.
    public var summary: String {
        let (value, type) = pathValue
        return "\(type.rawValue) \(value)"
    }
}
