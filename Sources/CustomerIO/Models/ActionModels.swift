import Foundation

/// A step of a campaign or broadcast that sends something (email, SMS, push, webhook…), with its content.
public struct CampaignAction: Codable, Sendable, Hashable, CarriesMessageContent {
    /// Nullable in the spec.
    public var id: Int?
    /// Set for campaign actions.
    public var campaignID: Int?
    /// Set for broadcast actions.
    public var broadcastID: Int?
    public var parentActionID: Int?
    public var deduplicateID: String?
    public var layout: String?
    public var created: Int?
    public var updated: Int?
    /// `automatic`, `draft` or `off`.
    public var sendingState: String?
    /// SMS (MMS) image.
    public var imageURL: String?
    /// Webhook actions: target URL and HTTP method.
    public var url: String?
    public var method: String?
    /// What the action sends; its fields sit beside the ones above in the JSON.
    public var message = MessageContent()

    enum CodingKeys: String, CodingKey {
        case id, layout, created, updated, url, method
        case campaignID = "campaign_id"
        case broadcastID = "broadcast_id"
        case parentActionID = "parent_action_id"
        case deduplicateID = "deduplicate_id"
        case sendingState = "sending_state"
        case imageURL = "image_url"
    }
}

// In an extension, so the memberwise initializer (own fields and `message`) stays for these to call.
extension CampaignAction {
    /// Every field flat, as the JSON has them.
    public init(
        id: Int? = nil, campaignID: Int? = nil, broadcastID: Int? = nil, parentActionID: Int? = nil,
        deduplicateID: String? = nil, name: String? = nil, layout: String? = nil, created: Int? = nil,
        updated: Int? = nil, body: String? = nil, bodyAmp: String? = nil, language: String? = nil,
        type: String? = nil, sendingState: String? = nil, from: String? = nil, fromID: Int? = nil,
        replyTo: String? = nil, replyToID: Int? = nil, preprocessor: String? = nil, recipient: String? = nil,
        subject: String? = nil, bcc: String? = nil, fakeBcc: Bool? = nil, preheaderText: String? = nil,
        headers: [String: String] = [:], imageURL: String? = nil, url: String? = nil, method: String? = nil
    ) {
        self.init(
            id: id, campaignID: campaignID, broadcastID: broadcastID, parentActionID: parentActionID,
            deduplicateID: deduplicateID, layout: layout, created: created, updated: updated,
            sendingState: sendingState, imageURL: imageURL, url: url, method: method,
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
            id: c.lenientInt(.id), campaignID: c.lenientInt(.campaignID), broadcastID: c.lenientInt(.broadcastID),
            parentActionID: c.lenientInt(.parentActionID), deduplicateID: c.lenientString(.deduplicateID),
            layout: c.lenientString(.layout), created: c.lenientInt(.created), updated: c.lenientInt(.updated),
            sendingState: c.lenientString(.sendingState), imageURL: c.lenientString(.imageURL),
            url: c.lenientString(.url), method: c.lenientString(.method), message: try MessageContent(from: decoder)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(campaignID, forKey: .campaignID)
        try c.encodeIfPresent(broadcastID, forKey: .broadcastID)
        try c.encodeIfPresent(parentActionID, forKey: .parentActionID)
        try c.encodeIfPresent(deduplicateID, forKey: .deduplicateID)
        try c.encodeIfPresent(layout, forKey: .layout)
        try c.encodeIfPresent(created, forKey: .created)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeIfPresent(sendingState, forKey: .sendingState)
        try c.encodeIfPresent(imageURL, forKey: .imageURL)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(method, forKey: .method)
        try message.encode(to: encoder)
    }
}

/// `GET /v1/campaigns/{id}/actions` (pages of 10, `start` only) and `GET /v1/broadcasts/{id}/actions` (no `next`).
public struct ActionsPage: Codable, Sendable, Hashable {
    public var actions: [CampaignAction]
    public var next: String?

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
}
