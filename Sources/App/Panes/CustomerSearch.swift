import CustomerIO

/// What a person typed into the Customers search line: an email, an identifier, or a query in the filter language.
public enum CustomerSearch: Sendable, Hashable {
    case email(String)
    case identifier(String, IDType)
    case query(String)

    /// Anything with spaces or comparison signs is a query (`plan = pro and has phone`); a lone word with an @ is
    /// an email; any other lone word is an id, a `cio_…` id or a phone number, as `IDType.guess` reads it.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let looksLikeQuery = trimmed.contains(" ") || trimmed.contains { "=<>!~".contains($0) }
        if looksLikeQuery {
            self = .query(trimmed)
        } else if trimmed.contains("@") {
            self = .email(trimmed)
        } else {
            self = .identifier(trimmed, IDType.guess(for: trimmed))
        }
    }

    /// How the breadcrumb describes the search.
    public var summary: String {
        switch self {
        case .email(let email): email
        case .identifier(let value, let type): "\(type.rawValue) \(value)"
        case .query(let text): text
        }
    }
}
