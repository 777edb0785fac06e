import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox

/// A minimal HTTP client for the tests (URLSession; no redirects followed, no caching).
struct TestClient: Sendable {
    let base: URL
    var key: String? = "test-key"

    /// What came back.
    struct Result: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var isJSON: Bool { (try? JSONSerialization.jsonObject(with: body)) != nil }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }

        /// The `detail` of the first item of a `{"errors":[…]}` envelope.
        var errorDetail: String? { ((json["errors"] as? [[String: Any]])?.first)?["detail"] as? String }
        var errorStatus: String? { ((json["errors"] as? [[String: Any]])?.first)?["status"] as? String }
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // Generous: the whole suite shares two cores, and a busy moment can hold a request up for tens of seconds.
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()

    /// `pathAndQuery` is appended to the base as is, so callers control percent-encoding.
    func send(_ method: String, _ pathAndQuery: String, json: String? = nil, headers: [String: String] = [:]) async throws -> Result {
        var request = URLRequest(url: URL(string: base.absoluteString + pathAndQuery)!)
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Result(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ pathAndQuery: String) async throws -> Result { try await send("GET", pathAndQuery) }
    func post(_ pathAndQuery: String, _ json: String) async throws -> Result { try await send("POST", pathAndQuery, json: json) }
}

/// Starts a sandbox, runs `body` against it, and always stops it.
func withSandbox(
    customers: Int = 1_500, configure: (inout SandboxOptions) -> Void = { _ in },
    _ body: (SandboxServer, TestClient) async throws -> Void
) async throws {
    var options = SandboxOptions()
    options.customers = customers
    configure(&options)
    let server = try await SandboxServer.start(options)
    do {
        try await body(server, TestClient(base: server.baseURL))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
