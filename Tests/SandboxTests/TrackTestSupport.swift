import Foundation
import Testing
@testable import Sandbox

/// Track and Pipelines calls for the tests (Basic auth, which `TestClient` does not send by itself), and the App API
/// reads that show what they changed.
struct TrackCalls {
    let client: TestClient
    static let basic = "Basic " + Data("site:trackkey".utf8).base64EncodedString()

    func entity(_ json: String) async throws -> TestClient.Result {
        try await client.send("POST", "/api/v2/entity", json: json, headers: ["Authorization": Self.basic])
    }

    func batch(_ json: String) async throws -> TestClient.Result {
        try await client.send("POST", "/api/v2/batch", json: json, headers: ["Authorization": Self.basic])
    }

    func v1(_ method: String, _ path: String, _ json: String? = nil) async throws -> TestClient.Result {
        try await client.send(method, path, json: json, headers: ["Authorization": Self.basic])
    }

    /// A Pipelines call: the write key as the Basic user name, an empty password.
    func cdp(_ call: String, _ json: String, strict: Bool = false, key: String? = "write-key") async throws -> TestClient.Result {
        var headers: [String: String] = [:]
        if let key { headers["Authorization"] = "Basic " + Data("\(key):".utf8).base64EncodedString() }
        if strict { headers["X-Strict-Mode"] = "1" }
        return try await client.send("POST", "/cdp/v1/\(call)", json: json, headers: headers)
    }

    // MARK: App API reads

    /// A person's `customer` object, or nil on a 404.
    func customer(_ id: String, idType: String = "id") async throws -> [String: Any]? {
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let result = try await client.get("/v1/customers/\(encoded)/attributes?id_type=\(idType)")
        if result.status == 404 { return nil }
        #expect(result.status == 200, "\(result.text)")
        return result.json["customer"] as? [String: Any]
    }

    func attributes(_ id: String, idType: String = "id") async throws -> [String: String]? {
        try await customer(id, idType: idType).map { ($0["attributes"] as? [String: String]) ?? [:] }
    }

    func activities(_ id: String, query: String = "") async throws -> [[String: Any]] {
        let result = try await client.get("/v1/customers/\(id)/activities?limit=20\(query)")
        #expect(result.status == 200, "\(result.text)")
        return result.json["activities"] as? [[String: Any]] ?? []
    }

    /// The object ids a person is related to.
    func relatedObjects(_ id: String) async throws -> [String] {
        let result = try await client.get("/v1/customers/\(id)/relationships?limit=100")
        #expect(result.status == 200, "\(result.text)")
        let relationships = result.json["cio_relationships"] as? [[String: Any]] ?? []
        return relationships.compactMap { ($0["identifiers"] as? [String: Any])?["object_id"] as? String }
    }

    /// The ids of an object's people.
    func objectPeople(type: Int, id: String) async throws -> [String] {
        let result = try await client.get("/v1/objects/\(type)/\(id)/relationships?limit=1000")
        #expect(result.status == 200, "\(result.text)")
        let relationships = result.json["cio_relationships"] as? [[String: Any]] ?? []
        return relationships.compactMap { ($0["identifiers"] as? [String: Any])?["id"] as? String }
    }

    func messageIDs(_ id: String) async throws -> [String] {
        let result = try await client.get("/v1/customers/\(id)/messages?limit=1000")
        #expect(result.status == 200, "\(result.text)")
        return (result.json["messages"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    func topics(_ id: String) async throws -> [String: Bool] {
        let result = try await client.get("/v1/customers/\(id)/subscription_preferences")
        #expect(result.status == 200, "\(result.text)")
        let topics = (result.json["customer"] as? [String: Any])?["topics"] as? [[String: Any]] ?? []
        var found: [String: Bool] = [:]
        for topic in topics { if let id = topic["id"] as? String { found[id] = topic["subscribed"] as? Bool } }
        return found
    }
}

extension TestClient.Result {
    /// The entries of a Track v2 `{"errors":[…]}` body.
    var trackErrors: [[String: Any]] { json["errors"] as? [[String: Any]] ?? [] }
}

/// A sandbox without the App API's rate limit, so a test can read back everything it wrote at once.
func withTrackSandbox(configure: (inout SandboxOptions) -> Void = { _ in }, _ body: (SandboxServer, TrackCalls) async throws -> Void) async throws {
    try await withSandbox(configure: { options in
        options.rateLimit = false
        configure(&options)
    }) { server, client in
        try await body(server, TrackCalls(client: client))
    }
}
