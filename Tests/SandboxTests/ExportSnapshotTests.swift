import Foundation
import Testing
@testable import Sandbox

/// Exports hold what their total counts, fixed when it was counted, with every attribute the people have; ESP
/// suppressions say the status their reason gives.
@Suite struct ExportSnapshotTests {
    /// The CSV rows of export `id` once it is done (header first).
    static func file(_ id: Int, _ server: SandboxServer, _ client: TestClient) async throws -> [[String]] {
        let done = try await eventually(within: 60) {
            try await client.get("/v1/exports/\(id)").json["export"].flatMap { ($0 as? [String: Any])?["status"] as? String } == "done"
        }
        #expect(done)
        let url = try #require(try await client.get("/v1/exports/\(id)/download").json["url"] as? String)
        let text = try await client.get(String(url.dropFirst(server.baseURL.absoluteString.count))).text
        // The generated values hold no quoted commas or line breaks: a plain split reads them.
        return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func total(_ id: Int, _ client: TestClient) async throws -> Int {
        try #require(try await client.get("/v1/exports/\(id)").json["export"].flatMap { ($0 as? [String: Any])?["total"] as? Int })
    }

    @Test func anExportKeepsThePeopleItCountedWhenSomeoneLeavesTheSegment() async throws {
        try await withTrackSandbox { server, track in
            let client = track.client
            let total = try await Self.total(1, client)
            // Someone in Pro plan moves to another plan after the export was made.
            let members = try await client.get("/v1/segments/1/membership?limit=1").json["identifiers"] as? [[String: Any]]
            let leaving = try #require(members?.first?["id"] as? String)
            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"\#(leaving)"},"action":"identify","attributes":{"plan":"basic"}}"#).status == 200)
            let rows = try await Self.file(1, server, client)
            #expect(rows.count == total + 1, "the total says \(total)")
            #expect(rows.dropFirst().contains { $0.first == leaving }, "whoever was counted is in the file")
        }
    }

    @Test func aCustomersExportHasEveryAttributeIncludingOnesSetByWrites() async throws {
        try await withTrackSandbox { server, track in
            let client = track.client
            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"7"},"action":"identify","attributes":{"score":42,"newsletter_opt_in":true}}"#).status == 200)
            let started = try await client.post("/v1/exports/customers", #"{"filters":{"and":[{"attribute":{"field":"score","operator":"exists"}}]}}"#)
            #expect(started.status == 200, "\(started.text)")
            let id = try #require((started.json["export"] as? [String: Any])?["id"] as? Int)
            let rows = try await Self.file(id, server, client)
            let header = try #require(rows.first)
            #expect(Array(header.prefix(3)) == ["id", "email", "cio_id"])
            let person = try #require(rows.dropFirst().first { $0.first == "7" })
            let score = try #require(header.firstIndex(of: "score"))
            let optIn = try #require(header.firstIndex(of: "newsletter_opt_in"))
            #expect(person[score] == "42")
            #expect(person[optIn] == "true")
            #expect(rows.count == (try await Self.total(id, client)) + 1)
        }
    }

    @Test func aSuppressionsStatusIsTheOneItsReasonGives() async throws {
        try await withSandbox { _, client in
            let answer = try await client.get("/v1/esp/suppression/bounces?limit=1000").json
            let entries = try #require(answer["suppressions"] as? [[String: Any]])
            #expect(!entries.isEmpty)
            for entry in entries {
                let reason = entry["reason"] as? String ?? ""
                let status = entry["status"] as? String ?? ""
                #expect(reason.contains(status), "status \(status) beside “\(reason)”")
            }
            #expect(EspList.status(of: "Hard bounce: 554 5.7.1 message rejected as spam") == "554")
            #expect(EspList.status(of: "Uploaded manually via api.customer.io") == "550")
        }
    }
}
