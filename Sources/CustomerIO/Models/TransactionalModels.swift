import Foundation

/// A transactional message template (password reset, receipt…), sent with `POST /v1/send/{channel}`.
public struct TransactionalTemplate: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var description: String?
    public var sendToUnsubscribed: Bool?
    public var linkTracking: Bool?
    public var openTracking: Bool?
    /// True when message bodies are not kept in delivery history.
    public var hideMessageBody: Bool?
    /// True when sends queue as drafts instead of going out.
    public var queueDrafts: Bool?
    public var createdAt: Int?
    public var updatedAt: Int?

    public init(
        id: Int, name: String? = nil, description: String? = nil, sendToUnsubscribed: Bool? = nil,
        linkTracking: Bool? = nil, openTracking: Bool? = nil, hideMessageBody: Bool? = nil,
        queueDrafts: Bool? = nil, createdAt: Int? = nil, updatedAt: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.sendToUnsubscribed = sendToUnsubscribed
        self.linkTracking = linkTracking
        self.openTracking = openTracking
        self.hideMessageBody = hideMessageBody
        self.queueDrafts = queueDrafts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case sendToUnsubscribed = "send_to_unsubscribed"
        case linkTracking = "link_tracking"
        case openTracking = "open_tracking"
        case hideMessageBody = "hide_message_body"
        case queueDrafts = "queue_drafts"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        name = c.lenientString(.name)
        description = c.lenientString(.description)
        sendToUnsubscribed = c.lenientBool(.sendToUnsubscribed)
        linkTracking = c.lenientBool(.linkTracking)
        openTracking = c.lenientBool(.openTracking)
        hideMessageBody = c.lenientBool(.hideMessageBody)
        queueDrafts = c.lenientBool(.queueDrafts)
        createdAt = c.lenientInt(.createdAt)
        updatedAt = c.lenientInt(.updatedAt)
    }
}

/// `GET /v1/transactional`: the envelope key really is `messages`.
public struct TransactionalTemplatesResponse: Codable, Sendable, Hashable {
    public var messages: [TransactionalTemplate]

    enum CodingKeys: String, CodingKey { case messages }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.itemArray(.messages)
    }
}

/// `GET /v1/transactional/{id}`: wrapped in `message`.
public struct TransactionalTemplateResponse: Codable, Sendable, Hashable {
    public var message: TransactionalTemplate
}

/// One language/content variant of a transactional template.
public struct TransactionalContent: Codable, Sendable, Hashable, CarriesMessageContent {
    /// Nullable in the spec.
    public var id: Int?
    public var created: Int?
    public var updated: Int?
    /// What the variant sends (its `type` is `email` or `push`); its fields sit beside the ones above in the JSON.
    public var message = MessageContent()

    enum CodingKeys: String, CodingKey { case id, created, updated }
}

// In an extension, so the memberwise initializer (own fields and `message`) stays for these to call.
extension TransactionalContent {
    /// Every field flat, as the JSON has them.
    public init(
        id: Int? = nil, name: String? = nil, created: Int? = nil, updated: Int? = nil, body: String? = nil,
        bodyAmp: String? = nil, language: String? = nil, type: String? = nil, from: String? = nil,
        fromID: Int? = nil, replyTo: String? = nil, replyToID: Int? = nil, preprocessor: String? = nil,
        recipient: String? = nil, subject: String? = nil, bcc: String? = nil, fakeBcc: Bool? = nil,
        preheaderText: String? = nil, headers: [String: String] = [:]
    ) {
        self.init(
            id: id, created: created, updated: updated,
            message: MessageContent(
                name: name, body: body, bodyAmp: bodyAmp, language: language, type: type, from: from, fromID: fromID,
                replyTo: replyTo, replyToID: replyToID, preprocessor: preprocessor, recipient: recipient,
                subject: subject, bcc: bcc, fakeBcc: fakeBcc, preheaderText: preheaderText, headers: headers
            )
        )
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: c.lenientInt(.id), created: c.lenientInt(.created), updated: c.lenientInt(.updated),
            message: try MessageContent(from: decoder)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(created, forKey: .created)
        try c.encodeIfPresent(updated, forKey: .updated)
        try message.encode(to: encoder)
    }
}

/// `GET /v1/transactional/{id}/contents`.
public struct TransactionalContentsResponse: Codable, Sendable, Hashable {
    public var contents: [TransactionalContent]

    enum CodingKeys: String, CodingKey { case contents }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contents = try c.itemArray(.contents)
    }
}

/// `GET/PUT /v1/transactional/{id}/language/{lang}` and `PUT …/content/{cid}`: the spec makes
/// `content` an array here; a single object is accepted too.
public struct TransactionalContentResponse: Codable, Sendable, Hashable {
    public var content: [TransactionalContent]

    enum CodingKeys: String, CodingKey { case content }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let single = try? c.decode(TransactionalContent.self, forKey: .content) {
            content = [single]
        } else {
            content = try c.itemArray(.content)
        }
    }
}

/// `POST /v1/send/{email,push,sms,…}`: the queued delivery. Sends are not idempotent; never retry them blindly.
public struct SendResponse: Codable, Sendable, Hashable {
    public var deliveryID: String
    public var queuedAt: Int?

    public init(deliveryID: String, queuedAt: Int? = nil) {
        self.deliveryID = deliveryID
        self.queuedAt = queuedAt
    }

    enum CodingKeys: String, CodingKey {
        case deliveryID = "delivery_id"
        case queuedAt = "queued_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        deliveryID = try c.requiredString(.deliveryID)
        queuedAt = c.lenientInt(.queuedAt)
    }
}
