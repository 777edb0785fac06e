import Foundation
import Testing

/// `cio get …` against a server that answers with the vendor's documented example bodies, exactly as the spec shows them.
@Suite(.serialized) struct VendorExampleCLITests {
    func run(_ arguments: [String]) async throws -> CLIRunner.Result {
        let server = try await VendorExampleServer.start()
        let environment = CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": "vendor-example-key", "CUSTOMERIO_APP_API_URL": server.baseURL.absoluteString])
        do {
            let result = try await CLIRunner.run(arguments, environment: environment)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    func json(_ result: CLIRunner.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func segments() async throws {
        let result = try await run(["get", "segments", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try json(result) as? [[String: Any]])
        #expect(list.first?["name"] as? String == "Manual Segment 1")
        #expect(list.first?["id"] as? Int == 7)
        let table = try await run(["get", "segments", "-o", "table"])
        #expect(table.stdout.contains("Manual Segment 1"))
        #expect(table.stdout.hasPrefix("ID"))
    }

    @Test func segmentCounts() async throws {
        let result = try await run(["get", "segments", "--counts", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try json(result) as? [[String: Any]])
        #expect(list.first?["customer_count"] != nil)
    }

    @Test func customersByEmailWhereTheExampleIDIsANumber() async throws {
        let result = try await run(["get", "customers", "--email", "hugh.mann@example.com", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try json(result) as? [[String: Any]])
        #expect(list.first?["email"] as? String == "hugh.mann@example.com")
        #expect(list.first?["id"] as? String == "2")
    }

    @Test func customersByFilter() async throws {
        let result = try await run(["get", "customers", "--filter", "plan = pro", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try #require(try json(result) as? [[String: Any]]).count >= 1)
    }

    @Test func oneCustomer() async throws {
        let result = try await run(["get", "customer", "1", "-o", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("test@example.com"))
        #expect(result.stdout.contains("department"))
        #expect(result.stdout.contains("my_android_device_id"))
    }

    @Test func campaignsAndMetrics() async throws {
        let campaigns = try await run(["get", "campaigns", "-o", "json"])
        #expect(campaigns.status == 0, "\(campaigns.stderr)")
        #expect(try #require(try json(campaigns) as? [[String: Any]]).count >= 1)
        let metrics = try await run(["get", "campaign-metrics", "1", "--days", "7", "-o", "json"])
        #expect(metrics.status == 0, "\(metrics.stderr)")
        let object = try #require(try json(metrics) as? [String: Any])
        #expect((object["series"] as? [String: Any])?.isEmpty == false)
    }

    @Test func messagesAndExports() async throws {
        let messages = try await run(["get", "messages", "--limit", "5", "-o", "json"])
        #expect(messages.status == 0, "\(messages.stderr)")
        let list = try #require(try json(messages) as? [[String: Any]])
        #expect(list.first?["id"] as? String == "ag1q6QWq6QUBAAF4_CGoeVX7mFkDbRFu7ek=" || !list.isEmpty)
        let exports = try await run(["get", "exports", "-o", "json"])
        #expect(exports.status == 0, "\(exports.stderr)")
        #expect(try #require(try json(exports) as? [[String: Any]]).count >= 1)
    }

    @Test func broadcastsAndTransactional() async throws {
        let broadcasts = try await run(["get", "broadcasts", "-o", "json"])
        #expect(broadcasts.status == 0, "\(broadcasts.stderr)")
        let transactional = try await run(["get", "transactional", "-o", "json"])
        #expect(transactional.status == 0, "\(transactional.stderr)")
    }
}
