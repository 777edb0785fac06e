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

    public init(newsletters: [Newsletter] = [], next: String? = nil) {
        self.newsletters = newsletters
        self.next = next
    }

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

    public init(newsletter: Newsletter) { self.newsletter = newsletter }
}

/// One variant of a newsletter: a language, or one side of an A/B test.
public struct NewsletterContent: Codable, Sendable, Hashable {
    public var id: Int
    public var newsletterID: Int?
    public var deduplicateID: String?
    public var name: String?
    public var layout: String?
    public var body: String?
    public var bodyAmp: String?
    public var language: String?
    public var type: String?
    public var from: String?
    public var fromID: Int?
    public var replyTo: String?
    public var replyToID: Int?
    public var preprocessor: String?
    public var recipient: String?
    public var subject: String?
    public var bcc: String?
    public var fakeBcc: Bool?
    public var preheaderText: String?
    public var headers: [String: String]

    public init(
        id: Int, newsletterID: Int? = nil, deduplicateID: String? = nil, name: String? = nil,
        layout: String? = nil, body: String? = nil, bodyAmp: String? = nil, language: String? = nil,
        type: String? = nil, from: String? = nil, fromID: Int? = nil, replyTo: String? = nil,
        replyToID: Int? = nil, preprocessor: String? = nil, recipient: String? = nil, subject: String? = nil,
        bcc: String? = nil, fakeBcc: Bool? = nil, preheaderText: String? = nil, headers: [String: String] = [:]
    ) {
        self.id = id
        self.newsletterID = newsletterID
        self.deduplicateID = deduplicateID
        self.name = name
        self.layout = layout
        self.body = body
        self.bodyAmp = bodyAmp
        self.language = language
        self.type = type
        self.from = from
        self.fromID = fromID
        self.replyTo = replyTo
        self.replyToID = replyToID
        self.preprocessor = preprocessor
        self.recipient = recipient
        self.subject = subject
        self.bcc = bcc
        self.fakeBcc = fakeBcc
        self.preheaderText = preheaderText
        self.headers = headers
    }

    enum CodingKeys: String, CodingKey {
        case id, name, layout, body, language, type, from, preprocessor, recipient, subject, bcc, headers
        case newsletterID = "newsletter_id"
        case deduplicateID = "deduplicate_id"
        case bodyAmp = "body_amp"
        case fromID = "from_id"
        case replyTo = "reply_to"
        case replyToID = "reply_to_id"
        case fakeBcc = "fake_bcc"
        case preheaderText = "preheader_text"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        newsletterID = c.lenientInt(.newsletterID)
        deduplicateID = c.lenientString(.deduplicateID)
        name = c.lenientString(.name)
        layout = c.lenientString(.layout)
        body = c.lenientString(.body)
        bodyAmp = c.lenientString(.bodyAmp)
        language = c.lenientString(.language)
        type = c.lenientString(.type)
        from = c.lenientString(.from)
        fromID = c.lenientInt(.fromID)
        replyTo = c.lenientString(.replyTo)
        replyToID = c.lenientInt(.replyToID)
        preprocessor = c.lenientString(.preprocessor)
        recipient = c.lenientString(.recipient)
        subject = c.lenientString(.subject)
        bcc = c.lenientString(.bcc)
        fakeBcc = c.lenientBool(.fakeBcc)
        preheaderText = c.lenientString(.preheaderText)
        headers = c.lenientStringMap(.headers)
    }
}

/// `GET /v1/newsletters/{id}/contents`.
public struct NewsletterContentsResponse: Codable, Sendable, Hashable {
    public var contents: [NewsletterContent]

    public init(contents: [NewsletterContent] = []) { self.contents = contents }

    enum CodingKeys: String, CodingKey { case contents }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contents = try c.itemArray(.contents)
    }
}

/// One variant: `GET/PUT /v1/newsletters/{id}/contents/{cid}` and the `/language/{lang}` forms.
public struct NewsletterContentResponse: Codable, Sendable, Hashable {
    public var content: NewsletterContent

    public init(content: NewsletterContent) { self.content = content }
}
