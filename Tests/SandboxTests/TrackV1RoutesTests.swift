import Foundation
import Testing
@testable import Sandbox

/// Track API v1: each endpoint, its refusals in v1's shape, and what the App API shows afterwards.
@Suite struct TrackV1RoutesTests {
    /// The messages of a v1 `{"meta":{"errors":[…]}}` body.
    private func metaErrors(_ result: TestClient.Result) -> [String] {
        (result.json["meta"] as? [String: Any])?["errors"] as? [String] ?? []
    }

    @Test func putSetsAndRemovesAttributesAndCreatesByTheIdentifiersShape() async throws {
        try await withTrackSandbox { _, track in
            let put = try await track.v1("PUT", "/api/v1/customers/42", #"{"plan":"v1-plan","score":7,"beta":true,"city":"","unsubscribed":true,"created_at":1500000000}"#)
            #expect(put.status == 200)
            #expect(put.text == "{}")
            let customer = try #require(try await track.customer("42"))
            let attributes = customer["attributes"] as? [String: String] ?? [:]
            #expect(attributes["plan"] == "v1-plan")
            #expect(attributes["score"] == "7")
            #expect(attributes["beta"] == "true")
            #expect(attributes["city"] == nil)
            #expect(attributes["created_at"] == "1500000000")
            #expect(customer["unsubscribed"] as? Bool == true)

            // The identifier's kind comes from its shape.
            #expect(try await track.v1("PUT", "/api/v1/customers/v1-new", #"{"first_name":"Vee"}"#).status == 200)
            #expect(try await track.attributes("v1-new")?["first_name"] == "Vee")
            #expect(try await track.v1("PUT", "/api/v1/customers/v1.mail%40example.com", #"{"first_name":"Mae"}"#).status == 200)
            #expect(try await track.attributes("v1.mail@example.com", idType: "email")?["first_name"] == "Mae")
            let cioID = try #require((try await track.customer("43")?["identifiers"] as? [String: Any])?["cio_id"] as? String)
            #expect(try await track.v1("PUT", "/api/v1/customers/cio_\(cioID)", #"{"nickname":"by-cio"}"#).status == 200)
            #expect(try await track.attributes("43")?["nickname"] == "by-cio")

            // `_update` on someone unknown creates no one; nested values are not v1 attributes.
            #expect(try await track.v1("PUT", "/api/v1/customers/v1-ghost", #"{"_update":true,"plan":"x"}"#).status == 200)
            #expect(try await track.customer("v1-ghost") == nil)
            let nested = try await track.v1("PUT", "/api/v1/customers/42", #"{"address":{"street":"Main"}}"#)
            #expect(nested.status == 400)
            #expect(metaErrors(nested).first?.contains("address") == true)
        }
    }

    @Test func devicesAreAddedAndDeleted() async throws {
        try await withTrackSandbox { _, track in
            func tokens() async throws -> [String] {
                (try await track.customer("42")?["devices"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            }
            let add = try await track.v1("PUT", "/api/v1/customers/42/devices", #"{"device":{"id":"v1-token","platform":"android","last_used":1700000001,"attributes":{"app_version":"2.1"}}}"#)
            #expect(add.status == 200)
            #expect(try await tokens().contains("v1-token"))
            #expect(try await track.v1("DELETE", "/api/v1/customers/42/devices/v1-token").status == 200)
            #expect(try await !tokens().contains("v1-token"))

            let noPlatform = try await track.v1("PUT", "/api/v1/customers/42/devices", #"{"device":{"id":"t"}}"#)
            #expect(noPlatform.status == 400)
            #expect(metaErrors(noPlatform) == ["device.platform is required"])
            #expect(try await track.v1("PUT", "/api/v1/customers/42/devices", #"{"device":{"token":"t","platform":"ios"}}"#).status == 400, "v1 calls the token id")
        }
    }

    @Test func suppressAndUnsuppressAndDelete() async throws {
        try await withTrackSandbox { _, track in
            let suppress = try await track.v1("POST", "/api/v1/customers/60/suppress")
            #expect(suppress.status == 200)
            #expect(try await track.customer("60") == nil)
            #expect(try await track.v1("PUT", "/api/v1/customers/60", #"{"plan":"back"}"#).status == 200)
            #expect(try await track.customer("60") == nil, "a suppressed id creates no one")
            #expect(try await track.v1("POST", "/api/v1/customers/60/unsuppress").status == 200)
            #expect(try await track.customer("60") == nil)
            #expect(try await track.v1("PUT", "/api/v1/customers/60", #"{"plan":"back"}"#).status == 200)
            #expect(try await track.attributes("60")?["plan"] == "back")

            #expect(try await track.v1("DELETE", "/api/v1/customers/61").status == 200)
            #expect(try await track.customer("61") == nil)
        }
    }

    @Test func eventsGoToThePersonAndAnonymousOnesToNoOne() async throws {
        try await withTrackSandbox { server, track in
            let event = try await track.v1("POST", "/api/v1/customers/42/events", #"{"name":"v1_event","data":{"price":23.5},"timestamp":1700000500}"#)
            #expect(event.status == 200)
            let found = try await track.activities("42", query: "&name=v1_event")
            #expect(found.first?["timestamp"] as? Int == 1_700_000_500)
            #expect((found.first?["data"] as? [String: Any])?["price"] as? Double == 23.5)
            #expect(try await track.v1("POST", "/api/v1/customers/42/events", #"{"name":"/home","type":"page"}"#).status == 200)
            #expect(try await track.activities("42", query: "&type=page").first?["name"] as? String == "/home")

            let missing = try await track.v1("POST", "/api/v1/customers/42/events", #"{"data":{}}"#)
            #expect(missing.status == 400)
            #expect(metaErrors(missing) == ["name is required"])
            #expect(try await track.v1("POST", "/api/v1/customers/42/events", #"{"name":"x","type":"click"}"#).status == 400)

            let before = try await track.client.get("/v1/activities?limit=1").json["activities"] as? [[String: Any]]
            let anonymous = try await track.v1("POST", "/api/v1/events", #"{"name":"anonymous_visit","anonymous_id":"anon-1","data":{"path":"/"}}"#)
            #expect(anonymous.status == 200)
            #expect(server.probe.anonymousEventNames() == ["anonymous_visit"])
            let after = try await track.client.get("/v1/activities?limit=1").json["activities"] as? [[String: Any]]
            #expect(after?.first?["id"] as? String == before?.first?["id"] as? String, "no person's feed changes")
            #expect(try await track.v1("POST", "/api/v1/events", #"{"anonymous_id":"anon-1"}"#).status == 400)
        }
    }

    @Test func mergeCustomersAndItsOwnErrorShape() async throws {
        try await withTrackSandbox { _, track in
            let merge = try await track.v1("POST", "/api/v1/merge_customers", #"{"primary":{"id":"70"},"secondary":{"id":"71"}}"#)
            #expect(merge.status == 200)
            #expect(try await track.customer("71") == nil)
            #expect(try await track.customer("70") != nil)

            let twoKeys = try await track.v1("POST", "/api/v1/merge_customers", #"{"primary":{"id":"70","email":"a@b.c"},"secondary":{"id":"72"}}"#)
            #expect(twoKeys.status == 400)
            #expect(((twoKeys.json["meta"] as? [String: Any])?["error"] as? String)?.contains("primary") == true)
            let noPrimary = try await track.v1("POST", "/api/v1/merge_customers", #"{"primary":{"id":"no-one"},"secondary":{"id":"72"}}"#)
            #expect(noPrimary.status == 400)
            #expect(try await track.customer("72") != nil)
        }
    }

    @Test(arguments: ["us", "eu"])
    func theRegionIsReported(region: String) async throws {
        try await withTrackSandbox(configure: { $0.trackRegion = region }) { _, track in
            let result = try await track.v1("GET", "/api/v1/accounts/region")
            #expect(result.status == 200)
            #expect(result.json["region"] as? String == region)
            #expect(result.json["url"] as? String == (region == "eu" ? "https://track-eu.customer.io" : "https://track.customer.io"))
            #expect(result.json["environment_id"] is Int)
            #expect(try await track.client.get("/api/v1/accounts/region").status == 401, "Basic credentials are required")
        }
    }
}
