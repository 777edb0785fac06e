import Foundation

/// The three ways a person can be addressed; any of them may be absent depending on the workspace.
public struct CustomerIdentifiers: Codable, Sendable, Hashable {
    public var id: String?
    public var email: String?
    /// Customer.io's own immutable id; examples send it as a number, so it's read leniently.
    public var cioID: String?

    public init(id: String? = nil, email: String? = nil, cioID: String? = nil) {
        self.id = id
        self.email = email
        self.cioID = cioID
    }

    enum CodingKeys: String, CodingKey {
        case id, email
        case cioID = "cio_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        email = c.lenientString(.email)
        cioID = c.lenientString(.cioID)
    }
}

/// `GET /v1/customers?email=`: every profile sharing that email (there can be several).
public struct CustomerLookupResponse: Codable, Sendable, Hashable {
    public var results: [CustomerIdentifiers]

    enum CodingKeys: String, CodingKey { case results }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = try c.itemArray(.results)
    }
}

/// One page of people: `POST /v1/customers` (search) and `GET /v1/segments/{id}/membership`.
public struct CustomerSearchPage: Codable, Sendable, Hashable {
    public var identifiers: [CustomerIdentifiers]
    /// Older flat list of ids; the docs prefer `identifiers`. Entries may be `""` in email-only workspaces.
    public var ids: [String]
    public var next: String?

    public init(identifiers: [CustomerIdentifiers] = [], ids: [String] = [], next: String? = nil) {
        self.identifiers = identifiers
        self.ids = ids
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case identifiers, ids, next }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identifiers = try c.itemArray(.identifiers)
        ids = c.lenientStringArray(.ids)
        next = c.nextCursor(.next)
    }
}

/// A page of segment members has exactly the search page's shape.
public typealias SegmentMembershipPage = CustomerSearchPage

/// A push device registered on a profile.
public struct Device: Codable, Sendable, Hashable {
    /// The device token.
    public var id: String
    public var platform: String?
    public var lastUsed: Int?
    /// Device attributes (`device_os`, `app_version`, `push_enabled`, …); the API sends them as strings.
    public var attributes: [String: JSONValue]

    public init(id: String, platform: String? = nil, lastUsed: Int? = nil, attributes: [String: JSONValue] = [:]) {
        self.id = id
        self.platform = platform
        self.lastUsed = lastUsed
        self.attributes = attributes
    }

    enum CodingKeys: String, CodingKey {
        case id, platform, attributes
        case lastUsed = "last_used"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredString(.id)
        platform = c.lenientString(.platform)
        lastUsed = c.lenientInt(.lastUsed)
        attributes = c.lenientObject(.attributes)
    }
}

/// A person's profile as `/attributes` returns it.
public struct CustomerProfile: Codable, Sendable, Hashable {
    /// Whether the profile says the person unsubscribed: its `unsubscribed` field, else the attribute of that name
    /// (read as a boolean: `true`, `"true"` or 1; anything else there is not unsubscribed), nil when neither says.
    /// The one reading of it for every caller.
    public var saysUnsubscribed: Bool? {
        unsubscribed ?? attributes["unsubscribed"].map { $0.lenientBool ?? false }
    }

    /// The id used in the request (not necessarily the person's `id` identifier).
    public var id: String?
    public var identifiers: CustomerIdentifiers?
    /// Attribute values; the API returns them as strings even when they look like numbers.
    public var attributes: [String: JSONValue]
    /// Attribute name → unix time it was last set (deprecated by the vendor, still sent).
    public var timestamps: [String: Int]
    public var unsubscribed: Bool?
    public var devices: [Device]
    /// Whether the answer listed devices at all: an absent or unreadable `devices` is "not known", not "none".
    public var listsDevices = true

    public init(
        id: String? = nil, identifiers: CustomerIdentifiers? = nil, attributes: [String: JSONValue] = [:],
        timestamps: [String: Int] = [:], unsubscribed: Bool? = nil, devices: [Device] = [], listsDevices: Bool = true
    ) {
        self.listsDevices = listsDevices
        self.id = id
        self.identifiers = identifiers
        self.attributes = attributes
        self.timestamps = timestamps
        self.unsubscribed = unsubscribed
        self.devices = devices
    }

    enum CodingKeys: String, CodingKey { case id, identifiers, attributes, timestamps, unsubscribed, devices }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        identifiers = c.lenientDecode(CustomerIdentifiers.self, forKey: .identifiers)
        attributes = c.lenientObject(.attributes)
        timestamps = c.lenientIntMap(.timestamps)
        unsubscribed = c.lenientBool(.unsubscribed)
        devices = c.lenientArray(.devices)
        if case .array? = c.lenientValue(.devices) { listsDevices = true } else { listsDevices = false }
    }
}

/// `GET /v1/customers/{id}/attributes`.
public struct CustomerAttributesResponse: Codable, Sendable, Hashable {
    public var customer: CustomerProfile
}

/// `POST /v1/customers/attributes`: on the wire each item is wrapped as `{"customer": {…}}`.
public struct BulkCustomerAttributesResponse: Codable, Sendable, Hashable {
    /// The profiles found; ids the API didn't know are simply absent.
    public var customers: [CustomerProfile]

    enum CodingKeys: String, CodingKey { case customers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customers = try c.itemArray(.customers, of: WrappedProfile.self).map(\.customer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customers.map(WrappedProfile.init(customer:)), forKey: .customers)
    }

    /// The `{"customer": …}` wrapper; a bare profile is accepted too, in case the wrapper is dropped.
    struct WrappedProfile: Codable {
        var customer: CustomerProfile

        init(customer: CustomerProfile) { self.customer = customer }

        enum CodingKeys: String, CodingKey { case customer }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if c.contains(.customer) {
                customer = try c.decode(CustomerProfile.self, forKey: .customer)
            } else {
                customer = try CustomerProfile(from: decoder)
            }
        }
    }
}
