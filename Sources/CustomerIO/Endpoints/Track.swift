import Foundation

/// The Track API's region answer: which host the credentials belong to.
public struct TrackRegion: Sendable, Hashable, Decodable {
    /// `https://track.customer.io` or `https://track-eu.customer.io`.
    public var url: String?
    /// `us` or `eu`.
    public var region: String?
    /// The workspace the credentials grant access to.
    public var environmentID: Int?

    enum CodingKeys: String, CodingKey {
        case url, region
        case environmentID = "environment_id"
    }

    public init(url: String? = nil, region: String? = nil, environmentID: Int? = nil) {
        self.url = url
        self.region = region
        self.environmentID = environmentID
    }
}

/// One `/api/v2/batch` request and which of the operations it carries (their positions in the whole list).
public struct TrackBatch: Sendable {
    public var request: APIRequest
    public var operations: Range<Int>
}

/// What a batch's answer says of its operations: a 207 lists the refused ones by position in that request.
public struct TrackBatchAnswer: Sendable, Hashable, Decodable {
    /// One refused operation.
    public struct Refusal: Sendable, Hashable, Decodable {
        public var batchIndex: Int?
        public var reason: String?
        public var field: String?
        public var message: String?

        enum CodingKeys: String, CodingKey {
            case reason, field, message
            case batchIndex = "batch_index"
        }

        /// `field: message (reason)`, as much as the answer gave.
        public var text: String {
            [field.map { "\($0): " }, message ?? reason ?? "refused"].compactMap { $0 }.joined()
        }
    }

    public var errors: [Refusal]?

    /// The refusals by position in the request.
    public var refusals: [Int: String] {
        Dictionary((errors ?? []).compactMap { refusal in refusal.batchIndex.map { ($0, refusal.text) } }, uniquingKeysWith: { first, _ in first })
    }

    public init(errors: [Refusal]? = nil) {
        self.errors = errors
    }
}

/// Track API writes to people and objects: v2 entity and batch, the v1 anonymous event, and the region check.
extension AppAPIClient {
    /// `POST /api/v2/entity` for one operation, checked against the vendor's rules first.
    public static func entityRequest(_ operation: TrackOperation) throws -> APIRequest {
        if let problem = TrackValidation.problem(operation) { throw problem }
        return APIRequest(.post, ["api", "v2", "entity"], body: try operation.encoded(), api: .track)
    }

    /// `POST /api/v2/batch` requests for many operations, each under the vendor's 500 kB, every operation checked
    /// first (the first problem is thrown, naming the operation's position).
    public static func batchRequests(_ operations: [TrackOperation]) throws -> [TrackBatch] {
        let head = Data(#"{"batch":["#.utf8), tail = Data("]}".utf8)
        var batches: [TrackBatch] = []
        var body = head
        var start = 0
        for (index, operation) in operations.enumerated() {
            if let problem = TrackValidation.problem(operation) {
                throw TrackProblem("batch[\(index)].\(problem.field)", problem.message)
            }
            let item = try operation.encoded()
            let separator = index > start ? 1 : 0
            if index > start, body.count + separator + item.count + tail.count > TrackValidation.Limit.batchBody {
                batches.append(TrackBatch(request: batchRequest(body + tail), operations: start..<index))
                body = head
                start = index
            }
            if index > start { body.append(UInt8(ascii: ",")) }
            body.append(item)
        }
        if start < operations.count { batches.append(TrackBatch(request: batchRequest(body + tail), operations: start..<operations.count)) }
        return batches
    }

    private static func batchRequest(_ body: Data) -> APIRequest {
        APIRequest(.post, ["api", "v2", "batch"], body: body, api: .track)
    }

    /// `POST /api/v1/events`: an event for nobody identified yet (`anonymous_id`), which v2 has no call for.
    public static func anonymousEventRequest(_ event: TrackEvent, anonymousID: String) throws -> APIRequest {
        try TrackValidation.event(event)
        guard !anonymousID.trimmingCharacters(in: .whitespaces).isEmpty else { throw TrackProblem("anonymous_id", "is required for an anonymous event") }
        var body: [String: JSONValue] = ["name": .string(event.name), "anonymous_id": .string(anonymousID)]
        if !event.data.isEmpty { body["data"] = .object(event.data) }
        if let timestamp = event.timestamp { body["timestamp"] = .number(Double(timestamp)) }
        if let id = event.id { body["id"] = .string(id) }
        return APIRequest(.post, ["api", "v1", "events"], body: try TrackJSON.encode(JSONValue.object(body)), api: .track)
    }

    /// `GET /api/v1/accounts/region`: a read, so it may be retried.
    public static let regionRequest = APIRequest(.get, ["api", "v1", "accounts", "region"], api: .track)

    /// Which region the Track credentials belong to.
    public func trackRegion() async throws -> TrackRegion {
        try await send(Self.regionRequest, as: TrackRegion.self)
    }
}
