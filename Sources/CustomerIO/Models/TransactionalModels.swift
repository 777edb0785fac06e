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

    public init(messages: [TransactionalTemplate] = []) { self.messages = messages }

    enum CodingKeys: String, CodingKey { case messages }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.itemArray(.messages)
    }
}

/// `GET /v1/transactional/{id}`: wrapped in `message`.
public struct TransactionalTemplateResponse: Codable, Sendable, Hashable {
    public var message: TransactionalTemplate

    public init(message: TransactionalTemplate) { self.message = message }
}

/// One language/content variant of a transactional template.
public struct TransactionalContent: Codable, Sendable, Hashable {
    /// Nullable in the spec.
    public var id: Int?
    public var name: String?
    public var created: Int?
    public var updated: Int?
    public var body: String?
    public var bodyAmp: String?
    public var language: String?
    /// `email` or `push`.
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
        id: Int? = nil, name: String? = nil, created: Int? = nil, updated: Int? = nil, body: String? = nil,
        bodyAmp: String? = nil, language: String? = nil, type: String? = nil, from: String? = nil,
        fromID: Int? = nil, replyTo: String? = nil, replyToID: Int? = nil, preprocessor: String? = nil,
        recipient: String? = nil, subject: String? = nil, bcc: String? = nil, fakeBcc: Bool? = nil,
        preheaderText: String? = nil, headers: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.created = created
        self.updated = updated
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
        case id, name, created, updated, body, language, type, from, preprocessor, recipient, subject, bcc, headers
        case bodyAmp = "body_amp"
        case fromID = "from_id"
        case replyTo = "reply_to"
        case replyToID = "reply_to_id"
        case fakeBcc = "fake_bcc"
        case preheaderText = "preheader_text"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientInt(.id)
        name = c.lenientString(.name)
        created = c.lenientInt(.created)
        updated = c.lenientInt(.updated)
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

/// `GET /v1/transactional/{id}/contents`.
public struct TransactionalContentsResponse: Codable, Sendable, Hashable {
    public var contents: [TransactionalContent]

    public init(contents: [TransactionalContent] = []) { self.contents = contents }

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

    public init(content: [TransactionalContent] = []) { self.content = content }

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
