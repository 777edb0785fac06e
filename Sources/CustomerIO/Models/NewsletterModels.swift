import Foundation

/// A newsletter (the UI now says "one-time send").
public struct Newsletter: Codable, Sendable, Hashable {
    public var id: Int
    public var deduplicateID: String?
    public var name: String?
    /// Channel: `email`, `webhook`, `twilio`, `slack`, `push`, `in_app`.
    public var type: String?
    /// Its variants (languages or A/B tests); see `NewsletterContent`.
    public var contentIDs: [Int]
    /// Last send time; nil for drafts.
    public var sentAt: Int?
    public var created: Int?
    public var updated: Int?
    public var tags: [String]
    public var recipientSegmentIDs: [Int]
    public var subscriptionTopicID: Int?

    public init(
        id: Int, deduplicateID: String? = nil, name: String? = nil, type: String? = nil, contentIDs: [Int] = [],
        sentAt: Int? = nil, created: Int? = nil, updated: Int? = nil, tags: [String] = [],
        recipientSegmentIDs: [Int] = [], subscriptionTopicID: Int? = nil
    ) {
        self.id = id
        self.deduplicateID = deduplicateID
        self.name = name
        self.type = type
        self.contentIDs = contentIDs
        self.sentAt = sentAt
        self.created = created
        self.updated = updated
        self.tags = tags
        self.recipientSegmentIDs = recipientSegmentIDs
        self.subscriptionTopicID = subscriptionTopicID
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, created, updated, tags
        case deduplicateID = "deduplicate_id"
        case contentIDs = "content_ids"
        case sentAt = "sent_at"
        case recipientSegmentIDs = "recipient_segment_ids"
        case subscriptionTopicID = "subscription_topic_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        deduplicateID = c.lenientString(.deduplicateID)
        name = c.lenientString(.name)
        type = c.lenientString(.type)
        contentIDs = c.lenientIntArray(.contentIDs)
        sentAt = c.lenientInt(.sentAt)
        created = c.lenientInt(.created)
        updated = c.lenientInt(.updated)
        tags = c.lenientStringArray(.tags)
        recipientSegmentIDs = c.lenientIntArray(.recipientSegmentIDs)
        subscriptionTopicID = c.lenientInt(.subscriptionTopicID)
    }
}

/// `GET /v1/newsletters` (`limit` ≤ 100, `sort`, `start`).
public struct NewslettersPage: Codable, Sendable, Hashable {
    public var newsletters: [Newsletter]
    public var next: String?

    enum CodingKeys: String, CodingKey { case newsletters, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        newsletters = try c.itemArray(.newsletters)
        next = c.nextCursor(.next)
    }
}

/// `GET /v1/newsletters/{id}`.
public struct NewsletterResponse: Codable, Sendable, Hashable {
    public var newsletter: Newsletter
}

/// One variant of a newsletter: a language, or one side of an A/B test.
public struct NewsletterContent: Codable, Sendable, Hashable, CarriesMessageContent {
    public var id: Int
    public var newsletterID: Int?
    public var deduplicateID: String?
    public var layout: String?
    /// What the variant sends; its fields sit beside the ones above in the JSON.
    public var message: MessageContent

    enum CodingKeys: String, CodingKey {
        case id, layout
        case newsletterID = "newsletter_id"
        case deduplicateID = "deduplicate_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        newsletterID = c.lenientInt(.newsletterID)
        deduplicateID = c.lenientString(.deduplicateID)
        layout = c.lenientString(.layout)
        message = try MessageContent(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(newsletterID, forKey: .newsletterID)
        try c.encodeIfPresent(deduplicateID, forKey: .deduplicateID)
        try c.encodeIfPresent(layout, forKey: .layout)
        try message.encode(to: encoder)
    }
}

/// `GET /v1/newsletters/{id}/contents`.
public struct NewsletterContentsResponse: Codable, Sendable, Hashable {
    public var contents: [NewsletterContent]

    enum CodingKeys: String, CodingKey { case contents }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contents = try c.itemArray(.contents)
    }
}

/// One variant: `GET/PUT /v1/newsletters/{id}/contents/{cid}` and the `/language/{lang}` forms.
public struct NewsletterContentResponse: Codable, Sendable, Hashable {
    public var content: NewsletterContent
}
