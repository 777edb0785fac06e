import Foundation
import Testing
@testable import CustomerIO

@Suite struct RequestBuildingTests {
    let base = URL(string: "https://api.customer.io")!

    @Test func emailsInPathsKeepTheirPlus() {
        let request = APIRequest(.get, ["v1", "customers", "jane+vip@example.com", "attributes"], query: [("id_type", "email")])
        #expect(request.url(relativeTo: base).absoluteString == "https://api.customer.io/v1/customers/jane%2Bvip%40example.com/attributes?id_type=email")
    }

    @Test func base64DeliveryIDsAreEscaped() {
        let request = APIRequest(.get, ["v1", "messages", "ag1q6QWq6/UBAAF4_CGoeVX7mFkDbRFu7ek="])
        #expect(request.url(relativeTo: base).absoluteString == "https://api.customer.io/v1/messages/ag1q6QWq6%2FUBAAF4_CGoeVX7mFkDbRFu7ek%3D")
    }

    @Test func queryValuesAreEscapedStrictly() {
        var request = APIRequest(.get, ["v1", "customers"])
        request.add("email", "a b+c&d=e@x.io")
        request.add("limit", 50)
        request.add("drafts", false)
        request.add("missing", nil as String?)
        #expect(request.url(relativeTo: base).query == "email=a%20b%2Bc%26d%3De%40x.io&limit=50&drafts=false")
    }

    @Test func aBaseWithAPathPrefixIsKept() {
        let request = APIRequest(.get, ["v1", "segments"])
        #expect(request.url(relativeTo: URL(string: "https://proxy.example.com/cio/")!).absoluteString == "https://proxy.example.com/cio/v1/segments")
    }

    /// The spec documents only `customer_id`, `start` and `limit` for relationships: the path value is the customer
    /// id and no `id_type` goes with it, unlike every other customer sub-resource.
    @Test func relationshipsTakeTheCustomerIDAndNoIDType() async throws {
        let transport = ScriptedTransport([], fallback: .respond(.json(200, #"{"cio_relationships":[],"next":""}"#)))
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("k")!), transport: transport)
        _ = try await client.customerRelationships(id: "42", start: "Mg==", limit: 50)
        _ = try await client.customerSegments(id: "a3000001", idType: .cioID)
        let sent = transport.sent.map { URLComponents(url: $0.url, resolvingAgainstBaseURL: false)! }
        #expect(sent.first?.path == "/v1/customers/42/relationships")
        #expect(sent.first?.queryItems?.map(\.name) == ["start", "limit"])
        // The other sub-resources still say which identifier they were given.
        #expect(sent.last?.queryItems?.contains(URLQueryItem(name: "id_type", value: "cio_id")) == true)
    }

    @Test func aRelationshipsMissSaysTheEndpointTakesOnlyAnID() async throws {
        let transport = ScriptedTransport([], fallback: .respond(.json(404, #"{"errors":[{"detail":"not found","status":"404"}]}"#)))
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("k")!), transport: transport)
        let error = try await #require(throws: CustomerIOError.self) { try await client.customerRelationships(id: "jane@example.com") }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("takes only a customer id"), "\(error.message)")
        #expect(!error.message.contains("--id-type"))
    }

    @Test func getsAreReadsAndOtherMethodsAreWritesByDefault() {
        #expect(APIRequest(.get, ["v1"]).safety == .read)
        #expect(APIRequest(.post, ["v1"]).safety == .write)
        #expect(APIRequest(.delete, ["v1"]).safety == .write)
    }
}

@Suite struct ConfigurationTests {
    @Test func regionsPickTheirHosts() throws {
        let settings = ConnectionSettings(key: "k", region: "EU")
        let configuration = try settings.configuration()
        #expect(configuration.appBaseURL.absoluteString == "https://api-eu.customer.io")
        #expect(configuration.trackBaseURL.absoluteString == "https://track-eu.customer.io")
    }

    @Test func flagsBeatTheEnvironment() throws {
        let environment = ["CUSTOMERIO_APP_API_KEY": "from-env", "CUSTOMERIO_REGION": "eu", "CUSTOMERIO_APP_API_URL": "http://127.0.0.1:4010"]
        let merged = ConnectionSettings(region: "us").merged(with: environment)
        #expect(merged.region == "us")
        #expect(merged.key == "from-env")
        let configuration = try merged.configuration()
        #expect(configuration.appBaseURL.absoluteString == "http://127.0.0.1:4010")
        #expect(configuration.isBaseURLOverridden)
    }

    @Test func plainHTTPIsOnlyForLoopback() throws {
        #expect(throws: CustomerIOError.self) { try ConnectionSettings(key: "k", apiURL: "http://api.example.com").configuration() }
        for host in ["http://localhost:1", "http://127.0.0.1:1", "http://127.8.9.10", "http://[::1]:4010"] {
            #expect(throws: Never.self) { try ConnectionSettings(key: "k", apiURL: host).configuration() }
        }
        #expect(throws: CustomerIOError.self) { try ConnectionSettings(key: "k", apiURL: "http://128.0.0.1").configuration() }
        #expect(throws: CustomerIOError.self) { try ConnectionSettings(key: "k", apiURL: "ftp://127.0.0.1").configuration() }
    }

    @Test func aMissingKeyExplainsWhereToGetOne() {
        let error = #expect(throws: CustomerIOError.self) { try ConnectionSettings().configuration() }
        #expect(error?.message.contains("CUSTOMERIO_APP_API_KEY") == true)
        #expect(error?.message.contains("--demo") == true)
        #expect(throws: CustomerIOError.self) { try ConnectionSettings(key: "   \n").configuration() }
        #expect(throws: CustomerIOError.self) { try ConnectionSettings(key: "k", region: "asia").configuration() }
    }

    @Test func secretsNeverPrint() {
        let secret = Secret("sk_live_very_secret\n")!
        #expect(secret.reveal() == "sk_live_very_secret")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("very_secret"))
        let configuration = try? ClientConfiguration(key: secret)
        var configurationDump = ""
        dump(configuration, to: &configurationDump)
        #expect(!configurationDump.contains("very_secret"))
    }
}

@Suite struct CursorPagesTests {
    @Test func walksUntilNextRunsOut() async throws {
        let pages = CursorPages<Int> { start in
            switch start {
            case nil: ([1, 2], "a")
            case "a": ([3], "b")
            default: ([4], nil)
            }
        }
        #expect(try await pages.collect() == [1, 2, 3, 4])
    }

    @Test func anEmptyOrRepeatedCursorEnds() async throws {
        let empty = CursorPages<Int> { start in start == nil ? ([1], "x") : ([2], "") }
        #expect(try await empty.collect() == [1, 2])
        let looping = CursorPages<Int> { _ in ([7], "same") }
        #expect(try await looping.collect() == [7, 7])
    }

    @Test func collectStopsAtTheLimit() async throws {
        let endless = CursorPages<Int> { start in ([Int(start ?? "0")!], String(Int(start ?? "0")! + 1)) }
        #expect(try await endless.collect(limit: 5) == [0, 1, 2, 3, 4])
    }
}
