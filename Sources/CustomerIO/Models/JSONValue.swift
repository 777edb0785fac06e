import Foundation

/// Any JSON value; used for customer attributes and other free-form payloads the API doesn't type.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// How deeply a value cio sends may nest (the JSON checker refuses deeper text), with room for the levels a
    /// request body wraps it in. Why this low: decoding and encoding recurse, and the deepest value accepted must
    /// still fit a worker thread's small stack (a 511-deep event needed 1.5–2 MB and crashed under `ulimit -s`).
    /// Real payloads nest a handful of levels.
    public static let maximumDepth = 32

    /// How deeply a value read from a server is followed; deeper parts read as `tooDeep`, so one odd activity
    /// does not fail the list it is in. Counted from the root of the answer, which wraps the value a few levels.
    public static let readDepth = maximumDepth + 8

    /// What stands in for a part of an answer nested deeper than `readDepth`.
    public static let tooDeep = JSONValue.string("(nested too deeply to show)")

    public init(from decoder: any Decoder) throws {
        // Past the read depth, stop here rather than recurse further (and decode nothing below this point).
        if decoder.codingPath.count >= Self.readDepth {
            self = Self.tooDeep
            return
        }
        let container = try decoder.singleValueContainer()
        // Strings first: attribute values come back as strings, and every failed try here throws (slowly).
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        // Whole numbers go out as integers so ids and timestamps never grow a ".0".
        case .number(let value):
            if let whole = Self.exactInteger(value) { try container.encode(whole) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as a person would read it: strings unquoted, `2` not `2.0`, compact JSON for containers.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.numberText(value)
        case .string(let value): return value
        case .array, .object: return compactJSON
        }
    }

    /// Compact JSON text with sorted keys, so the same value always renders the same way.
    public var compactJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else { return "" }
        return text
    }

    /// The deepest nesting of arrays and objects in JSON text, counted in one pass without recursion (brackets
    /// inside strings do not count): what a reader checks before decoding text it does not trust.
    public static func nesting(of bytes: some Sequence<UInt8>) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// How many levels of arrays and objects the value holds (0 for a scalar), counted without recursion.
    public var depth: Int {
        var deepest = 0
        var pending: [(JSONValue, Int)] = [(self, 0)]
        while let (value, level) = pending.popLast() {
            switch value {
            case .array(let items): pending += items.map { ($0, level + 1) }
            case .object(let members): pending += members.values.map { ($0, level + 1) }
            default: deepest = max(deepest, level)
            }
            if case .array(let items) = value, items.isEmpty { deepest = max(deepest, level + 1) }
            if case .object(let members) = value, members.isEmpty { deepest = max(deepest, level + 1) }
        }
        return deepest
    }

    /// True for `.null`.
    public var isNull: Bool { self == .null }

    static func exactInteger(_ value: Double) -> Int64? {
        guard value.isFinite, value.rounded(.towardZero) == value, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }

    static func numberText(_ value: Double) -> String {
        if let whole = exactInteger(value) { return String(whole) }
        return String(value)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
