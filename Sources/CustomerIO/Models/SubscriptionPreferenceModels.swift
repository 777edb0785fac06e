import Foundation

/// One subscription topic as it applies to a person.
public struct SubscriptionTopicPreference: Codable, Sendable, Hashable {
    /// System id of the topic, e.g. `topic_1` (numbers are accepted and kept as text).
    public var id: String
    public var subscribed: Bool?
    public var name: String?
    public var description: String?

    public init(id: String, subscribed: Bool? = nil, name: String? = nil, description: String? = nil) {
        self.id = id
        self.subscribed = subscribed
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case id, subscribed, name, description }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredString(.id)
        subscribed = c.lenientBool(.subscribed)
        name = c.lenientString(.name)
        description = c.lenientString(.description)
    }
}

/// The title lines of the subscription-center page, in the requested language.
public struct SubscriptionPreferencesHeader: Codable, Sendable, Hashable {
    public var title: String?
    public var subtitle: String?

    public init(title: String? = nil, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }

    enum CodingKeys: String, CodingKey { case title, subtitle }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = c.lenientString(.title)
        subtitle = c.lenientString(.subtitle)
    }
}

/// A person's subscription-center state: global unsubscribe plus per-topic choices.
public struct SubscriptionPreferences: Codable, Sendable, Hashable {
    public var id: String?
    public var identifiers: CustomerIdentifiers?
    public var topics: [SubscriptionTopicPreference]
    /// True when the person is unsubscribed from all messaging.
    public var unsubscribed: Bool?
    public var header: SubscriptionPreferencesHeader?

    public init(
        id: String? = nil, identifiers: CustomerIdentifiers? = nil, topics: [SubscriptionTopicPreference] = [],
        unsubscribed: Bool? = nil, header: SubscriptionPreferencesHeader? = nil
    ) {
        self.id = id
        self.identifiers = identifiers
        self.topics = topics
        self.unsubscribed = unsubscribed
        self.header = header
    }

    enum CodingKeys: String, CodingKey { case id, identifiers, topics, unsubscribed, header }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        identifiers = c.lenientDecode(CustomerIdentifiers.self, forKey: .identifiers)
        topics = c.lenientArray(.topics)
        unsubscribed = c.lenientBool(.unsubscribed)
        header = c.lenientDecode(SubscriptionPreferencesHeader.self, forKey: .header)
    }
}

/// `GET /v1/customers/{id}/subscription_preferences` (wrapped in `customer`).
public struct SubscriptionPreferencesResponse: Codable, Sendable, Hashable {
    public var customer: SubscriptionPreferences
}
