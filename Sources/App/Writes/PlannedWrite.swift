import CustomerIO
import Foundation

/// Topic preferences a write sets, with the topics' names and the person's settings now once the review has read
/// them (the review names topics, not just their ids).
public struct TopicSettings: Sendable, Hashable {
    public var person: CustomerIdentifier
    /// Topic id → subscribed.
    public var settings: [Int: Bool]
    public var names: [Int: String] = [:]
    public var current: [Int: Bool] = [:]

    /// A line per topic: `Promotions (topic_2): subscribed → unsubscribed`.
    public var lines: [String] {
        settings.keys.sorted().map { id in
            let name = names[id].map { "\($0) (topic_\(id))" } ?? "topic_\(id)"
            let word = { (on: Bool) in on ? "subscribed" : "unsubscribed" }
            return "\(name): " + (current[id].map { word($0) + " → " } ?? "") + word(settings[id] ?? false)
        }
    }
}

/// One `/api/v2/batch` request of a bulk write: its body and who each of its operations is about.
public struct TrackBatchPart: Sendable, Hashable {
    public var segments: [String]
    public var query: [PlannedWrite.QueryItem]
    public var body: Data
    public var people: [String]

    public init(_ request: APIRequest, people: [String]) {
        segments = request.segments
        query = request.query.map { PlannedWrite.QueryItem(name: $0.name, value: $0.value) }
        body = request.body ?? Data()
        self.people = people
    }

    public var request: APIRequest { APIRequest(.post, segments, query: query.map { ($0.name, $0.value) }, body: body, api: .track) }

    /// `POST /api/v2/batch`, as the journal names it.
    public var endpoint: String {
        "POST /" + segments.joined(separator: "/") + (query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
    }
}

/// A write exactly as it will leave: method, path, query and body, plus what the review screen says about it. Built
/// once, reviewed, and sent as is — nothing is rebuilt between the review and the send.
public struct PlannedWrite: Sendable, Hashable {
    /// What the write does, for the outcome and the journal.
    public enum Kind: Sendable, Hashable {
        case send(TransactionalMessage.Channel)
        case trigger(broadcastID: Int)
        case createSegment(name: String)
        case deleteSegment(id: Int)
        case addMembers(segment: Int)
        case removeMembers(segment: Int)
        /// An export of what `what` names (people matching a query, a campaign's deliveries).
        case startExport(what: String)
        /// An address put on, or taken off, one of the ESP's suppression lists.
        case suppress(SuppressionType, email: String)
        case unsuppress(SuppressionType, email: String)
        /// A Track API write about one person (`action` as ``PersonAction`` names it), and the profile to reload
        /// after it.
        case track(action: String, person: String, reload: Route?)
        /// Track v2 batches about many people, one journal line each.
        case trackBatch(action: String, people: Int)
        /// A Pipelines API call from the test tool; its answer is shown as it came.
        case pipelines(call: String)
    }

    /// One query parameter, as it is sent.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var kind: Kind
    public let method: HTTPMethod
    public let segments: [String]
    public let query: [QueryItem]
    public let body: Data?
    /// The body pretty-printed with sorted keys, as the review shows it (it is sent compact, with the same
    /// content); made once here rather than on every frame the review draws.
    public var prettyBody: String
    public let api: APIRequest.API
    /// The heading of the review: "Send a transactional email".
    public var title: String
    /// Who or what it reaches, a line each.
    public var summary: [String] = []
    /// What the review warns of, besides an unknown outcome the draft remembers.
    public var cautions: [String] = []
    /// What the draft remembers of an earlier send whose outcome is unknown, when it does: said first on the
    /// review, and given way to the journal's own warning when the journal knows the same request.
    public var draftUnknownOutcome: String?

    /// Every warning as the review says it, the draft's unknown outcome first.
    public var warnings: [String] {
        let draft = draftUnknownOutcome.map { "An earlier send of this draft has an unknown outcome (\($0)). Check Messages before sending again." }
        return (draft.map { [$0] } ?? []) + cautions
    }
    /// How many people it reaches, when that is known (1 for a transactional send).
    public var reach: Int?
    /// The number the user must type before `y` sends: the audience above the threshold, or the reach when the
    /// same request has an unknown outcome in the journal.
    public var confirmCount: Int?
    /// The same endpoint and body were sent in the last day and their outcome is unknown: this may repeat it.
    public var repeatsUnknownOutcome = false
    /// The draft it came from, kept or dropped after the outcome.
    public var draftID: String?
    /// SHA-256 of what it says with the ids cio made for it left out (an event's id): journaled, so that the same
    /// write typed again, with a new id made for it, is still found as a repeat of one whose outcome is unknown.
    public var contentDigest: String?
    /// A bulk Track write's `/api/v2/batch` requests, all of them in order (`request` is the first), each with the
    /// people its operations are about; empty for a write of one request.
    public var parts: [TrackBatchPart] = []
    /// The topic preferences it sets, named on the review.
    public var topics: TopicSettings?
    /// People whose profiles the review shows side by side (the two of a merge), loaded while it is prepared.
    public var compare: [CustomerIdentifier] = []

    public init(kind: Kind, request: APIRequest, title: String) {
        self.kind = kind
        method = request.method
        segments = request.segments
        query = request.query.map { QueryItem(name: $0.name, value: $0.value) }
        body = request.body
        prettyBody = Self.pretty(request.body)
        api = request.api
        self.title = title
    }

    /// The request to send.
    public var request: APIRequest {
        let safety: APIRequest.Safety = if case .trigger = kind { .trigger } else { .write }
        return APIRequest(method, segments, query: query.map { ($0.name, $0.value) }, body: body, safety: safety, api: api)
    }

    /// `POST /v1/send/email`, as the journal and the review name it.
    public var endpoint: String {
        "\(method.rawValue) /" + segments.joined(separator: "/") + (query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
    }

    static func pretty(_ body: Data?) -> String {
        guard let body else { return "(no body)" }
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
              let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: body, as: UTF8.self) }
        return String(decoding: pretty, as: UTF8.self)
    }

    /// A short fingerprint of the body for the journal: SHA-256, hex.
    public var payloadDigest: String { Digest.sha256Hex(body ?? Data()) }

    /// The write with a warning, and the typed confirmation, when the journal holds an attempt at exactly this
    /// request — or, for a bulk write, at any one of its requests — in the last day whose outcome is unknown.
    public func checked(against journal: WriteJournal) -> PlannedWrite {
        var write = self
        var requests = [(endpoint, payloadDigest)]
        for part in parts {
            let request = (part.endpoint, Digest.sha256Hex(part.body))
            if request != (endpoint, payloadDigest) { requests.append(request) }
        }
        var earlier = requests.flatMap { journal.unknownOutcomes(endpoint: $0.0, payloadDigest: $0.1) }
        if let contentDigest {
            let seen = Set(earlier.compactMap(\.attempt))
            earlier += journal.unknownOutcomes(endpoint: endpoint, contentDigest: contentDigest).filter { $0.attempt.map { !seen.contains($0) } ?? true }
        }
        earlier.sort { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }
        write.warnOfUnknownOutcomes(earlier)
        return write
    }

    /// Warns that earlier attempts at exactly this request have unknown outcomes, and asks for the typed
    /// confirmation before `y` works.
    public mutating func warnOfUnknownOutcomes(_ earlier: [WriteJournal.Entry]) {
        guard let last = earlier.last else { return }
        // The journal's warning says the same with its times and count.
        draftUnknownOutcome = nil
        let when = TimeText.full(last.date.map { Int($0.timeIntervalSince1970) })
        let times = earlier.count == 1 ? "at \(when)" : "\(earlier.count) times, last at \(when),"
        cautions.append("The same request (\(endpoint), the same body) was sent \(times) and its outcome is unknown: it may have arrived. Check before sending it again.")
        repeatsUnknownOutcome = true
        confirmCount = confirmCount ?? reach ?? 1
    }
}
