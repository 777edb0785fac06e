import Foundation

/// One entry of a person's (or the workspace's) activity log: an event, attribute change, delivery step…
public struct Activity: Codable, Sendable, Hashable {
    public var id: String
    /// e.g. `event`, `attribute_change`, `sent_email`, `_o:<type_id>:create`.
    public var type: String?
    public var timestamp: Int?
    public var customerID: String?
    public var customerIdentifiers: CustomerIdentifiers?
    public var deliveryID: String?
    /// `email`, `ios`, `android` or `phone`.
    public var deliveryType: String?
    /// Event or screen name, when the activity is one.
    public var name: String?
    /// Page URL, for page views.
    public var url: String?
    /// Shape depends on `type`: delivery facts, `{"attr": {"from", "to"}}` for changes, event data….
    public var data: [String: JSONValue]

    public init(
        id: String, type: String? = nil, timestamp: Int? = nil, customerID: String? = nil,
        customerIdentifiers: CustomerIdentifiers? = nil, deliveryID: String? = nil, deliveryType: String? = nil,
        name: String? = nil, url: String? = nil, data: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.customerID = customerID
        self.customerIdentifiers = customerIdentifiers
        self.deliveryID = deliveryID
        self.deliveryType = deliveryType
        self.name = name
        self.url = url
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case id, type, timestamp, name, url, data
        case customerID = "customer_id"
        case customerIdentifiers = "customer_identifiers"
        case deliveryID = "delivery_id"
        case deliveryType = "delivery_type"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredString(.id)
        type = c.lenientString(.type)
        timestamp = c.lenientInt(.timestamp)
        customerID = c.lenientString(.customerID)
        customerIdentifiers = c.lenientDecode(CustomerIdentifiers.self, forKey: .customerIdentifiers)
        deliveryID = c.lenientString(.deliveryID)
        deliveryType = c.lenientString(.deliveryType)
        name = c.lenientString(.name)
        url = c.lenientString(.url)
        data = c.lenientObject(.data)
    }
}

/// `GET /v1/activities` and `GET /v1/customers/{id}/activities`.
public struct ActivitiesPage: Codable, Sendable, Hashable {
    public var activities: [Activity]
    public var next: String?

    enum CodingKeys: String, CodingKey { case activities, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        activities = try c.itemArray(.activities)
        next = c.nextCursor(.next)
    }
}
