import Foundation

/// The lists an email service provider keeps of addresses it will not send to. The spec's enum names `bounces` and
/// `spam_reports`; its description (and the vendor's other clients) name `blocks` and `invalid_emails` too.
public enum SuppressionType: String, Sendable, CaseIterable, Codable {
    case bounces
    case blocks
    case spamReports = "spam_reports"
    case invalidEmails = "invalid_emails"

    /// As a person says it: "bounce", "spam report".
    public var noun: String {
        switch self {
        case .bounces: "bounce"
        case .blocks: "block"
        case .spamReports: "spam report"
        case .invalidEmails: "invalid address"
        }
    }

    /// Reads `bounces`, `bounce`, `spam`, `spam_reports`, `blocks`, `invalid` …
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "bounces", "bounce": self = .bounces
        case "blocks", "block": self = .blocks
        case "spam", "spam_reports", "spam-reports", "spam_report": self = .spamReports
        case "invalid", "invalid_emails", "invalid-emails": self = .invalidEmails
        default: return nil
        }
    }
}

/// One address the ESP suppressed, with when and why (the status is normally 550).
public struct Suppression: Codable, Sendable, Hashable {
    public var email: String
    public var created: Int?
    public var reason: String?
    public var status: String?

    public init(email: String, created: Int? = nil, reason: String? = nil, status: String? = nil) {
        self.email = email
        self.created = created
        self.reason = reason
        self.status = status
    }

    enum CodingKeys: String, CodingKey { case email, created, reason, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        email = c.lenientString(.email) ?? ""
        created = c.lenientInt(.created)
        reason = c.lenientString(.reason)
        status = c.lenientString(.status)
    }
}

/// `{"category": "bounces", "suppressions": [...]}`: the answer of both the list and the lookup.
public struct SuppressionList: Codable, Sendable, Hashable {
    /// The list the addresses are on, as the API names it (`bounces`, `spam` …); nil when it says none.
    public var category: String?
    public var suppressions: [Suppression]

    public init(category: String? = nil, suppressions: [Suppression] = []) {
        self.category = category
        self.suppressions = suppressions
    }

    enum CodingKeys: String, CodingKey { case category, suppressions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = c.lenientString(.category)
        suppressions = (try? c.decodeIfPresent([Suppression].self, forKey: .suppressions)) ?? []
    }
}
