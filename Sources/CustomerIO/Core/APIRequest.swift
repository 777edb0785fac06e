import Foundation

/// HTTP methods the APIs use.
public enum HTTPMethod: String, Sendable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
}

/// One API call: where it goes, what it carries, and whether it may be retried.
public struct APIRequest: Sendable {
    /// How a call may be treated when it fails.
    public enum Safety: Sendable, Equatable {
        /// Reads (and the read-only customer search): retried on 429, 5xx and connection trouble.
        case read
        /// Sends, creates, deletes: never retried; an unanswered one has an unknown outcome.
        case write
        /// Broadcast triggers: a write, and also held to 1 per 10 s.
        case trigger
    }

    /// Which Customer.io API serves the call.
    public enum API: Sendable, Equatable, Hashable { case app, track, cdp }

    public var method: HTTPMethod
    /// Raw path segments after the host; each is percent-encoded when the URL is built.
    public var segments: [String]
    public var query: [(name: String, value: String)]
    public var body: Data?
    public var safety: Safety
    public var api: API
    /// Extra advice for a 404, e.g. which id_type to try.
    public var notFoundHint: String?

    public init(_ method: HTTPMethod, _ segments: [String], query: [(name: String, value: String)] = [], body: Data? = nil, safety: Safety? = nil, api: API = .app, notFoundHint: String? = nil) {
        self.method = method
        self.segments = segments
        self.query = query
        self.body = body
        self.safety = safety ?? (method == .get ? .read : .write)
        self.api = api
        self.notFoundHint = notFoundHint
    }

    /// The path as people read it (unencoded), for messages.
    public var displayPath: String { "/" + segments.joined(separator: "/") }

    /// The encoded path plus query, appended to a base that may carry its own path prefix (a proxy).
    public func url(relativeTo base: URL) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/" + segments.map(PercentEncoding.encode).joined(separator: "/")
        if !query.isEmpty {
            text += "?" + query.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
        }
        // Every character outside the unreserved set is escaped above, so this cannot fail.
        return URL(string: text)!
    }

    /// Adds a query item when the value is present.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { query.append((name, value)) }
    }

    /// Adds a numeric query item when present.
    public mutating func add(_ name: String, _ value: Int?) {
        if let value { query.append((name, String(value))) }
    }

    /// Adds a boolean query item when present.
    public mutating func add(_ name: String, _ value: Bool?) {
        if let value { query.append((name, value ? "true" : "false")) }
    }
}

/// Percent-encoding of path segments and query values.
public enum PercentEncoding {
    /// RFC 3986 unreserved characters; everything else is escaped, so emails keep their `+`
    /// (a bare `+` would read as a space) and base64 delivery ids keep their `=`.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
