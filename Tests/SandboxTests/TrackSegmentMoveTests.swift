import Foundation
import Testing
@testable import Sandbox

/// An attribute edit moves a person between the segments and searches that read it, as the real workspace does:
/// a plan changed from pro leaves "plan = pro" and joins "plan = enterprise"; changed back, they return.
@Suite struct TrackSegmentMoveTests {
    @Test func aPlanChangedMovesThePersonBetweenSegmentsAndSearches() async throws {
        try await withTrackSandbox { _, track in
            func search(_ plan: String) async throws -> [String] {
                let body = #"{"filter":{"attribute":{"field":"plan","operator":"eq","value":"\#(plan)"}}}"#
                return try await track.client.post("/v1/customers?limit=1000", body).json["ids"] as? [String] ?? []
            }
            let segments = try await track.client.get("/v1/segments").json["segments"] as? [[String: Any]] ?? []
            let pro = try #require(segments.first { ($0["name"] as? String) == "Pro plan" }?["id"] as? Int)
            func members() async throws -> [String] {
                try await track.client.get("/v1/segments/\(pro)/membership?limit=30000").json["ids"] as? [String] ?? []
            }
            let before = try await members()
            let person = try #require(before.first)
            #expect(try await search("pro").contains(person))

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"\#(person)"},"action":"identify","attributes":{"plan":"enterprise"}}"#).status == 200)
            #expect(try await !members().contains(person), "left Pro plan")
            #expect(try await members().count == before.count - 1)
            #expect(try await track.client.get("/v1/segments/\(pro)/customer_count").json["count"] as? Int == before.count - 1)
            #expect(try await !search("pro").contains(person))
            #expect(try await search("enterprise").contains(person))

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"\#(person)"},"action":"identify","attributes":{"plan":"pro"}}"#).status == 200)
            #expect(try await members().contains(person), "back in Pro plan")
        }
    }
}
