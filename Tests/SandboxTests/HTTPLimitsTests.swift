import Foundation
import Testing
@testable import Sandbox

/// Rate limits and faults, seen from the client side.
@Suite struct HTTPLimitsTests {
    @Test func eleventhRequestInASecondGets429() async throws {
        try await withSandbox { server, client in
            // Forty at once, and again (at most five times) while none was limited: on a machine so loaded that
            // fewer than eleven of forty landed inside one second, the next round still shows the limit.
            var results: [TestClient.Result] = []
            for _ in 0 ..< 5 where !results.contains(where: { $0.status == 429 }) {
                results += try await withThrowingTaskGroup(of: TestClient.Result.self) { group in
                    for _ in 0 ..< 40 { group.addTask { try await client.get("/v1/segments") } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            let limited = results.filter { $0.status == 429 }
            #expect(!limited.isEmpty)
            for response in limited {
                #expect(response.header("Retry-After") == "1")
                #expect(response.errorStatus == "429")
                #expect(response.errorDetail?.hasPrefix("rate limited to 10 requests per 1s (reference ") == true)
            }
            // Every request was seen; accepted ones never exceed ten in any second (how many were accepted in all
            // depends on how fast the machine sent them, so only the window is asserted).
            #expect(server.probe.requestCount(method: "GET", pathPrefix: "/v1/segments") == results.count)
            let accepted = server.probe.requests().filter { $0.status != 429 }.map(\.receivedAt)
            #expect(accepted.allSatisfy { time in accepted.filter { $0 >= time && $0 < time + 1 }.count <= 10 })

            // Sends are not held to the 10/s window.
            let sends = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0 ..< 15 {
                    group.addTask {
                        try await client.post("/v1/send/email", #"{"transactional_message_id":1,"to":"x@example.com","identifiers":{"id":"1"}}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(sends.allSatisfy { $0 == 200 })

            server.probe.setRateLimit(false)
            let unlimited = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0 ..< 20 { group.addTask { try await client.get("/v1/segments").status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(unlimited.allSatisfy { $0 == 200 })
        }
    }

    @Test func triggersAreSpacedTenSecondsApart() async throws {
        try await withSandbox { server, client in
            server.probe.holdRateLimitTime(true)
            // Counted before the trigger: it may be processed before the next line runs.
            let before = server.probe.deliveryCount()
            let first = try await client.post("/v1/campaigns/60/triggers", #"{"data":{"sale":"spring"}}"#)
            #expect(first.status == 200)
            let triggerID = first.json["id"] as! Int

            let second = try await client.post("/v1/campaigns/60/triggers", #"{"ids":["1"]}"#)
            #expect(second.status == 429)
            let retryAfter = Int(second.header("Retry-After") ?? "") ?? 0
            #expect((1 ... 10).contains(retryAfter))
            #expect(second.errorStatus == "429")

            // The trigger is processed a moment later and its audience really gets deliveries.
            var processed: TestClient.Result?
            let done = try await eventually {
                processed = try await client.get("/v1/campaigns/60/triggers/\(triggerID)")
                return processed?.json["processed_at"] is Int
            }
            #expect(done)
            #expect(processed?.json["broadcast_id"] as? Int == 60)
            #expect(server.probe.deliveryCount() > before)
            let messages = try await client.get("/v1/broadcasts/60/messages?limit=5")
            let newest = (messages.json["messages"] as? [[String: Any]])?.first
            #expect(newest?["broadcast_id"] as? Int == 60)
            let listed = try await client.get("/v1/broadcasts/60/triggers").json["triggers"] as? [[String: Any]]
            #expect(listed?.contains { $0["id"] as? Int == triggerID } == true)
        }
    }

    @Test func triggerValidationUsesThe422Shape() async throws {
        try await withSandbox { _, client in
            #expect(try await client.post("/v1/campaigns/63/triggers", "{}").status == 422, "draft broadcasts can't be triggered")
            let two = try await client.post("/v1/campaigns/60/triggers", #"{"ids":["1"],"emails":["a@b.c"]}"#)
            #expect(two.status == 422)
            let error = (two.json["errors"] as? [[String: Any]])?.first
            #expect(error?["status"] as? String == "422")
            #expect((error?["source"] as? [String: Any])?["pointer"] is String)

            let unknown = try await client.post("/v1/campaigns/60/triggers", #"{"ids":["1","no-such-person"]}"#)
            #expect(unknown.status == 422)
            #expect(unknown.errorDetail?.contains("no-such-person") == true)

            // A rejected trigger doesn't use up the slot, so this one is accepted.
            let ignoring = try await client.post("/v1/campaigns/60/triggers", #"{"ids":["1","no-such-person"],"id_ignore_missing":true}"#)
            #expect(ignoring.status == 200)
            let id = ignoring.json["id"] as! Int
            let errors = try await client.get("/v1/campaigns/60/triggers/\(id)/errors")
            #expect((errors.json["errors"] as? [String])?.contains { $0.contains("no-such-person") } == true)

            #expect(try await client.post("/v1/campaigns/999/triggers", "{}").status == 404)
        }
    }

    @Test func scriptedFaults() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            server.probe.inject(.status(503, method: "GET", pathPrefix: "/v1/campaigns", times: 2, retryAfter: 3))
            let first = try await client.get("/v1/campaigns")
            #expect(first.status == 503)
            #expect(first.header("Retry-After") == "3")
            #expect(first.errorStatus == "503")
            #expect(try await client.get("/v1/campaigns").status == 503)
            #expect(try await client.get("/v1/campaigns").status == 200)

            // Handled for real, then answered 503: the send lands although the client sees an error.
            let before = server.probe.deliveryCount(customerID: "7")
            server.probe.inject(.failAfterHandling(503, method: "POST", pathPrefix: "/v1/send/"))
            let send = try await client.post("/v1/send/email", #"{"transactional_message_id":2,"to":"x@example.com","identifiers":{"id":"7"}}"#)
            #expect(send.status == 503)
            #expect((send.json["meta"] as? [String: Any])?["error"] is String)
            #expect(server.probe.deliveryCount(customerID: "7") == before + 1)

            server.probe.inject(.delay(400, pathPrefix: "/v1/workspaces"))
            let clock = ContinuousClock()
            var delayed: TestClient.Result?
            let elapsed = try await clock.measure { delayed = try await client.get("/v1/workspaces") }
            #expect(delayed?.status == 200)
            #expect(elapsed >= .milliseconds(400))

            server.probe.inject(ScriptedFault(pathPrefix: "/v1/snippets", status: 502, body: .html))
            let html = try await client.get("/v1/snippets")
            #expect(html.status == 502)
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(!html.isJSON)

            server.probe.inject(ScriptedFault(pathPrefix: "/v1/snippets", status: 200, body: .malformedJSON))
            let broken = try await client.get("/v1/snippets")
            #expect(broken.status == 200)
            #expect(!broken.isJSON)

            server.probe.inject(ScriptedFault(pathPrefix: "/v1/snippets", status: 500, body: .empty))
            let empty = try await client.get("/v1/snippets")
            #expect(empty.status == 500)
            #expect(empty.body.isEmpty)

            #expect(server.probe.requestCount(method: "GET", pathPrefix: "/v1/campaigns") == 3)
            server.probe.resetLog()
            #expect(server.probe.requests().isEmpty)
        }
    }

    @Test func randomFaultsAreReproducible() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            var collected: [Int] = []
            try await withSandbox(customers: 200, configure: {
                $0.seed = seed
                $0.rateLimit = false
                $0.errorRate = 0.3
                $0.malformedRate = 0.3
            }) { _, client in
                for _ in 0 ..< 30 {
                    let result = try await client.get("/v1/snippets")
                    collected.append(result.status == 200 && !result.isJSON ? -1 : result.status)
                }
            }
            return collected
        }
        let first = try await statuses(seed: 5)
        #expect(first == (try await statuses(seed: 5)))
        #expect(first.contains(-1), "some bodies are not JSON")
        #expect(first.contains { [500, 502, 503].contains($0) })
        #expect(first.contains(200))
    }

    @Test func everyMalformedBodyIsUnparseable() async throws {
        try await withSandbox(customers: 200, configure: { $0.malformedRate = 1; $0.rateLimit = false }) { _, client in
            var sawHTML = false
            var sawTruncated = false
            for path in ["/v1/segments", "/v1/campaigns", "/v1/segments", "/v1/workspaces"] {
                let result = try await client.get(path)
                #expect(result.status == 200)
                #expect(!result.isJSON)
                if result.header("Content-Type")?.hasPrefix("text/html") == true { sawHTML = true } else { sawTruncated = true }
            }
            #expect(sawHTML && sawTruncated)
        }
    }

    @Test func latencyIsAddedToEveryResponse() async throws {
        try await withSandbox(customers: 200, configure: { $0.latencyMilliseconds = 150 }) { _, client in
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { _ = try await client.get("/v1/info/ip_addresses") }
            #expect(elapsed >= .milliseconds(150))
        }
    }
}
