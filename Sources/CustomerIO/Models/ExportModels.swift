import Foundation

/// Where an export is: still being built, built (ready to download), or failed; a word the client does not know is
/// kept as it came.
public enum ExportState: Sendable, Hashable {
    case building(String)
    case done, failed
    case other(String)

    /// The words the API and the sandbox use while an export is built.
    static let buildingWords: Set<String> = ["pending", "processing", "running", "queued"]

    public init(word: String) {
        switch word {
        case "done": self = .done
        case "failed": self = .failed
        case let word where Self.buildingWords.contains(word): self = .building(word)
        default: self = .other(word)
        }
    }

    /// The word as shown.
    public var word: String {
        switch self {
        case .building(let word), .other(let word): word
        case .done: "done"
        case .failed: "failed"
        }
    }
}

/// A customers or deliveries export; poll it until `status` is `done` (or `failed`), then ask for its download URL.
public struct Export: Codable, Sendable, Hashable {
    public var id: Int
    /// The workspace user who created it.
    public var userID: Int?
    public var userEmail: String?
    /// Number of rows; 0 until the export is done.
    public var total: Int?
    public var deduplicateID: String?
    /// `customers` or `deliveries`.
    public var type: String?
    public var failed: Bool?
    public var description: String?
    /// How many times it has been downloaded.
    public var downloads: Int?
    public var createdAt: Int?
    public var updatedAt: Int?
    /// `done`, `pending` or `failed`.
    public var status: String?
    /// `status` read, with `failed` winning over whatever status it had.
    public var state: ExportState? {
        failed == true ? .failed : status.map(ExportState.init(word:))
    }

    public init(
        id: Int, userID: Int? = nil, userEmail: String? = nil, total: Int? = nil, deduplicateID: String? = nil,
        type: String? = nil, failed: Bool? = nil, description: String? = nil, downloads: Int? = nil,
        createdAt: Int? = nil, updatedAt: Int? = nil, status: String? = nil
    ) {
        self.id = id
        self.userID = userID
        self.userEmail = userEmail
        self.total = total
        self.deduplicateID = deduplicateID
        self.type = type
        self.failed = failed
        self.description = description
        self.downloads = downloads
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, total, type, failed, description, downloads, status
        case userID = "user_id"
        case userEmail = "user_email"
        case deduplicateID = "deduplicate_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        userID = c.lenientInt(.userID)
        userEmail = c.lenientString(.userEmail)
        total = c.lenientInt(.total)
        deduplicateID = c.lenientString(.deduplicateID)
        type = c.lenientString(.type)
        failed = c.lenientBool(.failed)
        description = c.lenientString(.description)
        downloads = c.lenientInt(.downloads)
        createdAt = c.lenientInt(.createdAt)
        updatedAt = c.lenientInt(.updatedAt)
        status = c.lenientString(.status)
    }
}

/// `GET /v1/exports` (all exports, unpaged).
public struct ExportsResponse: Codable, Sendable, Hashable {
    public var exports: [Export]

    enum CodingKeys: String, CodingKey { case exports }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exports = try c.itemArray(.exports)
    }
}

/// `GET /v1/exports/{id}`, `POST /v1/exports/customers` and `POST /v1/exports/deliveries`.
public struct ExportResponse: Codable, Sendable, Hashable {
    public var export: Export
}

/// `GET /v1/exports/{id}/download`: a signed link that expires after 15 minutes; fetch it without the API key.
public struct ExportDownloadResponse: Codable, Sendable, Hashable {
    public var url: String

    enum CodingKeys: String, CodingKey { case url }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.requiredString(.url)
    }
}
