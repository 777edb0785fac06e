import Foundation

/// One request as the route handlers see it: decoded path segments, decoded query, headers and body bytes.
struct Exchange: Sendable {
    let method: String
    /// Path with each segment percent-decoded (so message ids with `=` and emails with `+` arrive intact).
    let path: String
    let segments: [String]
    let query: [String: String]
    let rawQuery: String
    let headers: [String: String]
    let body: [UInt8]
    /// Monotonic seconds since the server started, when the request arrived.
    let receivedAt: Double

    init(method: String, rawPath: String, rawQuery: String?, headers: [String: String], body: [UInt8], receivedAt: Double) {
        self.method = method.uppercased()
        let parts = rawPath.split(separator: "/", omittingEmptySubsequences: true).map { Self.percentDecode(String($0), plusIsSpace: false) }
        segments = parts
        path = "/" + parts.joined(separator: "/")
        self.rawQuery = rawQuery ?? ""
        var query: [String: String] = [:]
        for pair in (rawQuery ?? "").split(separator: "&") {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Form encoding: a raw `+` is a space, so an unencoded `a+b@x.com` matches no one, as on the real API.
            let key = Self.percentDecode(String(pieces[0]), plusIsSpace: true)
            let value = pieces.count > 1 ? Self.percentDecode(String(pieces[1]), plusIsSpace: true) : ""
            if query[key] == nil { query[key] = value }
        }
        self.query = query
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    static func percentDecode(_ text: String, plusIsSpace: Bool) -> String {
        guard text.contains("%") || (plusIsSpace && text.contains("+")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else if plusIsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: query helpers

    /// An integer query parameter; a present but non-numeric value is a 400. The spec's integers have no bounds,
    /// so a whole number too large for 64 bits is clamped to the nearest one rather than refused.
    func intQuery(_ name: String) throws -> Int? {
        guard let text = query[name], !text.isEmpty else { return nil }
        if let number = Int(text) { return number }
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw APIFailure.badRequest("\(name) must be a whole number")
        }
        return text.first == "-" ? Int.min : Int.max
    }

    func boolQuery(_ name: String) throws -> Bool? {
        guard let text = query[name]?.lowercased(), !text.isEmpty else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIFailure.badRequest("\(name) must be true or false")
        }
    }

    /// `limit` with the endpoint's default and maximum: zero or negative gives the default page, since the spec's
    /// `limit` has no minimum. Above the maximum is clamped where the operation documents no 400 to refuse it with,
    /// and refused (`refusesAboveMaximum`) where it does, as a request the spec forbids.
    func limit(default defaultValue: Int, max maximum: Int, refusesAboveMaximum: Bool = false) throws -> Int {
        guard let value = try intQuery("limit") else { return defaultValue }
        guard value > 0 else { return defaultValue }
        if refusesAboveMaximum, value > maximum { throw APIFailure.badRequest("limit must be at most \(maximum)") }
        return min(value, maximum)
    }

    /// The body as JSON (an empty body is an empty object).
    func json() throws -> SandboxJSON {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([]) }
        guard let value = SandboxJSON.parse(body) else { throw APIFailure.badRequest("request body \(SandboxJSON.unreadable(body))") }
        return value
    }
}
