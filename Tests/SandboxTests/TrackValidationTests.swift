import Foundation
import Testing
@testable import Sandbox

/// What the Track API v2 refuses, and how: 400 with the field for one operation, 207 by position in a batch (the rest
/// applied), the documented size limits, and Basic auth.
@Suite struct TrackValidationTests {
    /// An entity that must be refused, and the field its error names.
    static let refusals: [(body: String, field: String)] = [
        (#"{"identifiers":{"id":"1"},"action":"identify"}"#, "type"),
        (#"{"type":"robot","identifiers":{"id":"1"},"action":"identify"}"#, "type"),
        (#"{"type":"person","identifiers":{"id":"1"}}"#, "action"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"explode"}"#, "action"),
        (#"{"type":"object","identifiers":{"object_type_id":"1","object_id":"a"},"action":"suppress"}"#, "action"),
        (#"{"type":"person","action":"identify"}"#, "identifiers"),
        (#"{"type":"person","identifiers":{"id":"1","email":"a@b.c"},"action":"identify"}"#, "identifiers"),
        (#"{"type":"person","identifiers":{"id":42},"action":"identify"}"#, "identifiers.id"),
        (#"{"type":"person","identifiers":{"phone":"+15555550100"},"action":"identify"}"#, "identifiers.phone"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"identify","attributes":"plan=pro"}"#, "attributes"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"identify","timestamp":"yesterday"}"#, "timestamp"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"identify","attributes":{"_update":"yes"}}"#, "attributes._update"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"identify","attributes":{"unsubscribed":"no"}}"#, "attributes.unsubscribed"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"identify","attributes":{"cio_subscription_preferences":{"topics":{"news":true}}}}"#, "attributes.cio_subscription_preferences.topics.news"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"add_device","device":{"token":"t"}}"#, "device.platform"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"add_device","device":{"token":"t","platform":"windows"}}"#, "device.platform"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"add_device"}"#, "device"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"delete_device","device":{}}"#, "device.token"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"add_relationships"}"#, "cio_relationships"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"add_relationships","cio_relationships":[{"identifiers":{"object_type_id":"0","object_id":"a"}}]}"#, "cio_relationships[0].identifiers.object_type_id"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"event"}"#, "name"),
        (#"{"type":"person","identifiers":{"id":"1"},"action":"event","name":"x","attributes":[1]}"#, "attributes"),
        (#"{"type":"person","action":"merge","primary":{"id":"1"}}"#, "secondary"),
        (#"{"type":"person","action":"merge","primary":{"id":"1","email":"a@b.c"},"secondary":{"id":"2"}}"#, "primary"),
        (#"{"type":"object","identifiers":{"object_id":"a"},"action":"identify"}"#, "identifiers.object_type_id"),
        (#"{"type":"object","identifiers":{"object_type_id":"1","object_id":"a"},"action":"add_relationships"}"#, "cio_relationships"),
    ]

    @Test(arguments: refusals.indices)
    func anInvalidEntityIsRefusedNamingTheField(index: Int) async throws {
        let (body, field) = Self.refusals[index]
        try await withTrackSandbox { _, track in
            let result = try await track.entity(body)
            #expect(result.status == 400, "\(body)")
            let error = try #require(result.trackErrors.first, "\(result.text)")
            #expect(error["field"] as? String == field, "\(body) → \(result.text)")
            #expect((error["reason"] as? String)?.isEmpty == false)
            #expect((error["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func refusedEntitiesChangeNothing() async throws {
        try await withTrackSandbox { _, track in
            let phone = try await track.entity(#"{"type":"person","identifiers":{"phone":"+15555550100"},"action":"identify"}"#)
            #expect(phone.trackErrors.first?["message"] as? String == "phone is not enabled as an identifier in this workspace")
            let invalid = #"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"plan":"changed","unsubscribed":"maybe"}}"#
            #expect(try await track.entity(invalid).status == 400)
            #expect(try await track.attributes("42")?["plan"] != "changed")
            #expect(try await track.entity("{not json").status == 400)
            #expect(try await track.entity("[]").status == 400)
        }
    }

    @Test func aBatchAppliesTheValidOperationsAndReportsTheRestByPosition() async throws {
        try await withTrackSandbox { _, track in
            let body = #"{"batch":[{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"plan":"batched"}},{"type":"person","identifiers":{"id":"42"}},{"type":"person","identifiers":{"id":"43"},"action":"event","name":"batch_event"},{"type":"person","identifiers":{"id":"44"},"action":"add_device","device":{"token":"x"}}]}"#
            let result = try await track.batch(body)
            #expect(result.status == 207)
            let errors = result.trackErrors
            #expect(errors.map { $0["batch_index"] as? Int } == [1, 3])
            #expect(errors.map { $0["field"] as? String } == ["action", "device.platform"])
            #expect(errors.allSatisfy { $0["reason"] is String && $0["message"] is String })
            #expect(try await track.attributes("42")?["plan"] == "batched")
            #expect(try await track.activities("43").first?["name"] as? String == "batch_event")

            let clean = try await track.batch(#"{"batch":[{"type":"person","identifiers":{"id":"45"},"action":"identify","attributes":{"plan":"ok"}}]}"#)
            #expect(clean.status == 200)
            #expect(clean.text == "{}")

            // The spec's batch body requires no member: an object without `batch` is an empty batch.
            #expect(try await track.batch("{}").status == 200)
            for malformed in ["{nope", #"{"batch":{"type":"person"}}"#, "[]"] {
                let whole = try await track.batch(malformed)
                #expect(whole.status == 400, "\(malformed)")
                #expect(whole.trackErrors.first?["batch_index"] == nil)
                #expect(whole.trackErrors.first?["field"] is String)
            }
        }
    }

    @Test func theDocumentedLimitsAreEnforced() async throws {
        try await withTrackSandbox { _, track in
            func identify(_ attributes: String) -> String {
                #"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{\#(attributes)}}"#
            }
            let atLimit = try await track.entity(identify(#""bio":"\#(String(repeating: "a", count: 1_000))""#))
            #expect(atLimit.status == 200)
            let over = try await track.entity(identify(#""bio":"\#(String(repeating: "é", count: 500))a""#))
            #expect(over.status == 400, "1,001 bytes in 501 characters")
            #expect(over.trackErrors.first?["field"] as? String == "attributes.bio")
            #expect(over.trackErrors.first?["reason"] as? String == "too_long")
            let longName = try await track.entity(identify(#""\#(String(repeating: "n", count: 151))":"x""#))
            #expect(longName.trackErrors.first?["reason"] as? String == "too_long")
            let many = (0 ..< 301).map { #""a\#($0)":1"# }.joined(separator: ",")
            #expect(try await track.entity(identify(many)).status == 400)
            let longID = try await track.entity(#"{"type":"person","identifiers":{"id":"\#(String(repeating: "9", count: 151))"},"action":"delete"}"#)
            #expect(longID.trackErrors.first?["field"] as? String == "identifiers.id")
            let longEvent = try await track.entity(#"{"type":"person","identifiers":{"id":"42"},"action":"event","name":"\#(String(repeating: "e", count: 101))"}"#)
            #expect(longEvent.trackErrors.first?["field"] as? String == "name")

            // 33 kB in one entity (spread over attributes that are each within their limit).
            let big = (0 ..< 40).map { #""k\#($0)":"\#(String(repeating: "x", count: 900))""# }.joined(separator: ",")
            let tooBig = try await track.entity(identify(big))
            #expect(tooBig.status == 400)
            #expect(tooBig.trackErrors.first?["reason"] as? String == "too_large")
            #expect(try await track.attributes("42")?["k0"] == nil)

            // In a batch, an operation over 32 kB is refused on its own.
            let batch = try await track.batch(#"{"batch":[\#(identify(big)),\#(identify(#""small":"yes""#))]}"#)
            #expect(batch.status == 207)
            #expect(batch.trackErrors.map { $0["batch_index"] as? Int } == [0])
            #expect(try await track.attributes("42")?["small"] == "yes")
            let huge = (0 ..< 600).map { _ in identify(#""v":"\#(String(repeating: "y", count: 900))""#) }.joined(separator: ",")
            #expect(try await track.batch(#"{"batch":[\#(huge)]}"#).status == 400, "over 500 kB in all")
        }
    }

    @Test func trackWritesNeedBasicCredentials() async throws {
        try await withTrackSandbox(configure: { $0.trackSiteID = "site"; $0.trackKey = "trackkey" }) { _, track in
            let body = #"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"plan":"x"}}"#
            let missing = try await track.client.send("POST", "/api/v2/entity", json: body, headers: ["Authorization": ""])
            #expect(missing.status == 401)
            #expect(try await track.client.send("POST", "/api/v2/entity", json: body).status == 401, "a Bearer key is not Basic")
            let wrong = "Basic " + Data("site:other".utf8).base64EncodedString()
            #expect(try await track.client.send("POST", "/api/v2/batch", json: #"{"batch":[]}"#, headers: ["Authorization": wrong]).status == 401)
            #expect(try await track.client.send("PUT", "/api/v1/customers/42", json: #"{"plan":"x"}"#, headers: ["Authorization": wrong]).status == 401)
            #expect(try await track.attributes("42")?["plan"] != "x")
            #expect(try await track.entity(body).status == 200)
        }
    }
}
