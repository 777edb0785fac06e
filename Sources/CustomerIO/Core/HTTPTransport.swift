import Foundation

/// One HTTP exchange as the client hands it to a transport.
public struct HTTPRequestData: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// Seconds for the whole exchange.
    public var timeout: Double

    public init(method: HTTPMethod, url: URL, headers: [(name: String, value: String)], body: Data?, timeout: Double) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What came back: status, headers (names lower-cased) and the whole body.
public struct HTTPResponseData: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Why an exchange produced no HTTP answer; says whether the request may have left, which decides retries of writes.
public enum TransportFailure: Error, Sendable, Equatable {
    /// Nothing was sent (refused connection, DNS, TLS handshake, connect timeout).
    case notSent(String)
    /// The request may have reached the server, but no complete answer came back in time.
    case timedOut
    /// The connection broke after the request may have been sent.
    case interrupted(String)

    /// The same failure with its reason passed through `redact` (a proxy's error text may echo a header).
    func redacted(_ redact: Redactor) -> TransportFailure {
        switch self {
        case .notSent(let reason): .notSent(redact(reason))
        case .timedOut: .timedOut
        case .interrupted(let reason): .interrupted(redact(reason))
        }
    }
}

/// Sends HTTP requests; the real one is AsyncHTTPClient, tests can substitute their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData
}
