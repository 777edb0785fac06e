import Foundation

/// An audience filter in the App API's grammar: customer search, broadcast `recipients` and export `filters`.
///
/// Encodes to exactly one key per level, as the API requires:
/// `{"and":[…]}`, `{"or":[…]}`, `{"not":{…}}`, `{"segment":{"id":12}}`,
/// `{"attribute":{"field":"plan","operator":"eq","value":"pro"}}` or `{"attribute":{"field":"phone","operator":"exists"}}`.
public indirect enum AudienceFilter: Sendable, Hashable {
    case and([AudienceFilter])
    case or([AudienceFilter])
    case not(AudienceFilter)
    case segment(id: Int)
    case attribute(field: String, condition: AttributeCondition)
}

/// What an attribute condition asks of a field; the API offers only equality and existence.
public enum AttributeCondition: Sendable, Hashable {
    case equals(String)
    case exists
}

extension AudienceFilter: Codable {
    private enum Key: String, CodingKey, CaseIterable {
        case and, or, not, segment, attribute
    }

    private enum SegmentKey: String, CodingKey { case id }
    private enum AttributeKey: String, CodingKey { case field, `operator`, value }

    public init(from decoder: any Decoder) throws {
        // Stop before recursing further than any filter the API takes, whatever the input's nesting.
        let enclosing = decoder.codingPath.filter { ["and", "or", "not"].contains($0.stringValue) }.count
        guard enclosing <= FilterQuery.maxDepth else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a filter nests at most \(FilterQuery.maxDepth) levels of and / or / not"
            ))
        }
        let container = try decoder.container(keyedBy: Key.self)
        let present = Key.allCases.filter { container.contains($0) }
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a filter needs exactly one of and, or, not, segment, attribute; found \(present.isEmpty ? "none" : present.map(\.rawValue).joined(separator: ", "))"
            ))
        }
        switch key {
        case .and:
            self = .and(try container.decode([AudienceFilter].self, forKey: .and))
        case .or:
            self = .or(try container.decode([AudienceFilter].self, forKey: .or))
        case .not:
            self = .not(try container.decode(AudienceFilter.self, forKey: .not))
        case .segment:
            let segment = try container.nestedContainer(keyedBy: SegmentKey.self, forKey: .segment)
            // The vendor's examples show the id as a number; tolerate a numeric string too.
            if let number = try? segment.decode(Int.self, forKey: .id) {
                self = .segment(id: number)
            } else if let text = try? segment.decode(String.self, forKey: .id), let number = Int(text) {
                self = .segment(id: number)
            } else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: segment, debugDescription: "segment id must be a whole number")
            }
        case .attribute:
            let attribute = try container.nestedContainer(keyedBy: AttributeKey.self, forKey: .attribute)
            let field = try attribute.decode(String.self, forKey: .field)
            let op = try attribute.decode(String.self, forKey: .operator)
            switch op {
            case "eq":
                self = .attribute(field: field, condition: .equals(try Self.decodeValue(attribute)))
            case "exists":
                self = .attribute(field: field, condition: .exists)
            default:
                throw DecodingError.dataCorruptedError(forKey: .operator, in: attribute, debugDescription: "operator must be eq or exists, not \(op)")
            }
        }
    }

    /// Attribute values are strings in the API, but a hand-written filter may carry a number or a boolean.
    private static func decodeValue(_ container: KeyedDecodingContainer<AttributeKey>) throws -> String {
        if let text = try? container.decode(String.self, forKey: .value) { return text }
        if let whole = try? container.decode(Int.self, forKey: .value) { return String(whole) }
        if let number = try? container.decode(Double.self, forKey: .value) { return String(number) }
        if let flag = try? container.decode(Bool.self, forKey: .value) { return String(flag) }
        throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "an eq condition needs a value")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .and(let parts):
            try container.encode(parts, forKey: .and)
        case .or(let parts):
            try container.encode(parts, forKey: .or)
        case .not(let inner):
            try container.encode(inner, forKey: .not)
        case .segment(let id):
            var segment = container.nestedContainer(keyedBy: SegmentKey.self, forKey: .segment)
            try segment.encode(id, forKey: .id)
        case .attribute(let field, let condition):
            var attribute = container.nestedContainer(keyedBy: AttributeKey.self, forKey: .attribute)
            try attribute.encode(field, forKey: .field)
            switch condition {
            case .equals(let value):
                try attribute.encode("eq", forKey: .operator)
                try attribute.encode(value, forKey: .value)
            case .exists:
                try attribute.encode("exists", forKey: .operator)
            }
        }
    }
}
