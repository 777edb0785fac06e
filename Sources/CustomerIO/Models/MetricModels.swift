import Foundation

/// Metric name → one count per period, oldest first (`sent`, `opened`, `human_clicked`, `2xx`…).
public struct MetricSeries: Codable, Sendable, Hashable {
    /// Keys are kept verbatim (no key strategy), so webhook keys like `2xx` survive.
    public var series: [String: [Int]]

    public init(series: [String: [Int]] = [:]) { self.series = series }

    /// The counts for one metric, or `[]` when the API didn't report it.
    public subscript(metric: String) -> [Int] { series[metric] ?? [] }

    /// The sum over all periods of one metric.
    public func total(_ metric: String) -> Int { self[metric].reduce(0, +) }

    enum CodingKeys: String, CodingKey { case series }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Null entries inside a series count as 0; a value that isn't an array is dropped.
        series = c.lenientObject(.series).compactMapValues { value in
            guard case .array(let items) = value else { return nil }
            return items.map { $0.lenientInt ?? 0 }
        }
    }
}

/// Campaign, action, broadcast, newsletter, variant and transactional `/metrics`.
public struct MetricsResponse: Codable, Sendable, Hashable {
    public var metric: MetricSeries

    enum CodingKeys: String, CodingKey { case metric }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = c.lenientDecode(MetricSeries.self, forKey: .metric) ?? MetricSeries()
    }
}

/// Click counts for one tracked link in a message.
public struct LinkMetric: Codable, Sendable, Hashable {
    /// A tracked link.
    public struct Link: Codable, Sendable, Hashable {
        public var id: Int?
        public var href: String?

        public init(id: Int? = nil, href: String? = nil) {
            self.id = id
            self.href = href
        }

        enum CodingKeys: String, CodingKey { case id, href }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenientInt(.id)
            href = c.lenientString(.href)
        }
    }

    public var link: Link
    /// Usually just `clicked`.
    public var metric: MetricSeries

    public init(link: Link = Link(), metric: MetricSeries = MetricSeries()) {
        self.link = link
        self.metric = metric
    }

    enum CodingKeys: String, CodingKey { case link, metric }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        link = c.lenientDecode(Link.self, forKey: .link) ?? Link()
        metric = c.lenientDecode(MetricSeries.self, forKey: .metric) ?? MetricSeries()
    }
}

/// The `/metrics/links` endpoints.
public struct LinkMetricsResponse: Codable, Sendable, Hashable {
    public var links: [LinkMetric]

    enum CodingKeys: String, CodingKey { case links }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        links = try c.itemArray(.links)
    }
}

/// How people moved through a campaign journey, one count per period (`res`) for each stage.
public struct JourneyMetrics: Codable, Sendable, Hashable {
    /// Met the trigger criteria.
    public var started: [Int]
    /// Started and were not filtered out before their first action.
    public var activated: [Int]
    /// Stopped matching the trigger or filter mid-journey.
    public var exitedEarly: [Int]
    public var finished: [Int]
    /// Met the conversion goal.
    public var converted: [Int]
    /// Filtered out before any action.
    public var neverActivated: [Int]
    /// Experienced at least one non-delay action.
    public var messaged: [Int]

    public init(
        started: [Int] = [], activated: [Int] = [], exitedEarly: [Int] = [], finished: [Int] = [],
        converted: [Int] = [], neverActivated: [Int] = [], messaged: [Int] = []
    ) {
        self.started = started
        self.activated = activated
        self.exitedEarly = exitedEarly
        self.finished = finished
        self.converted = converted
        self.neverActivated = neverActivated
        self.messaged = messaged
    }

    enum CodingKeys: String, CodingKey {
        case started, activated, finished, converted, messaged
        case exitedEarly = "exited_early"
        case neverActivated = "never_activated"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        started = c.lenientCountArray(.started)
        activated = c.lenientCountArray(.activated)
        exitedEarly = c.lenientCountArray(.exitedEarly)
        finished = c.lenientCountArray(.finished)
        converted = c.lenientCountArray(.converted)
        neverActivated = c.lenientCountArray(.neverActivated)
        messaged = c.lenientCountArray(.messaged)
    }
}

/// `GET /v1/campaigns/{id}/journey_metrics`.
public struct JourneyMetricsResponse: Codable, Sendable, Hashable {
    public var journeyMetric: JourneyMetrics

    enum CodingKeys: String, CodingKey { case journeyMetric = "journey_metric" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        journeyMetric = c.lenientDecode(JourneyMetrics.self, forKey: .journeyMetric) ?? JourneyMetrics()
    }
}
