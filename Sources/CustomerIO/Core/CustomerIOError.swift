import Foundation

/// Everything that can go wrong talking to Customer.io, carried as one sentence a marketer understands.
public struct CustomerIOError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, for code that reacts (exit codes, retries, the status bar's colour).
    public enum Kind: String, Sendable, Equatable {
        case configuration
        case unauthorized
        case wrongRegion
        case forbidden
        case notFound
        case badRequest
        case rateLimited
        case server
        case malformedResponse
        case network
        case timeout
        /// A write left the machine but no answer came back: it may or may not have happened.
        case outcomeUnknown
        case cancelled
        case readOnly
    }

    public let kind: Kind
    /// The whole sentence shown to people.
    public let message: String
    /// The HTTP status, when there was one.
    public let status: Int?
    /// The server's own words (from either error envelope), when it gave any.
    public let serverDetail: String?
    /// Seconds the server asked us to wait (Retry-After), for 429s.
    public let retryAfter: Double?

    public init(kind: Kind, message: String, status: Int? = nil, serverDetail: String? = nil, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.serverDetail = serverDetail
        self.retryAfter = retryAfter
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// A configuration problem found before anything was sent.
    public static func configuration(_ message: String) -> CustomerIOError {
        CustomerIOError(kind: .configuration, message: message)
    }

    /// The process exit code the CLI uses: 3 auth, 4 not found, 5 rate limit / network / service trouble, 1 otherwise.
    public var exitCode: Int32 {
        switch kind {
        case .unauthorized, .forbidden, .wrongRegion: 3
        case .notFound: 4
        case .rateLimited, .network, .timeout, .server, .outcomeUnknown: 5
        case .configuration: 2
        case .badRequest, .malformedResponse, .cancelled, .readOnly: 1
        }
    }

    /// Whether a read may be tried again after this error.
    public var isTransient: Bool {
        switch kind {
        case .rateLimited, .server, .network, .timeout: true
        default: false
        }
    }
}
