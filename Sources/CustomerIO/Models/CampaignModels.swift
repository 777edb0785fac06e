import Foundation

/// A short `{id, type}` pointer to an action or message template inside a campaign or broadcast.
public struct ActionRef: Codable, Sendable, Hashable {
    /// Examples show refs with only one of the two fields, so both are optional.
    public var id: Int?
    public var type: String?

    public init(id: Int? = nil, type: String? = nil) {
        self.id = id
        self.type = type
    }

    enum CodingKeys: String, CodingKey { case id, type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientInt(.id)
        type = c.lenientString(.type)
    }
}

/// A campaign (the UI now says "automation"); trigger-specific fields are nil for other trigger types.
public struct Campaign: Codable, Sendable, Hashable {
    public var id: Int
    public var deduplicateID: String?
    public var name: String?
    /// Trigger type: `segment`, `event`, `form`, `date`, `relationship`, `object`, `webhook`.
    public var type: String?
    public var created: Int?
    public var updated: Int?
    public var active: Bool?
    /// `running`, `draft` or `stopped`.
    public var state: String?
    public var actions: [ActionRef]
    public var firstStarted: Int?
    public var tags: [String]
    public var filterSegmentIDs: [Int]
    /// Segment-triggered campaigns.
    public var triggerSegmentIDs: [Int]
    /// Deprecated by the vendor; segment-triggered campaigns.
    public var msgTemplates: [ActionRef]
    /// Event-triggered campaigns.
    public var eventName: String?
    public var createdBy: String?
    public var description: String?
    /// Date-triggered campaigns: `once`, `monthly` or `yearly`.
    public var frequency: String?
    public var dateAttribute: String?
    public var timezone: String?
    public var useCustomerTimezone: Bool?
    public var startHour: Int?
    public var startMinutes: Int?
    /// Relationship- and object-triggered campaigns.
    public var objectTypeID: Int?
    /// Filter and trigger definitions; the spec types some as objects but shows JSON text, so kept raw.
    public var filterObjectAttributes: JSONValue?
    public var filterRelationshipAttributes: JSONValue?
    public var audience: JSONValue?
    public var relationshipAttributeTriggers: JSONValue?
    public var objectAttributeTriggers: JSONValue?
    /// Webhook-triggered campaigns.
    public var webhookID: Int?

    public init(
        id: Int, deduplicateID: String? = nil, name: String? = nil, type: String? = nil, created: Int? = nil,
        updated: Int? = nil, active: Bool? = nil, state: String? = nil, actions: [ActionRef] = [],
        firstStarted: Int? = nil, tags: [String] = [], filterSegmentIDs: [Int] = [], triggerSegmentIDs: [Int] = [],
        msgTemplates: [ActionRef] = [], eventName: String? = nil, createdBy: String? = nil,
        description: String? = nil, frequency: String? = nil, dateAttribute: String? = nil,
        timezone: String? = nil, useCustomerTimezone: Bool? = nil, startHour: Int? = nil,
        startMinutes: Int? = nil, objectTypeID: Int? = nil, filterObjectAttributes: JSONValue? = nil,
        filterRelationshipAttributes: JSONValue? = nil, audience: JSONValue? = nil,
        relationshipAttributeTriggers: JSONValue? = nil, objectAttributeTriggers: JSONValue? = nil,
        webhookID: Int? = nil
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
        self.firstStarted = firstStarted
        self.tags = tags
        self.filterSegmentIDs = filterSegmentIDs
        self.triggerSegmentIDs = triggerSegmentIDs
        self.msgTemplates = msgTemplates
        self.eventName = eventName
        self.createdBy = createdBy
        self.description = description
        self.frequency = frequency
        self.dateAttribute = dateAttribute
        self.timezone = timezone
        self.useCustomerTimezone = useCustomerTimezone
        self.startHour = startHour
        self.startMinutes = startMinutes
        self.objectTypeID = objectTypeID
        self.filterObjectAttributes = filterObjectAttributes
        self.filterRelationshipAttributes = filterRelationshipAttributes
        self.audience = audience
        self.relationshipAttributeTriggers = relationshipAttributeTriggers
        self.objectAttributeTriggers = objectAttributeTriggers
        self.webhookID = webhookID
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, created, updated, active, state, actions, tags, description, frequency, timezone, audience
        case deduplicateID = "deduplicate_id"
        case firstStarted = "first_started"
        case filterSegmentIDs = "filter_segment_ids"
        case triggerSegmentIDs = "trigger_segment_ids"
        case msgTemplates = "msg_templates"
        case eventName = "event_name"
        case createdBy = "created_by"
        case dateAttribute = "date_attribute"
        case useCustomerTimezone = "use_customer_timezone"
        case startHour = "start_hour"
        case startMinutes = "start_minutes"
        case objectTypeID = "object_type_id"
        case filterObjectAttributes = "filter_object_attributes"
        case filterRelationshipAttributes = "filter_relationship_attributes"
        case relationshipAttributeTriggers = "relationship_attribute_triggers"
        case objectAttributeTriggers = "object_attribute_triggers"
        case webhookID = "webhook_id"
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
        firstStarted = c.lenientInt(.firstStarted)
        tags = c.lenientStringArray(.tags)
        filterSegmentIDs = c.lenientIntArray(.filterSegmentIDs)
        triggerSegmentIDs = c.lenientIntArray(.triggerSegmentIDs)
        msgTemplates = c.lenientArray(.msgTemplates)
        eventName = c.lenientString(.eventName)
        createdBy = c.lenientString(.createdBy)
        description = c.lenientString(.description)
        frequency = c.lenientString(.frequency)
        dateAttribute = c.lenientString(.dateAttribute)
        timezone = c.lenientString(.timezone)
        useCustomerTimezone = c.lenientBool(.useCustomerTimezone)
        startHour = c.lenientInt(.startHour)
        startMinutes = c.lenientInt(.startMinutes)
        objectTypeID = c.lenientInt(.objectTypeID)
        filterObjectAttributes = c.lenientValue(.filterObjectAttributes)
        filterRelationshipAttributes = c.lenientValue(.filterRelationshipAttributes)
        audience = c.lenientValue(.audience)
        relationshipAttributeTriggers = c.lenientValue(.relationshipAttributeTriggers)
        objectAttributeTriggers = c.lenientValue(.objectAttributeTriggers)
        webhookID = c.lenientInt(.webhookID)
    }
}

/// `GET /v1/campaigns` (all campaigns, unpaged).
public struct CampaignsResponse: Codable, Sendable, Hashable {
    public var campaigns: [Campaign]

    enum CodingKeys: String, CodingKey { case campaigns }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        campaigns = try c.itemArray(.campaigns)
    }
}

/// `GET /v1/campaigns/{id}`.
public struct CampaignResponse: Codable, Sendable, Hashable {
    public var campaign: Campaign
}
