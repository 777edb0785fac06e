import CustomerIO
import Foundation

/// A JSON value with ordered object keys. Responses are built from these (not from the client's models), so the
/// sandbox is an independent reading of the vendor spec; request bodies are decoded into them too.
enum SandboxJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SandboxJSON])
    case object([Member])

    /// One key of an object, in insertion order.
    struct Member: Sendable, Equatable {
        let key: String
        let value: SandboxJSON
    }

    /// Builds an object from key/value pairs, keeping their order.
    static func obj(_ pairs: KeyValuePairs<String, SandboxJSON>) -> SandboxJSON {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    static func obj(_ pairs: [(String, SandboxJSON)]) -> SandboxJSON {
        .object(pairs.map { Member(key: $0.0, value: $0.1) })
    }

    static func str(_ text: String?) -> SandboxJSON { text.map(SandboxJSON.string) ?? .null }
    static func num(_ number: Int?) -> SandboxJSON { number.map(SandboxJSON.int) ?? .null }
    static func ints(_ numbers: [Int]) -> SandboxJSON { .array(numbers.map(SandboxJSON.int)) }
    static func strs(_ texts: [String]) -> SandboxJSON { .array(texts.map(SandboxJSON.string)) }

    subscript(key: String) -> SandboxJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var isNull: Bool { self == .null }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Integers sent as numbers or numeric strings (the API is loose about this).
    var intValue: Int? {
        switch self {
        case .int(let number): number
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: Int(number)
        case .string(let text): Int(text)
        default: nil
        }
    }

    var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    var arrayValue: [SandboxJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Compact serialization into UTF-8 bytes.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out)
        return out
    }

    var text: String { String(decoding: serialized(), as: UTF8.self) }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Self.nullBytes
        case .bool(let flag): out += flag ? Self.trueBytes : Self.falseBytes
        case .int(let number): out += Array(String(number).utf8)
        case .double(let number):
            if number.isFinite {
                if number == number.rounded(), abs(number) < 1e15 {
                    out += Array(String(Int(number)).utf8)
                } else {
                    out += Array(String(number).utf8)
                }
            } else {
                out += Self.nullBytes
            }
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0 ..< 0x20:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension SandboxJSON: Decodable {
    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [SandboxJSON] = []
            while !list.isAtEnd { items.append(try list.decode(SandboxJSON.self)) }
            self = .array(items)
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            // JSONDecoder does not promise key order; sort so decoded objects are deterministic.
            let keys = keyed.allKeys.sorted { $0.stringValue < $1.stringValue }
            self = .object(try keys.map { Member(key: $0.stringValue, value: try keyed.decode(SandboxJSON.self, forKey: $0)) })
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Int.self) {
            self = .int(number)
        } else if let number = try? single.decode(Double.self) {
            self = .double(number)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// How deeply a request body may nest. Decoding recurses, so a limit keeps the deepest body a server thread
    /// takes well inside its stack; the real service refuses absurd nesting too.
    static let maximumDepth = 100

    /// Parses UTF-8 JSON bytes; nil when they are not JSON or nest deeper than ``maximumDepth`` (``unreadable(_:)``
    /// says which).
    static func parse(_ bytes: [UInt8]) -> SandboxJSON? {
        guard nesting(bytes) <= maximumDepth else { return nil }
        return try? JSONDecoder().decode(SandboxJSON.self, from: Data(bytes))
    }

    /// Why `parse` refused these bytes, as the end of "the request body …".
    static func unreadable(_ bytes: [UInt8]) -> String {
        nesting(bytes) > maximumDepth ? "nests more than \(maximumDepth) levels deep" : "is not valid JSON"
    }

    /// The deepest nesting of arrays and objects in the bytes, counted without recursion.
    static func nesting(_ bytes: [UInt8]) -> Int { CustomerIO.JSONValue.nesting(of: bytes) }

    /// Decodes a `Decodable` (such as `AudienceFilter`) from this value by a round trip through bytes.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(serialized()))
    }
}

/// A coding key for arbitrary object keys.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
