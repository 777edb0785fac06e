import Foundation

/// Reads the server's own error words from either envelope the App API uses.
///
/// Most endpoints answer `{"errors":[{"detail":"…","status":"400"}]}`; the transactional send endpoints answer
/// `{"meta":{"error":"…"}}`; subscription preferences answer `{"meta":{"errors":["…"]}}`.
enum ErrorEnvelope {
    /// The server's words, with `redact` applied before they are shortened (so no secret is cut to a fragment
    /// that no longer matches).
    static func detail(from body: Data, redact: Redactor = Redactor(secrets: [])) -> String? {
        guard !body.isEmpty,
              let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) as? [String: Any]
        else { return nil }
        var parts: [String] = []
        if let errors = object["errors"] as? [Any] {
            for item in errors {
                if let entry = item as? [String: Any] {
                    var text = (entry["detail"] as? String) ?? (entry["title"] as? String) ?? (entry["message"] as? String) ?? ""
                    // Track v2 names the field at fault beside its message.
                    if let field = entry["field"] as? String, !field.isEmpty { text = text.isEmpty ? field : "\(field): \(text)" }
                    if let pointer = (entry["source"] as? [String: Any])?["pointer"] as? String, !pointer.isEmpty {
                        text += text.isEmpty ? pointer : " (at \(pointer))"
                    }
                    if !text.isEmpty { parts.append(text) }
                } else if let text = item as? String {
                    parts.append(text)
                }
            }
        }
        if let meta = object["meta"] as? [String: Any] {
            if let text = meta["error"] as? String { parts.append(text) }
            if let list = meta["errors"] as? [Any] { parts.append(contentsOf: list.compactMap { $0 as? String }) }
        }
        if parts.isEmpty, let text = object["error"] as? String { parts.append(text) }
        if parts.isEmpty, let text = object["message"] as? String { parts.append(text) }
        let joined = parts.joined(separator: "; ")
        return joined.isEmpty ? nil : BodyExcerpt.clean(redact(joined), limit: 300)
    }
}

/// A short, safe, single-line excerpt of a body for error messages.
enum BodyExcerpt {
    /// Strips markup and control characters, folds white space and cuts to `limit` characters.
    static func clean(_ text: String, limit: Int = 120) -> String {
        var stripped = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; stripped.append(" "); continue }
            if character == ">" && inTag { inTag = false; continue }
            if inTag { continue }
            if character.unicodeScalars.allSatisfy({ CharacterSet.controlCharacters.contains($0) }) {
                stripped.append(" ")
            } else {
                stripped.append(character)
            }
        }
        let folded = stripped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if folded.count <= limit { return folded }
        return String(folded.prefix(limit - 1)) + "…"
    }

    /// What a body looks like, for "Customer.io answered with …" messages.
    /// `redact` runs on the text before it is cleaned and cut, so a secret is never left half-shown.
    static func describe(_ body: Data, contentType: String?, redact: Redactor = Redactor(secrets: [])) -> String {
        if body.isEmpty { return "an empty body" }
        // Redacted whole, then cut: a secret that straddles the cut would otherwise survive as a fragment.
        let text = String(redact(String(decoding: body, as: UTF8.self)).prefix(4096))
        let looksHTML = (contentType?.lowercased().contains("html") ?? false)
            || text.drop(while: { $0.isWhitespace }).hasPrefix("<")
        let excerpt = clean(text)
        if looksHTML { return "an HTML page (\"\(excerpt)\")" }
        return "\"\(excerpt)\""
    }
}
