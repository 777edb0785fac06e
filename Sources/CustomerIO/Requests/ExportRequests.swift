import Foundation

/// The body of `POST /v1/exports/customers`; note the plural `filters` key the API uses.
public struct CustomersExportRequest: Sendable, Equatable, Encodable {
    public var filters: AudienceFilter

    public init(filters: AudienceFilter) {
        self.filters = filters
    }
}

/// The body of `POST /v1/exports/deliveries`: exactly one source, an optional window and columns.
public struct DeliveriesExportRequest: Sendable, Equatable, Encodable {
    /// Which messages' deliveries to export.
    public enum Source: Sendable, Equatable {
        case campaign(Int)
        case newsletter(Int)
        case transactional(Int)
        case action(Int)
    }

    public var source: Source
    /// Unix seconds; the API defaults to the last 6 months and allows at most 12.
    public var start: Int?
    public var end: Int?
    public var attributes: [String]?
    public var metric: String?
    public var drafts: Bool?

    public init(source: Source, start: Int? = nil, end: Int? = nil, attributes: [String]? = nil, metric: String? = nil, drafts: Bool? = nil) {
        self.source = source
        self.start = start
        self.end = end
        self.attributes = attributes
        self.metric = metric
        self.drafts = drafts
    }

    private enum Key: String, CodingKey {
        case campaign_id, newsletter_id, transactional_message_id, action_id, start, end, attributes, metric, drafts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch source {
        case .campaign(let id): try container.encode(id, forKey: .campaign_id)
        case .newsletter(let id): try container.encode(id, forKey: .newsletter_id)
        case .transactional(let id): try container.encode(id, forKey: .transactional_message_id)
        case .action(let id): try container.encode(id, forKey: .action_id)
        }
        try container.encodeIfPresent(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encodeIfPresent(attributes, forKey: .attributes)
        try container.encodeIfPresent(metric, forKey: .metric)
        try container.encodeIfPresent(drafts, forKey: .drafts)
    }
}
