import Foundation

/// A step of a campaign or broadcast that sends something (email, SMS, push, webhook…), with its content.
public struct CampaignAction: Codable, Sendable, Hashable {
    /// Nullable in the spec.
    public var id: Int?
    /// Set for campaign actions.
    public var campaignID: Int?
    /// Set for broadcast actions.
    public var broadcastID: Int?
    public var parentActionID: Int?
    public var deduplicateID: String?
    public var name: String?
    public var layout: String?
    public var created: Int?
    public var updated: Int?
    /// HTML for email, text for SMS, the payload for webhooks.
    public var body: String?
    public var bodyAmp: String?
    public var language: String?
    /// `email`, `in_app`, `push`, `twilio`, `slack` or `webhook`.
    public var type: String?
    /// `automatic`, `draft` or `off`.
    public var sendingState: String?
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
    /// SMS (MMS) image.
    public var imageURL: String?
    /// Webhook actions: target URL and HTTP method.
    public var url: String?
    public var method: String?

    public init(
        id: Int? = nil, campaignID: Int? = nil, broadcastID: Int? = nil, parentActionID: Int? = nil,
        deduplicateID: String? = nil, name: String? = nil, layout: String? = nil, created: Int? = nil,
        updated: Int? = nil, body: String? = nil, bodyAmp: String? = nil, language: String? = nil,
        type: String? = nil, sendingState: String? = nil, from: String? = nil, fromID: Int? = nil,
        replyTo: String? = nil, replyToID: Int? = nil, preprocessor: String? = nil, recipient: String? = nil,
        subject: String? = nil, bcc: String? = nil, fakeBcc: Bool? = nil, preheaderText: String? = nil,
        headers: [String: String] = [:], imageURL: String? = nil, url: String? = nil, method: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.broadcastID = broadcastID
        self.parentActionID = parentActionID
        self.deduplicateID = deduplicateID
        self.name = name
        self.layout = layout
        self.created = created
        self.updated = updated
        self.body = body
        self.bodyAmp = bodyAmp
        self.language = language
        self.type = type
        self.sendingState = sendingState
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
        self.imageURL = imageURL
        self.url = url
        self.method = method
    }

    enum CodingKeys: String, CodingKey {
        case id, name, layout, created, updated, body, language, type, from, preprocessor, recipient, subject, bcc
        case headers, url, method
        case campaignID = "campaign_id"
        case broadcastID = "broadcast_id"
        case parentActionID = "parent_action_id"
        case deduplicateID = "deduplicate_id"
        case bodyAmp = "body_amp"
        case sendingState = "sending_state"
        case fromID = "from_id"
        case replyTo = "reply_to"
        case replyToID = "reply_to_id"
        case fakeBcc = "fake_bcc"
        case preheaderText = "preheader_text"
        case imageURL = "image_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientInt(.id)
        campaignID = c.lenientInt(.campaignID)
        broadcastID = c.lenientInt(.broadcastID)
        parentActionID = c.lenientInt(.parentActionID)
        deduplicateID = c.lenientString(.deduplicateID)
        name = c.lenientString(.name)
        layout = c.lenientString(.layout)
        created = c.lenientInt(.created)
        updated = c.lenientInt(.updated)
        body = c.lenientString(.body)
        bodyAmp = c.lenientString(.bodyAmp)
        language = c.lenientString(.language)
        type = c.lenientString(.type)
        sendingState = c.lenientString(.sendingState)
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
        imageURL = c.lenientString(.imageURL)
        url = c.lenientString(.url)
        method = c.lenientString(.method)
    }
}

/// `GET /v1/campaigns/{id}/actions` (pages of 10, `start` only) and `GET /v1/broadcasts/{id}/actions` (no `next`).
public struct ActionsPage: Codable, Sendable, Hashable {
    public var actions: [CampaignAction]
    public var next: String?

    public init(actions: [CampaignAction] = [], next: String? = nil) {
        self.actions = actions
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case actions, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        actions = try c.itemArray(.actions)
        next = c.nextCursor(.next)
    }
}

/// A single action (GET/PUT, including the `/language/{lang}` variants) for campaigns and broadcasts.
public struct ActionResponse: Codable, Sendable, Hashable {
    public var action: CampaignAction

    public init(action: CampaignAction) { self.action = action }
}
