import CustomerIO

/// What a person typed into the Customers search line: an email, an identifier written as a person key
/// (`id:42`, `cio_id:a3000001`), a query in the filter language, or words — a name or a lone word, which could be
/// anyone's email, id, cio_id or name.
public enum CustomerSearch: Sendable, Hashable {
    case email(String)
    case identifier(String, IDType)
    case words(String)
    case query(String)

    /// A lone word with an @ is an email; `id:…`, `cio_id:…` or `email:…` names an identifier; anything the filter
    /// language reads (`plan = pro`, `has phone`, `segment 3`) is a query; everything else is words.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let colon = trimmed.firstIndex(of: ":"), !trimmed.contains(" "), let type = IDType(parsing: String(trimmed[..<colon])) {
            let value = String(trimmed[trimmed.index(after: colon)...])
            self = type == .email ? .email(value) : .identifier(value, type)
        } else if trimmed.contains("@"), !trimmed.contains(" "), !trimmed.contains(where: { "=<>!~\"()".contains($0) }) {
            self = .email(trimmed)
        } else if trimmed.contains(where: { "=<>!~".contains($0) }) || (try? FilterQuery.parse(trimmed)) != nil {
            self = .query(trimmed)
        } else {
            self = .words(trimmed)
        }
    }

    /// How the breadcrumb describes the search.
    public var summary: String {
        switch self {
        case .email(let email): email
        case .identifier(let value, let type): "\(type.rawValue) \(value)"
        case .words(let text): "“\(text)”"
        case .query(let text): text
        }
    }

    /// The identifiers and names a lone word is looked for in, all at once.
    static let wordFields = ["email", "id", "cio_id", "first_name", "last_name", "name"]

    /// Words as one search: a lone word is any of `wordFields`; several are a `name`, or a first name and a last
    /// name (the last words), either way. The API matches exactly, case and all.
    static func filter(words text: String) -> AudienceFilter {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count > 1 else {
            return .or(wordFields.map { .attribute(field: $0, condition: .equals(text)) })
        }
        let first = AudienceFilter.attribute(field: "first_name", condition: .equals(parts[0]))
        let last = AudienceFilter.attribute(field: "last_name", condition: .equals(parts.dropFirst().joined(separator: " ")))
        return .or([.attribute(field: "name", condition: .equals(text)), .and([first, last])])
    }

    /// What to try when words found nobody: the same words capitalised, or the query to write.
    var suggestion: String? {
        guard case .words(let text) = self else { return nil }
        let capitalised = text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        if capitalised != text { return "try “\(capitalised)”" }
        let parts = text.split(separator: " ")
        return parts.count > 1 ? "try last_name = \"\(parts.dropFirst().joined(separator: " "))\"" : "try company = \"\(text)\""
    }
}
