import CustomerIO

/// What the panes ask for, by name: each call goes through the store (cached, shared) to the App API client.
public struct WorkspaceService: Sendable {
    /// How long each kind of result stays fresh, in seconds (`[cache]` in the config file changes them).
    public struct TimesToLive: Sendable, Hashable {
        /// Lists of segments, campaigns, broadcasts, newsletters, exports, templates; query results.
        public var lists: Double = 60
        /// Segment customer counts.
        public var counts: Double = 300
        /// Metrics: sparklines, journey and link metrics.
        public var metrics: Double = 300
        /// One item's sections: a profile, a campaign's actions, what uses a segment.
        public var details: Double = 60
        /// Deliveries: the Messages pane and the messages sections.
        public var messages: Double = 30

        public init(lists: Double = 60, counts: Double = 300, metrics: Double = 300, details: Double = 60, messages: Double = 30) {
            self.lists = lists
            self.counts = counts
            self.metrics = metrics
            self.details = details
            self.messages = messages
        }
    }

    public let client: AppAPIClient
    public let store: WorkspaceStore
    public let ttl: TimesToLive

    public init(client: AppAPIClient, store: WorkspaceStore = WorkspaceStore(), ttl: TimesToLive = TimesToLive()) {
        self.client = client
        self.store = store
        self.ttl = ttl
    }

    public func segments(refresh: Bool = false) async throws -> [Segment] {
        try await store.value("segments", ttl: ttl.lists, refresh: refresh) { try await client.segments() }
    }

    public func segmentCustomerCount(id: Int, refresh: Bool = false) async throws -> Int {
        try await store.value("segments/\(id)/count", ttl: ttl.counts, refresh: refresh) { try await client.segmentCustomerCount(id: id) }
    }

    /// One page of a segment's members; each page is cached under its cursor.
    public func segmentMembers(id: Int, start: String?, pageSize: Int = 200, refresh: Bool = false) async throws -> CustomerSearchPage {
        try await store.value("segments/\(id)/members/\(start ?? "")", ttl: ttl.details, refresh: refresh) {
            try await client.segmentMembership(id: id, start: start, limit: pageSize)
        }
    }

    public func segmentUsage(id: Int, refresh: Bool = false) async throws -> SegmentUsage {
        try await store.value("segments/\(id)/usage", ttl: ttl.details, refresh: refresh) { try await client.segmentUsage(id: id) }
    }

    public func campaigns(refresh: Bool = false) async throws -> [Campaign] {
        try await store.value("campaigns", ttl: ttl.lists, refresh: refresh) { try await client.campaigns() }
    }

    /// Daily metrics of a campaign over the last `days` days in the user's zone (v2, falling back to v1).
    public func campaignMetrics(id: Int, days: Int, refresh: Bool = false) async throws -> MetricsResult {
        try await store.value("campaigns/\(id)/metrics/\(days)", ttl: ttl.metrics, refresh: refresh) {
            try await client.campaignMetrics(id: id, lastDays: days)
        }
    }

    /// A broadcast's metrics over what its v1 endpoint can give of the last `days` days (45 days, else 12 weeks).
    public func broadcastMetrics(id: Int, days: Int, refresh: Bool = false) async throws -> MetricsResult {
        let span = MetricsSpan.v1(lastDays: days)
        return try await store.value("broadcasts/\(id)/metrics/\(span.key)", ttl: ttl.metrics, refresh: refresh) {
            MetricsResult(series: try await client.broadcastMetrics(id: id, period: span.resolution, steps: span.steps), query: span.v1Query, span: span)
        }
    }

    /// A transactional template's metrics over what its v1 endpoint can give of the last `days` days.
    public func transactionalMetrics(id: Int, days: Int, refresh: Bool = false) async throws -> MetricsResult {
        let span = MetricsSpan.v1(lastDays: days)
        return try await store.value("transactional/\(id)/metrics/\(span.key)", ttl: ttl.metrics, refresh: refresh) {
            MetricsResult(series: try await client.transactionalMetrics(id: id, period: span.resolution, steps: span.steps), query: span.v1Query, span: span)
        }
    }

    /// The times a broadcast was triggered.
    public func broadcastTriggers(id: Int, refresh: Bool = false) async throws -> [BroadcastTrigger] {
        try await store.value("broadcasts/\(id)/triggers", ttl: ttl.details, refresh: refresh) { try await client.broadcastTriggers(id: id) }
    }

    public func broadcasts(refresh: Bool = false) async throws -> [Broadcast] {
        try await store.value("broadcasts", ttl: ttl.lists, refresh: refresh) { try await client.broadcasts() }
    }

    public func exports(refresh: Bool = false) async throws -> [Export] {
        try await store.value("exports", ttl: ttl.lists, refresh: refresh) { try await client.exports() }
    }

    public func transactionalTemplates(refresh: Bool = false) async throws -> [TransactionalTemplate] {
        try await store.value("transactional", ttl: ttl.lists, refresh: refresh) { try await client.transactionalTemplates() }
    }

    /// The workspace's object types, for names where an object type id alone would say nothing.
    public func objectTypes(refresh: Bool = false) async throws -> [ObjectType] {
        try await store.value("object_types", ttl: ttl.lists, refresh: refresh) { try await client.objectTypes() }
    }

    /// A template's contents (one per language), whose `type` says its channel.
    public func transactionalContents(id: Int, refresh: Bool = false) async throws -> [TransactionalContent] {
        try await store.value("transactional/\(id)/contents", ttl: ttl.details, refresh: refresh) { try await client.transactionalContents(id: id) }
    }

    /// Deliveries across the workspace matching `filter` (first page); `key` names the filter in the cache.
    public func messages(_ filter: MessageFilter, key: String, refresh: Bool = false) async throws -> [Delivery] {
        try await store.value("messages/\(key)", ttl: ttl.messages, refresh: refresh) { try await client.messages(filter).messages }
    }

    /// One person's profile by any identifier.
    public func customerProfile(id: String, idType: IDType, refresh: Bool = false) async throws -> CustomerProfile {
        try await store.value("customers/\(idType.rawValue)/\(id)", ttl: ttl.details, refresh: refresh) {
            try await client.customerProfile(id: id, idType: idType)
        }
    }

    /// A page of `limit` people matching a filter, from `start`; `key` names it in the cache (the query text).
    public func searchCustomers(_ filter: AudienceFilter, key: String, start: String? = nil, limit: Int = 200, refresh: Bool = false) async throws -> CustomerSearchPage {
        try await store.value("customers/query/\(key)/\(start ?? "")", ttl: ttl.lists, refresh: refresh) {
            try await client.searchCustomers(filter: filter, start: start, limit: limit)
        }
    }

    /// People whose email is `email`.
    public func customers(email: String, refresh: Bool = false) async throws -> [CustomerIdentifiers] {
        try await store.value("customers/lookup/email/\(email)", ttl: ttl.details, refresh: refresh) { try await client.lookupCustomers(email: email) }
    }

    /// The rate-limit budget and requests in flight, for the status bar.
    public func activity() async -> (budget: RateLimiter.Budget, inFlight: Int) {
        (await client.limiter.budget(), client.activity.snapshot.inFlight)
    }
}
