/// A finished response: status, headers and body bytes.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int = 200, contentType: String = "application/json; charset=utf-8", headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + headers
        self.body = body
    }

    static func json(_ value: SandboxJSON, status: Int = 200) -> Reply {
        Reply(status: status, body: value.serialized())
    }

    static func noContent() -> Reply {
        Reply(status: 204, headers: [], body: [])
    }

    var contentType: String? { headers.first { $0.0.lowercased() == "content-type" }?.1 }
}

/// An error a handler throws; the pipeline turns it into the vendor's envelope for that endpoint family.
struct APIFailure: Error, Sendable {
    /// Which of the vendor's error bodies to use.
    enum Envelope: Sendable {
        /// `{"errors":[{"detail":"…","status":"404"}]}`: most endpoints.
        case errors
        /// `{"meta":{"error":"…"}}`: the transactional send endpoints.
        case meta
        /// `{"errors":[{"detail":…,"source":{"pointer":…},"status":"422"}]}`: broadcast trigger validation.
        case pointer(String)
    }

    var status: Int
    var detail: String
    var envelope: Envelope = .errors
    var headers: [(String, String)] = []

    static func badRequest(_ detail: String) -> APIFailure { APIFailure(status: 400, detail: detail) }
    static func notFound(_ detail: String = "not found") -> APIFailure { APIFailure(status: 404, detail: detail) }
}
