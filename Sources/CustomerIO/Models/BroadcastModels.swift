import Foundation

/// An API-triggered broadcast; trigger it with `POST /v1/campaigns/{id}/triggers`.
public struct Broadcast: Codable, Sendable, Hashable {
    public var id: Int
    public var deduplicateID: String?
    public var name: String?
    /// Always `triggered_broadcast`.
    public var type: String?
    public var created: Int?
    public var updated: Int?
    public var active: Bool?
    /// `running` or `draft`.
    public var state: String?
    public var actions: [ActionRef]
    /// Deprecated by the vendor.
    public var msgTemplateIDs: [ActionRef]
    public var firstStarted: Int?
    /// The vendor's example sends the string "nil" here; anything but an array reads as `[]`.
    public var tags: [String]
    public var createdBy: String?

    public init(
        id: Int, deduplicateID: String? = nil, name: String? = nil, type: String? = nil, created: Int? = nil,
        updated: Int? = nil, active: Bool? = nil, state: String? = nil, actions: [ActionRef] = [],
        msgTemplateIDs: [ActionRef] = [], firstStarted: Int? = nil, tags: [String] = [], createdBy: String? = nil
    ) {
        self.id = id
        self.deduplicateID = deduplicateID
        self.name = name
        self.type = type
        self.created = created
        self.updated = updated
        self.active = active
        self.state = state
        self.actions = actions
        self.msgTemplateIDs = msgTemplateIDs
        self.firstStarted = firstStarted
        self.tags = tags
        self.createdBy = createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, created, updated, active, state, actions, tags
        case deduplicateID = "deduplicate_id"
        case msgTemplateIDs = "msg_template_ids"
        case firstStarted = "first_started"
        case createdBy = "created_by"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        deduplicateID = c.lenientString(.deduplicateID)
        name = c.lenientString(.name)
        type = c.lenientString(.type)
        created = c.lenientInt(.created)
        updated = c.lenientInt(.updated)
        active = c.lenientBool(.active)
        state = c.lenientString(.state)
        actions = c.lenientArray(.actions)
        msgTemplateIDs = c.lenientArray(.msgTemplateIDs)
        firstStarted = c.lenientInt(.firstStarted)
        tags = c.lenientStringArray(.tags)
        createdBy = c.lenientString(.createdBy)
    }
}

/// `GET /v1/broadcasts` (all broadcasts, unpaged).
public struct BroadcastsResponse: Codable, Sendable, Hashable {
    public var broadcasts: [Broadcast]

    enum CodingKeys: String, CodingKey { case broadcasts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        broadcasts = try c.itemArray(.broadcasts)
    }
}

/// `GET /v1/broadcasts/{id}`.
public struct BroadcastResponse: Codable, Sendable, Hashable {
    public var broadcast: Broadcast
}

/// One time a broadcast was triggered. `GET /v1/campaigns/{bid}/triggers/{tid}` returns it bare (no envelope).
public struct BroadcastTrigger: Codable, Sendable, Hashable {
    public var id: Int
    public var broadcastID: Int?
    public var createdAt: Int?
    /// When Customer.io finished processing the trigger; 0 or nil while pending.
    public var processedAt: Int?

    public init(id: Int, broadcastID: Int? = nil, createdAt: Int? = nil, processedAt: Int? = nil) {
        self.id = id
        self.broadcastID = broadcastID
        self.createdAt = createdAt
        self.processedAt = processedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case broadcastID = "broadcast_id"
        case createdAt = "created_at"
        case processedAt = "processed_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
        broadcastID = c.lenientInt(.broadcastID)
        createdAt = c.lenientInt(.createdAt)
        processedAt = c.lenientInt(.processedAt)
    }
}

/// `GET /v1/broadcasts/{id}/triggers`.
public struct BroadcastTriggersResponse: Codable, Sendable, Hashable {
    public var triggers: [BroadcastTrigger]

    enum CodingKeys: String, CodingKey { case triggers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        triggers = try c.itemArray(.triggers)
    }
}

/// `GET /v1/campaigns/{bid}/triggers/{tid}/errors`: lines like `line 3: <error text>`.
public struct TriggerErrorsPage: Codable, Sendable, Hashable {
    public var errors: [String]
    public var next: String?

    public init(errors: [String] = [], next: String? = nil) {
        self.errors = errors
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case errors, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errors = try c.itemArray(.errors, of: JSONValue.self).map(\.displayText)
        next = c.nextCursor(.next)
    }
}

/// `POST /v1/campaigns/{id}/triggers`: the new trigger's id, for polling its status and errors.
public struct TriggerBroadcastResponse: Codable, Sendable, Hashable {
    public var id: Int

    enum CodingKeys: String, CodingKey { case id }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredInt(.id)
    }
}
