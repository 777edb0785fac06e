import Foundation

// The App API is loose about types: integer ids arrive as strings, string ids as numbers,
// timestamps as floats or text, arrays as null. These helpers read any of those shapes and
// fall back to nil (or empty) instead of failing a whole page over one odd field.

extension JSONValue {
    /// Text for a scalar: strings as-is, numbers as decimal text (`2`, not `2.0`), booleans as `true`/`false`.
    public var lenientString: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return Self.numberText(value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// An integer from a number (fractions truncated, as for float timestamps) or numeric text.
    public var lenientInt: Int? {
        switch self {
        case .number(let value): return Self.truncatedInt(value)
        case .string(let text): return Self.parseInt(text)
        case .null, .bool, .array, .object: return nil
        }
    }

    /// A double from a number or numeric text.
    public var lenientDouble: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        case .null, .bool, .array, .object: return nil
        }
    }

    /// A boolean from `true`/`false`, the strings "true"/"false" (any case), or 1/0.
    public var lenientBool: Bool? {
        switch self {
        case .bool(let value): return value
        case .number(let value): return value == 1 ? true : (value == 0 ? false : nil)
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        case .null, .array, .object: return nil
        }
    }

    static func truncatedInt(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 9.2e18 else { return nil }
        return Int(value.rounded(.towardZero))
    }

    static func parseInt(_ text: String) -> Int? {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // The vendor's own examples carry stray separators (an export id of "111,").
        while let last = trimmed.last, last == "," || last == ";" { trimmed.removeLast() }
        if let value = Int(trimmed) { return value }
        if let value = Double(trimmed) { return truncatedInt(value) }
        return nil
    }
}

/// Decodes one element of an array on its own, so a single malformed element can be skipped.
struct LenientElement<Wrapped: Decodable>: Decodable {
    let value: Wrapped?
    init(from decoder: any Decoder) throws { value = try? Wrapped(from: decoder) }
}

extension KeyedDecodingContainer {
    /// The raw JSON at `key`; nil when the key is missing or null.
    public func lenientValue(_ key: Key) -> JSONValue? {
        guard let value = (try? decodeIfPresent(JSONValue.self, forKey: key)) ?? nil, value != .null else { return nil }
        return value
    }

    /// A string from a string, number or boolean; nil otherwise.
    public func lenientString(_ key: Key) -> String? {
        // Fast path first: the expected type is the common case, and the JSONValue detour costs failed decodes.
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        return lenientValue(key)?.lenientString
    }

    /// An integer (id, count or unix timestamp) from an integer, a double or numeric text; nil otherwise.
    public func lenientInt(_ key: Key) -> Int? {
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return number }
        return lenientValue(key)?.lenientInt
    }

    /// A double from a number or numeric text; nil otherwise.
    public func lenientDouble(_ key: Key) -> Double? { lenientValue(key)?.lenientDouble }

    /// A boolean from a bool, "true"/"false" or 1/0; nil otherwise.
    public func lenientBool(_ key: Key) -> Bool? {
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return flag }
        return lenientValue(key)?.lenientBool
    }

    /// A nested value decoded with its own rules; nil when missing, null or malformed.
    public func lenientDecode<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// An array whose malformed elements are dropped; missing, null or non-array gives `[]`.
    public func lenientArray<T: Decodable>(_ key: Key, of type: T.Type = T.self) -> [T] {
        guard let items = (try? decodeIfPresent([LenientElement<T>].self, forKey: key)) ?? nil else { return [] }
        return items.compactMap(\.value)
    }

    /// Strings (numbers become their decimal text); missing, null or non-array gives `[]`.
    public func lenientStringArray(_ key: Key) -> [String] {
        if let strings = try? decodeIfPresent([String].self, forKey: key) { return strings }
        guard case .array(let items)? = lenientValue(key) else { return [] }
        return items.compactMap(\.lenientString)
    }

    /// Integers (numeric text accepted, other elements dropped); missing, null or non-array gives `[]`.
    public func lenientIntArray(_ key: Key) -> [Int] {
        if let numbers = try? decodeIfPresent([Int].self, forKey: key) { return numbers }
        guard case .array(let items)? = lenientValue(key) else { return [] }
        return items.compactMap(\.lenientInt)
    }

    /// Per-period counts: null (or non-numeric) entries count as 0 so positions stay aligned with periods.
    public func lenientCountArray(_ key: Key) -> [Int] {
        if let counts = try? decodeIfPresent([Int].self, forKey: key) { return counts }
        guard case .array(let items)? = lenientValue(key) else { return [] }
        return items.map { $0.lenientInt ?? 0 }
    }

    /// A free-form JSON object; missing, null or non-object gives `[:]`.
    public func lenientObject(_ key: Key) -> [String: JSONValue] {
        guard case .object(let object)? = lenientValue(key) else { return [:] }
        return object
    }

    /// A string map (e.g. headers); non-string values become their display text, nulls are dropped.
    public func lenientStringMap(_ key: Key) -> [String: String] {
        lenientObject(key).compactMapValues { $0.isNull ? nil : $0.displayText }
    }

    /// An integer map (e.g. metric → unix timestamp); entries that aren't numbers are dropped.
    public func lenientIntMap(_ key: Key) -> [String: Int] {
        lenientObject(key).compactMapValues(\.lenientInt)
    }

    /// An integer that must be there (a resource's own id): number or numeric text, else a decoding error.
    public func requiredInt(_ key: Key) throws -> Int {
        guard let raw = lenientValue(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing integer \(key.stringValue)"))
        }
        guard let value = raw.lenientInt else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key], debugDescription: "not an integer: \(raw.displayText)"))
        }
        return value
    }

    /// A string that must be there (a resource's own id): string or number, else a decoding error.
    public func requiredString(_ key: Key) throws -> String {
        guard let raw = lenientValue(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing string \(key.stringValue)"))
        }
        guard let value = raw.lenientString else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath + [key], debugDescription: "not a string: \(raw.displayText)"))
        }
        return value
    }

    /// A page's item list: missing or null gives `[]`, but anything other than an array is an error,
    /// and each element must decode — silently dropping rows would hide data.
    public func itemArray<T: Decodable>(_ key: Key, of type: T.Type = T.self) throws -> [T] {
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        return try decode([T].self, forKey: key)
    }

    /// A paging cursor; `""` means "no more pages" just like a missing one, so both become nil.
    public func nextCursor(_ key: Key) -> String? {
        guard let next = lenientString(key), !next.isEmpty else { return nil }
        return next
    }
}
