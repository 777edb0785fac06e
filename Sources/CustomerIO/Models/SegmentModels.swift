import Foundation

/// How a segment keeps its members: by its conditions (`dynamic`) or by hand (`manual`); a word the client does not
/// know is kept as it came.
public enum SegmentKind: Sendable, Hashable {
    case dynamic, manual
    case other(String)

    public init(word: String) {
        switch word {
        case "dynamic": self = .dynamic
        case "manual": self = .manual
        default: self = .other(word)
        }
    }
}

/// A segment: a rule-based (`dynamic`) or hand-maintained (`manual`) group of people.
public struct Segment: Codable, Sendable, Hashable {
    public var id: Int
    public var deduplicateID: String?
    public var name: String?
    public var description: String?
    /// `events`, `build`, `events_queued`, `build_queued` or `finished`.
    public var state: String?
    /// Percent built while Customer.io is still processing; nil once done.
    public var progress: Int?
    /// `dynamic` or `manual`.
    public var type: String?
    /// `type` read: only a manual segment's members can be added and removed through the API.
    public var kind: SegmentKind? { type.map(SegmentKind.init(word:)) }
    /// The API sends null for "no tags"; that reads as `[]`.
    public var tags: [String]
    public var createdAt: Int?
    public var updatedAt: Int?

    public init(
        id: Int, deduplicateID: String? = nil, name: String? = nil, description: String? = nil,
        state: String? = nil, progress: Int? = nil, type: String? = nil, tags: [String] = [],
        createdAt: Int? = nil, updatedAt: Int? = nil
    ) {
        self.id = id
        self.deduplicateID = deduplicateID
        self.name = name
        self.description = description
        self.state = state
        self.progress = progress
        self.type = type
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, state, progress, type, tags
        case deduplicateID = "deduplicate_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        deduplicateID = c.lenientString(.deduplicateID)
        name = c.lenientString(.name)
        description = c.lenientString(.description)
        state = c.lenientString(.state)
        progress = c.lenientInt(.progress)
        type = c.lenientString(.type)
        tags = c.lenientStringArray(.tags)
        createdAt = c.lenientInt(.createdAt)
        updatedAt = c.lenientInt(.updatedAt)
    }
}

/// `GET /v1/segments` (all segments, unpaged).
public struct SegmentsResponse: Codable, Sendable, Hashable {
    public var segments: [Segment]

    enum CodingKeys: String, CodingKey { case segments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        segments = try c.itemArray(.segments)
    }
}

/// `GET /v1/customers/{id}/segments`: same envelope, slimmer items (id, name, description).
public typealias CustomerSegmentsResponse = SegmentsResponse

/// `GET /v1/segments/{id}` and `POST /v1/segments`.
public struct SegmentResponse: Codable, Sendable, Hashable {
    public var segment: Segment
}

/// `GET /v1/segments/{id}/customer_count`.
public struct SegmentCountResponse: Codable, Sendable, Hashable {
    public var count: Int

    enum CodingKeys: String, CodingKey { case count }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.requiredInt(.count)
    }
}

/// What references a segment (or a sender identity): ids of campaigns and newsletters.
public struct SegmentUsage: Codable, Sendable, Hashable {
    public var campaigns: [Int]
    public var sentNewsletters: [Int]
    public var draftNewsletters: [Int]

    public init(campaigns: [Int] = [], sentNewsletters: [Int] = [], draftNewsletters: [Int] = []) {
        self.campaigns = campaigns
        self.sentNewsletters = sentNewsletters
        self.draftNewsletters = draftNewsletters
    }

    enum CodingKeys: String, CodingKey {
        case campaigns
        case sentNewsletters = "sent_newsletters"
        case draftNewsletters = "draft_newsletters"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        campaigns = c.lenientIntArray(.campaigns)
        sentNewsletters = c.lenientIntArray(.sentNewsletters)
        draftNewsletters = c.lenientIntArray(.draftNewsletters)
    }
}

/// `GET /v1/segments/{id}/used_by`.
public struct SegmentUsageResponse: Codable, Sendable, Hashable {
    public var usedBy: SegmentUsage

    enum CodingKeys: String, CodingKey { case usedBy = "used_by" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        usedBy = c.lenientDecode(SegmentUsage.self, forKey: .usedBy) ?? SegmentUsage()
    }
}
