import CustomerIO
import Foundation
import Synchronization
import Testing
import Workspace
@testable import App

/// Answers each request from a table of paths and keeps what was asked, for a workspace the sandbox cannot make
/// (a person with no id).
private final class PathTransport: HTTPTransport {
    private let answers: [String: String]
    private let seen = Mutex<[URL]>([])

    init(_ answers: [String: String]) {
        self.answers = answers
    }

    var requested: [URL] { seen.withLock { $0 } }

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        seen.withLock { $0.append(request.url) }
        guard let body = answers[request.url.path] else {
            return HTTPResponseData(status: 404, headers: ["Content-Type": "application/json"], body: Data(#"{"errors":[{"detail":"not found","status":"404"}]}"#.utf8))
        }
        return HTTPResponseData(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

/// A person's relationships: the endpoint takes only the customer id (no `id_type`), so a person opened by cio_id or
/// email is looked up by the id their profile names, and one without an id is told so.
@Suite struct RelationshipsSectionTests {
    fileprivate static func context(_ transport: PathTransport) throws -> PaneContext {
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("k")!), transport: transport)
        return PaneContext(service: WorkspaceService(client: client), refresh: false, now: 1_790_000_000)
    }

    static let profileWithID = #"{"customer":{"id":"7","identifiers":{"id":"7","email":"ann@example.com","cio_id":"a3000007"},"attributes":{},"timestamps":{},"devices":[]}}"#
    /// No id: the identifiers say null, and the top-level `id` is only the cio_id the request named, or null.
    static let profilesWithoutID = [
        #"{"customer":{"id":"a30000ff","identifiers":{"id":null,"email":"lead@example.com","cio_id":"a30000ff"},"attributes":{},"timestamps":{},"devices":[]}}"#,
        #"{"customer":{"id":null,"identifiers":{"id":null,"email":null,"cio_id":"a30000ff"},"attributes":{},"timestamps":{},"devices":[]}}"#,
        #"{"customer":{"id":"a30000ff","attributes":{},"timestamps":{},"devices":[]}}"#,
    ]
    static let relationships = #"{"cio_relationships":[{"object_type_id":1,"identifiers":{"object_id":"acme","cio_object_id":"o1"},"attributes":{"role":"admin"}}],"next":""}"#

    @Test func aPersonOpenedByCioIDOrEmailIsAskedForByTheirID() async throws {
        let transport = PathTransport([
            "/v1/customers/a3000007/attributes": Self.profileWithID,
            "/v1/customers/ann@example.com/attributes": Self.profileWithID,
            "/v1/customers/7/relationships": Self.relationships,
            "/v1/object_types": #"{"types":[{"id":"1","name":"Companies","singular_name":"Company","enabled":true}]}"#,
        ])
        let context = try Self.context(transport)
        for person in [("a3000007", IDType.cioID), ("ann@example.com", .email), ("7", .id)] {
            let lines = try await CustomersPane.section(.relationships, key: .person(PersonKey(person.0, person.1)), context)
            #expect(lines == [DetailLine(key: "Company (type #1)", value: "acme · role=admin", link: .detail(.objects, key: .object(typeID: "1", id: "acme")))], "\(person)")
        }
        let asked = transport.requested.filter { $0.path.hasSuffix("/relationships") }
        #expect(asked.map(\.path) == ["/v1/customers/7/relationships"], "one request, by id, then the cache")
        #expect(asked.allSatisfy { $0.query == nil || !$0.query!.contains("id_type") })
    }

    @Test(arguments: profilesWithoutID)
    func aPersonWithoutAnIDGetsALineNotAnError(profile: String) async throws {
        let transport = PathTransport(["/v1/customers/a30000ff/attributes": profile])
        let lines = try await CustomersPane.section(.relationships, key: .person(PersonKey("a30000ff", .cioID)), try Self.context(transport))
        #expect(lines == [DetailLine(key: "no relationships", value: "this person has no id, which the relationships endpoint needs")])
        #expect(!transport.requested.contains { $0.path.hasSuffix("/relationships") })
    }

    /// Against the sandbox, which refuses an `id_type` on relationships as the spec has none: the section opened
    /// from a Customers row (keyed by cio_id) loads.
    @Test func theSectionLoadsForAPersonOpenedFromTheList() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await app.find("plan = pro")
            let row = try #require(app.driver.state.currentList.selectedRow)
            #expect(row.key.person?.type == .cioID)
            try await app.driver.press(.enter)
            let detail = try #require(app.driver.state.details[.detail(.customers, key: row.key)])
            guard case .loaded = detail.sections[SectionID.relationships] else {
                Issue.record("relationships did not load: \(String(describing: detail.sections[SectionID.relationships]))")
                return
            }
            let asked = app.probe.requests().filter { $0.path.hasSuffix("/relationships") }
            #expect(asked.map(\.path) == ["/v1/customers/\(row.cells[0])/relationships"])
            #expect(asked.allSatisfy { $0.query["id_type"] == nil && $0.status == 200 })
        }
    }
}
