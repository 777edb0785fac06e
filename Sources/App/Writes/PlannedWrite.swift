import CustomerIO
import Foundation

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
    }

    public var kind: Kind
    public var method: HTTPMethod
    public var segments: [String]
    public var query: [String] = []
    public var body: Data?
    public var api: APIRequest.API = .app
    /// The heading of the review: "Send a transactional email".
    public var title: String
    /// Who or what it reaches, a line each.
    public var summary: [String] = []
    public var warnings: [String] = []
    /// Above the audience threshold, the number the user must type to confirm.
    public var confirmCount: Int?
    /// The draft it came from, kept or dropped after the outcome.
    public var draftID: String?

    public init(kind: Kind, request: APIRequest, title: String) {
        self.kind = kind
        method = request.method
        segments = request.segments
        query = request.query.map { "\($0.name)=\($0.value)" }
        body = request.body
        api = request.api
        self.title = title
    }

    /// The request to send.
    public var request: APIRequest {
        let pairs = query.map { item -> (name: String, value: String) in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        let safety: APIRequest.Safety = if case .trigger = kind { .trigger } else { .write }
        return APIRequest(method, segments, query: pairs, body: body, safety: safety, api: api)
    }

    /// `POST /v1/send/email`, as the journal and the review name it.
    public var endpoint: String {
        "\(method.rawValue) /" + segments.joined(separator: "/") + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// The body pretty-printed with sorted keys, as the review shows it (it is sent compact, with the same content).
    public var prettyBody: String {
        guard let body else { return "(no body)" }
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
              let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: body, as: UTF8.self) }
        return String(decoding: pretty, as: UTF8.self)
    }

    /// A short fingerprint of the body for the journal: SHA-256, hex.
    public var payloadDigest: String { Digest.sha256Hex(body ?? Data()) }
}
