/// The vendor's error bodies.
enum Envelopes {
    /// A short hex reference like the vendor appends to error details ("(reference a1b2c3)").
    static func reference(_ counter: UInt64) -> String {
        let value = SplitMix64.finalize(counter &+ 0x5EED) & 0xFF_FFFF
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    static func errors(status: Int, detail: String, pointer: String? = nil) -> SandboxJSON {
        var item: [(String, SandboxJSON)] = [("detail", .string(detail))]
        if let pointer { item.append(("source", .obj(["pointer": .string(pointer)]))) }
        item.append(("status", .string(String(status))))
        return .obj(["errors": .array([.obj(item)])])
    }

    static func meta(_ message: String) -> SandboxJSON {
        .obj(["meta": .obj(["error": .string(message)])])
    }

    static func reply(for failure: APIFailure, reference: String) -> Reply {
        let body: SandboxJSON
        switch failure.envelope {
        case .errors: body = errors(status: failure.status, detail: "\(failure.detail) (reference \(reference))")
        case .meta: body = meta(failure.detail)
        case .pointer(let pointer): body = errors(status: failure.status, detail: failure.detail, pointer: pointer)
        }
        var reply = Reply.json(body, status: failure.status)
        reply.headers += failure.headers
        return reply
    }
}

/// Opaque paging cursors: base64 of a number (an offset, or for message lists the sequence number to continue
/// below). `next` is left out of a response when there is nothing more.
enum Cursor {
    static func encode(_ value: Int) -> String {
        Data(String(value).utf8).base64EncodedString()
    }

    /// Decodes `start`: nil when absent or empty, `pastEnd` when it is not a cursor this server issued. The spec
    /// types `start` as any string and most lists document no 400, so an unknown cursor reads as the end of the
    /// list (an empty last page) rather than as an error.
    static func decode(_ text: String?, pastEnd: Int) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        // A raw `+` in the query was read as a space; put it back.
        base64 = base64.replacingOccurrences(of: " ", with: "+")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let bytes = decodeBase64(base64), let string = String(bytes: bytes, encoding: .utf8), let value = Int(string), value >= 0 else {
            return pastEnd
        }
        return value
    }

    private static func decodeBase64(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text) else { return nil }
        return Array(data)
    }

    /// One page of an array by offset cursor.
    static func page<T>(_ items: [T], start: String?, limit: Int) -> (items: ArraySlice<T>, next: String?) {
        let offset = min(decode(start, pastEnd: items.count) ?? 0, items.count)
        let end = min(items.count, offset + limit)
        return (items[offset ..< end], end < items.count ? encode(end) : nil)
    }
}

import Foundation
