import Foundation
import Testing
@testable import Sandbox

/// People leaving through the Track API: delete, suppress (and unsuppress) and merge, as the App API sees them.
@Suite struct TrackLifecycleTests {
    @Test func suppressDeletesAndBlocksUntilUnsuppressWhichRestoresNothing() async throws {
        try await withTrackSandbox { _, track in
            #expect(try await track.customer("50") != nil)
            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"50"},"action":"suppress"}"#).status == 200)
            #expect(try await track.customer("50") == nil)

            // Blocked: accepted, and nobody is created.
            let again = #"{"type":"person","identifiers":{"id":"50"},"action":"identify","attributes":{"plan":"pro"}}"#
            #expect(try await track.entity(again).status == 200)
            #expect(try await track.customer("50") == nil)

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"50"},"action":"unsuppress"}"#).status == 200)
            #expect(try await track.customer("50") == nil, "unsuppress does not bring the profile back")

            // Unblocked: a new identify creates a new person with that id.
            #expect(try await track.entity(again).status == 200)
            let attributes = try #require(try await track.attributes("50"))
            #expect(attributes["plan"] == "pro")
            #expect(attributes["first_name"] == nil, "a new person, not the old profile")
        }
    }

    @Test func deleteAnswers404AndLeavesSegmentsAndSearches() async throws {
        try await withTrackSandbox { _, track in
            let segments = try await track.client.get("/v1/segments").json["segments"] as? [[String: Any]] ?? []
            let segmentIDs = segments.compactMap { $0["id"] as? Int }
            var chosen: (segment: Int, member: String, count: Int)?
            for id in segmentIDs where chosen == nil {
                let count = try await track.client.get("/v1/segments/\(id)/customer_count").json["count"] as? Int ?? 0
                guard count > 0 else { continue }
                let members = try await track.client.get("/v1/segments/\(id)/membership?limit=1").json["ids"] as? [String] ?? []
                if let member = members.first { chosen = (id, member, count) }
            }
            let (segment, member, count) = try #require(chosen)
            let search = #"{"filter":{"attribute":{"field":"id","operator":"eq","value":"\#(member)"}}}"#
            #expect(try await track.client.post("/v1/customers", search).json["ids"] as? [String] == [member])

            func people() async throws -> Int? {
                ((try await track.client.get("/v1/workspaces").json["workspaces"] as? [[String: Any]])?.first)?["people"] as? Int
            }
            let peopleBefore = try #require(try await people())
            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"\#(member)"},"action":"delete"}"#).status == 200)
            #expect(try await people() == peopleBefore - 1)
            #expect(try await track.customer(member) == nil)
            #expect(try await track.client.get("/v1/customers/\(member)/activities").status == 404)
            #expect(try await track.client.get("/v1/segments/\(segment)/customer_count").json["count"] as? Int == count - 1)
            let members = try await track.client.get("/v1/segments/\(segment)/membership?limit=30000").json["ids"] as? [String] ?? []
            #expect(!members.contains(member))
            #expect(try await track.client.post("/v1/customers", search).json["ids"] as? [String] == [])
        }
    }

    @Test func mergeMovesMessagesAttributesAndDevicesAndRemovesTheSecondary() async throws {
        try await withTrackSandbox { _, track in
            let primary = "1"
            let secondary = try #require(try await personWithMessages(other: primary, track))
            let primaryMessages = try await track.messageIDs(primary)
            let secondaryMessages = try await track.messageIDs(secondary)
            #expect(!secondaryMessages.isEmpty)
            let prepare = #"{"batch":[{"type":"person","identifiers":{"id":"\#(secondary)"},"action":"identify","attributes":{"favorite_color":"teal","plan":"secondary-plan"}},{"type":"person","identifiers":{"id":"\#(secondary)"},"action":"add_device","device":{"token":"merge-token","platform":"android"}},{"type":"person","identifiers":{"id":"\#(secondary)"},"action":"event","name":"before_merge"}]}"#
            #expect(try await track.batch(prepare).status == 200)
            let primaryPlan = try #require(try await track.attributes(primary)?["plan"])

            let merge = #"{"type":"person","action":"merge","primary":{"id":"\#(primary)"},"secondary":{"id":"\#(secondary)"}}"#
            #expect(try await track.entity(merge).status == 200)
            #expect(try await track.customer(secondary) == nil)
            let messages = try await track.messageIDs(primary)
            #expect(Set(messages) == Set(primaryMessages + secondaryMessages))
            let attributes = try #require(try await track.attributes(primary))
            #expect(attributes["favorite_color"] == "teal", "what the primary lacked comes from the secondary")
            #expect(attributes["plan"] == primaryPlan, "what the primary has stays")
            let devices = try await track.customer(primary)?["devices"] as? [[String: Any]] ?? []
            #expect(devices.contains { $0["id"] as? String == "merge-token" })

            let moved = try await track.activities(primary, query: "&name=before_merge")
            #expect(moved.first?["customer_id"] as? String == primary, "the secondary's activity is the primary's now")

            // A message moved by the merge names its new person.
            let movedID = try #require(secondaryMessages.first?.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let message = try await track.client.get("/v1/messages/\(movedID)").json["message"] as? [String: Any]
            #expect(message?["customer_id"] as? String == primary)

            let unknown = #"{"type":"person","action":"merge","primary":{"id":"nobody-here"},"secondary":{"id":"2"}}"#
            let refused = try await track.entity(unknown)
            #expect(refused.status == 400)
            #expect(refused.trackErrors.first?["field"] as? String == "primary")
            #expect(try await track.customer("2") != nil, "a refused merge changes nothing")
        }
    }

    /// Someone other than `other` with at least one message.
    private func personWithMessages(other: String, _ track: TrackCalls) async throws -> String? {
        let messages = try await track.client.get("/v1/messages?limit=50").json["messages"] as? [[String: Any]] ?? []
        return messages.compactMap { $0["customer_id"] as? String }.first { $0 != other }
    }
}
