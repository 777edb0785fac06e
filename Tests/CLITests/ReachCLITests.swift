import Foundation
import CustomerIO
import Sandbox
import Testing

/// `cio get reach` and `cio get suppressions` against the sandbox.
@Suite struct ReachCLITests {
    let cli = SandboxCLITests()

    /// An address whose email bounced, from the sandbox's own lists.
    func bouncedAddress(_ url: URL) async throws -> String {
        let result = try await CLIRunner.run(["get", "suppressions", "--type", "bounces", "--limit", "5", "-o", "json"], environment: cli.environment(url))
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(list["category"] as? String == "bounces")
        let suppressions = try #require(list["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 5)
        return try #require(suppressions.first?["email"] as? String)
    }

    @Test func reachSaysWhyABouncedPersonGetsNoEmail() async throws {
        try await cli.withSandbox { url in
            let address = try await bouncedAddress(url)
            let json = try await CLIRunner.run(["get", "reach", address, "-o", "json"], environment: cli.environment(url))
            #expect(json.status == 0, "\(json.stderr)")
            let people = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(!people.isEmpty)
            for person in people {
                let channels = try #require(person["channels"] as? [[String: Any]])
                #expect(channels.compactMap { $0["channel"] as? String } == ["email", "sms", "push"])
                let email = try #require(channels.first)
                #expect(email["verdict"] as? String == "not reachable")
                #expect(email["suppressed_on"] as? String == "bounces")
                #expect((email["reason"] as? String)?.hasPrefix("suppressed at the ESP since") == true)
            }

            let table = try await CLIRunner.run(["get", "reach", address, "-o", "table"], environment: cli.environment(url))
            #expect(table.status == 0)
            #expect(table.stdout.contains("not reachable"))
            #expect(table.stdout.contains("suppressed at the ESP since"))
        }
    }

    @Test func suppressionsLooksUpOneAddress() async throws {
        try await cli.withSandbox { url in
            let address = try await bouncedAddress(url)
            let found = try await CLIRunner.run(["get", "suppressions", "--email", address, "-o", "json"], environment: cli.environment(url))
            let list = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
            #expect((list["suppressions"] as? [[String: Any]])?.first?["email"] as? String == address)

            let nobody = try await CLIRunner.run(["get", "suppressions", "--email", "nobody.at.all@example.com", "-o", "json"], environment: cli.environment(url))
            #expect(nobody.status == 0)
            let none = try #require(try JSONSerialization.jsonObject(with: Data(nobody.stdout.utf8)) as? [String: Any])
            #expect((none["suppressions"] as? [Any])?.isEmpty == true)

            let wrong = try await CLIRunner.run(["get", "suppressions", "--type", "complaints"], environment: cli.environment(url))
            #expect(wrong.status != 0)
            #expect(wrong.stderr.contains("--type must be bounces, blocks, spam_reports or invalid_emails"))
        }
    }

    @Test func reachForNobodySaysSo() async throws {
        try await cli.withSandbox { url in
            let result = try await CLIRunner.run(["get", "reach", "nobody.at.all@example.com"], environment: cli.environment(url))
            #expect(result.status != 0)
            #expect(result.stderr.contains("Nobody has the email nobody.at.all@example.com"))
        }
    }

    @Test func timelineListsWhatHappenedNewestFirst() async throws {
        try await cli.withSandbox { url in
            // Someone with messages: the newest message's person (the first people may have signed up yesterday).
            let latest = try await CLIRunner.run(["get", "messages", "--limit", "1", "-o", "json"], environment: cli.environment(url))
            let message = try #require((try JSONSerialization.jsonObject(with: Data(latest.stdout.utf8)) as? [[String: Any]])?.first)
            let person = try #require(message["customer_id"] as? String ?? message["customerID"] as? String, "\(message.keys)")
            let json = try await CLIRunner.run(["get", "timeline", person, "--kind", "message", "-o", "json"], environment: cli.environment(url))
            #expect(json.status == 0, "\(json.stderr)")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0["kind"] as? String == "message" && $0["deliveryID"] as? String != nil })
            let times = entries.compactMap { $0["time"] as? Int }
            #expect(times == times.sorted(by: >))

            let wrong = try await CLIRunner.run(["get", "timeline", "1", "--kind", "events"], environment: cli.environment(url))
            #expect(wrong.status != 0)
            #expect(wrong.stderr.contains("--kind must be message or activity"))
        }
    }

    @Test func objectsListsTypesThenObjectsByAttribute() async throws {
        try await cli.withSandbox { url in
            let types = try await CLIRunner.run(["get", "objects", "-o", "json"], environment: cli.environment(url))
            #expect(types.status == 0, "\(types.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(types.stdout.utf8)) as? [[String: Any]])
            #expect(list.compactMap { $0["id"] as? String } == ["1", "2"])

            let found = try await CLIRunner.run(["get", "objects", "--type", "2", "--filter", "name = \"Project 7\"", "-o", "json"], environment: cli.environment(url))
            #expect(found.status == 0, "\(found.stderr)")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
            #expect(objects.count == 1)
            #expect(objects.first?["object_id"] as? String == "proj_7")
            #expect(objects.first?["name"] as? String == "Project 7")
        }
    }
}

