import Foundation
import Testing
@testable import Sandbox

/// The Pipelines (CDP) API under `/cdp`: permissive unless `X-Strict-Mode: 1`, and what its calls change.
@Suite struct PipelinesRoutesTests {
    /// A call missing what it needs, for each call: strict mode names it, permissive mode answers 200 anyway.
    static let incomplete: [(call: String, body: String, missing: String)] = [
        ("identify", #"{"traits":{"plan":"x"}}"#, "userId"),
        ("track", #"{"userId":"42"}"#, "event"),
        ("track", #"{"event":"Signed Up"}"#, "userId"),
        ("page", #"{"name":"Home"}"#, "userId"),
        ("screen", #"{"properties":{}}"#, "userId"),
        ("group", #"{"userId":"42"}"#, "groupId"),
        ("group", #"{"groupId":"acct_1"}"#, "userId"),
        ("alias", #"{"userId":"42"}"#, "previousId"),
        ("alias", #"{"previousId":"anon-9"}"#, "userId"),
        ("batch", #"{"context":{}}"#, "batch"),
        ("batch", #"{"batch":[{"type":"track","userId":"42"}]}"#, "event"),
        ("batch", #"{"batch":[{"userId":"42"}]}"#, "type"),
    ]

    @Test(arguments: incomplete.indices)
    func strictModeRefusesWhatPermissiveModeSwallows(index: Int) async throws {
        let (call, body, missing) = Self.incomplete[index]
        try await withTrackSandbox { _, track in
            let permissive = try await track.cdp(call, body)
            #expect(permissive.status == 200, "\(call) \(body)")
            #expect(permissive.text == "{}")
            let strict = try await track.cdp(call, body, strict: true)
            #expect(strict.status == 400, "\(call) \(body)")
            #expect(strict.json["code"] as? String == "invalid_request")
            #expect((strict.json["message"] as? String)?.contains(missing) == true, "\(strict.text)")
        }
    }

    @Test func aBadKeyIsAcceptedSilentlyUnlessStrict() async throws {
        try await withTrackSandbox(configure: { $0.cdpWriteKey = "write-key" }) { _, track in
            let body = #"{"userId":"42","traits":{"plan":"from-cdp"}}"#
            let missing = try await track.cdp("identify", body, key: nil)
            #expect(missing.status == 200)
            #expect(try await track.cdp("identify", body, key: "wrong").status == 200)
            #expect(try await track.attributes("42")?["plan"] != "from-cdp", "a call with a bad key changes nothing")
            let strictMissing = try await track.cdp("identify", body, strict: true, key: nil)
            #expect(strictMissing.status == 401)
            #expect(strictMissing.json["code"] as? String == "unauthorized")
            #expect(try await track.cdp("identify", body, strict: true, key: "wrong").status == 401)
            #expect(try await track.cdp("identify", body, strict: true).status == 200)
            #expect(try await track.attributes("42")?["plan"] == "from-cdp")
        }
    }

    @Test func aBadPayloadChangesNothingEvenWhenAccepted() async throws {
        try await withTrackSandbox { _, track in
            let tooLong = #"{"userId":"42","traits":{"plan":"not-applied","bio":"\#(String(repeating: "b", count: 1_001))"}}"#
            #expect(try await track.cdp("identify", tooLong).status == 200)
            #expect(try await track.attributes("42")?["plan"] != "not-applied")
            let strict = try await track.cdp("identify", tooLong, strict: true)
            #expect(strict.status == 400)
            let big = #"{"userId":"42","event":"big","properties":{"blob":"\#(String(repeating: "z", count: 33 * 1_024))"}}"#
            #expect(try await track.cdp("track", big, strict: true).status == 400, "over 32 kB")
            #expect(try await track.activities("42", query: "&name=big").isEmpty)
        }
    }

    @Test func identifyAndTrackShowThroughTheAppAPI() async throws {
        try await withTrackSandbox { _, track in
            #expect(try await track.cdp("identify", #"{"userId":"42","traits":{"plan":"cdp-plan","email":"cdp42@example.com"}}"#).status == 200)
            let attributes = try #require(try await track.attributes("42"))
            #expect(attributes["plan"] == "cdp-plan")
            #expect(try await track.attributes("cdp42@example.com", idType: "email")?["id"] == "42")

            #expect(try await track.cdp("identify", #"{"userId":"cdp-new","traits":{"first_name":"Cee"}}"#).status == 200)
            #expect(try await track.attributes("cdp-new")?["first_name"] == "Cee")

            let event = #"{"userId":"42","event":"Order Completed","properties":{"total":99},"timestamp":"2024-05-01T12:00:00.000Z"}"#
            #expect(try await track.cdp("track", event, strict: true).status == 200)
            let found = try await track.activities("42", query: "&type=event&name=Order%20Completed")
            #expect(found.first?["timestamp"] as? Int == 1_714_564_800)
            #expect((found.first?["data"] as? [String: Any])?["total"] as? Int == 99)

            #expect(try await track.cdp("page", #"{"userId":"42","name":"Pricing","properties":{"url":"https://lumen.example/pricing"}}"#).status == 200)
            #expect(try await track.activities("42", query: "&type=page").first?["name"] as? String == "Pricing")
            #expect(try await track.cdp("screen", #"{"userId":"42","name":"Inbox"}"#).status == 200)
            #expect(try await track.activities("42", query: "&type=screen").first?["name"] as? String == "Inbox")
        }
    }

    @Test func groupRelatesTheUserToAnObjectAndAliasRecordsNothing() async throws {
        try await withTrackSandbox { _, track in
            let group = #"{"userId":"42","groupId":"team-blue","traits":{"objectTypeId":"2","name":"Team Blue"}}"#
            #expect(try await track.cdp("group", group, strict: true).status == 200)
            let object = try await track.client.get("/v1/objects/2/team-blue/attributes")
            #expect(((object.json["object"] as? [String: Any])?["attributes"] as? [String: Any])?["name"] as? String == "Team Blue")
            #expect(try await track.relatedObjects("42").contains("team-blue"))
            #expect(try await track.objectPeople(type: 2, id: "team-blue") == ["42"])

            // Without objectTypeId the object is an account (type 1).
            #expect(try await track.cdp("group", #"{"userId":"43","groupId":"acme-co"}"#, strict: true).status == 200)
            #expect(try await track.client.get("/v1/objects/1/acme-co/attributes").status == 200)
            #expect(try await track.cdp("group", #"{"userId":"43","groupId":"x","traits":{"objectTypeId":"zero"}}"#, strict: true).status == 400)

            let before = try await track.customer("42")
            #expect(try await track.cdp("alias", #"{"previousId":"anon-1","userId":"42"}"#, strict: true).status == 200)
            #expect(try await track.customer("42")?["attributes"] as? [String: String] == before?["attributes"] as? [String: String])
        }
    }

    @Test func aBatchIsAppliedItemByItem() async throws {
        try await withTrackSandbox { _, track in
            let body = #"{"batch":[{"type":"identify","userId":"42","traits":{"plan":"batch-plan"}},{"type":"track","userId":"42"},{"type":"track","userId":"43","event":"Batched"}],"context":{"library":{"name":"test"}}}"#
            // Strict: one bad item refuses the whole batch, and nothing is applied.
            let strict = try await track.cdp("batch", body, strict: true)
            #expect(strict.status == 400)
            #expect((strict.json["message"] as? String)?.contains("batch[1]") == true)
            #expect(try await track.attributes("42")?["plan"] != "batch-plan")

            // Permissive: the good items are applied, the bad one dropped.
            #expect(try await track.cdp("batch", body).status == 200)
            #expect(try await track.attributes("42")?["plan"] == "batch-plan")
            #expect(try await track.activities("43").first?["name"] as? String == "Batched")

            let big = (0 ..< 20).map { _ in #"{"type":"track","userId":"44","event":"e","properties":{"p":"\#(String(repeating: "q", count: 30_000))"}}"# }
            #expect(try await track.cdp("batch", #"{"batch":[\#(big.joined(separator: ","))]}"#, strict: true).status == 400, "over 500 kB")
        }
    }
}
