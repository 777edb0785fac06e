import Foundation

/// One delivery (a "message"): a single send of a campaign, broadcast, newsletter or transactional message.
public struct Delivery: Codable, Sendable, Hashable {
    /// Base64-like delivery id, e.g. `ag1q6QWq6QUBAAF4_CGoeVX7mFkDbRFu7ek=` (percent-encode it in paths).
    public var id: String
    public var deduplicateID: String?
    /// The spec names it `message_template_id`; every example (and the API) sends `msg_template_id`. Both read.
    public var messageTemplateID: Int?
    public var customerID: String?
    /// Sent as `customer_identifiers`; transactional lists send `identifiers` instead. Both read.
    public var customerIdentifiers: CustomerIdentifiers?
    public var recipient: String?
    public var subject: String?
    /// `email`, `webhook`, `twilio`, `slack`, `push`, `in_app`…
    public var type: String?
    /// Metric reached → unix time it was reached (not counts); only reached metrics are present.
    public var metrics: [String: Int]
    public var created: Int?
    public var failureMessage: String?
    public var campaignID: Int?
    public var actionID: Int?
    public var parentActionID: Int?
    public var newsletterID: Int?
    public var contentID: Int?
    public var broadcastID: Int?
    /// Id of the event that triggered an event-triggered campaign (a ULID string).
    public var triggerEventID: String?
    /// True when Customer.io no longer retains the message content.
    public var forgotten: Bool?

    public init(
        id: String, deduplicateID: String? = nil, messageTemplateID: Int? = nil, customerID: String? = nil,
        customerIdentifiers: CustomerIdentifiers? = nil, recipient: String? = nil, subject: String? = nil,
        type: String? = nil, metrics: [String: Int] = [:], created: Int? = nil, failureMessage: String? = nil,
        campaignID: Int? = nil, actionID: Int? = nil, parentActionID: Int? = nil, newsletterID: Int? = nil,
        contentID: Int? = nil, broadcastID: Int? = nil, triggerEventID: String? = nil, forgotten: Bool? = nil
    ) {
        self.id = id
        self.deduplicateID = deduplicateID
        self.messageTemplateID = messageTemplateID
        self.customerID = customerID
        self.customerIdentifiers = customerIdentifiers
        self.recipient = recipient
        self.subject = subject
        self.type = type
        self.metrics = metrics
        self.created = created
        self.failureMessage = failureMessage
        self.campaignID = campaignID
        self.actionID = actionID
        self.parentActionID = parentActionID
        self.newsletterID = newsletterID
        self.contentID = contentID
        self.broadcastID = broadcastID
        self.triggerEventID = triggerEventID
        self.forgotten = forgotten
    }

    enum CodingKeys: String, CodingKey {
        case id, recipient, subject, type, metrics, created, forgotten
        case deduplicateID = "deduplicate_id"
        case messageTemplateID = "msg_template_id"
        case customerID = "customer_id"
        case customerIdentifiers = "customer_identifiers"
        case failureMessage = "failure_message"
        case campaignID = "campaign_id"
        case actionID = "action_id"
        case parentActionID = "parent_action_id"
        case newsletterID = "newsletter_id"
        case contentID = "content_id"
        case broadcastID = "broadcast_id"
        case triggerEventID = "trigger_event_id"
    }

    /// The spelling variants some operations use instead.
    enum AlternateKeys: String, CodingKey {
        case messageTemplateID = "message_template_id"
        case identifiers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let alt = try decoder.container(keyedBy: AlternateKeys.self)
        id = try c.requiredString(.id)
        deduplicateID = c.lenientString(.deduplicateID)
        messageTemplateID = c.lenientInt(.messageTemplateID) ?? alt.lenientInt(.messageTemplateID)
        customerID = c.lenientString(.customerID)
        customerIdentifiers = c.lenientDecode(CustomerIdentifiers.self, forKey: .customerIdentifiers)
            ?? alt.lenientDecode(CustomerIdentifiers.self, forKey: .identifiers)
        recipient = c.lenientString(.recipient)
        subject = c.lenientString(.subject)
        type = c.lenientString(.type)
        metrics = c.lenientIntMap(.metrics)
        created = c.lenientInt(.created)
        failureMessage = c.lenientString(.failureMessage)
        campaignID = c.lenientInt(.campaignID)
        actionID = c.lenientInt(.actionID)
        parentActionID = c.lenientInt(.parentActionID)
        newsletterID = c.lenientInt(.newsletterID)
        contentID = c.lenientInt(.contentID)
        broadcastID = c.lenientInt(.broadcastID)
        triggerEventID = c.lenientString(.triggerEventID)
        forgotten = c.lenientBool(.forgotten)
    }
}

/// Any message list: `/v1/messages`, and the per-customer, campaign, broadcast, newsletter
/// and transactional `/messages` lists. Several of those never send `next`.
public struct MessagesPage: Codable, Sendable, Hashable {
    public var messages: [Delivery]
    public var next: String?

    public init(messages: [Delivery] = [], next: String? = nil) {
        self.messages = messages
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case messages, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.itemArray(.messages)
        next = c.nextCursor(.next)
    }
}

/// `GET /v1/messages/{id}`.
public struct MessageResponse: Codable, Sendable, Hashable {
    public var message: Delivery
}

/// The full content of a sent message, as archived (`GET /v1/messages/{id}/archived_message`, 100 calls/day).
public struct ArchivedMessage: Codable, Sendable, Hashable {
    public var id: String?
    public var body: String?
    public var from: String?
    public var replyTo: String?
    public var recipient: String?
    public var subject: String?
    public var bcc: String?
    public var fakeBcc: Bool?
    public var preheaderText: String?
    /// For webhooks: the URL and method used.
    public var url: String?
    public var requestMethod: String?
    public var headers: [String: String]
    public var forgotten: Bool?

    enum CodingKeys: String, CodingKey {
        case id, body, from, recipient, subject, bcc, url, headers, forgotten
        case replyTo = "reply_to"
        case fakeBcc = "fake_bcc"
        case preheaderText = "preheader_text"
        case requestMethod = "request_method"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        body = c.lenientString(.body)
        from = c.lenientString(.from)
        replyTo = c.lenientString(.replyTo)
        recipient = c.lenientString(.recipient)
        subject = c.lenientString(.subject)
        bcc = c.lenientString(.bcc)
        fakeBcc = c.lenientBool(.fakeBcc)
        preheaderText = c.lenientString(.preheaderText)
        url = c.lenientString(.url)
        requestMethod = c.lenientString(.requestMethod)
        headers = c.lenientStringMap(.headers)
        forgotten = c.lenientBool(.forgotten)
    }
}

/// `GET /v1/messages/{id}/archived_message`.
public struct ArchivedMessageResponse: Codable, Sendable, Hashable {
    public var archivedMessage: ArchivedMessage

    enum CodingKeys: String, CodingKey { case archivedMessage = "archived_message" }
}
