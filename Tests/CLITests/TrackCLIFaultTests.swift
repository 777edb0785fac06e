import CustomerIO
import Foundation
import Sandbox
import Testing

/// `cio track` under faults and hostile data: an event too deep is refused before anything leaves (never sent
/// empty); the same event without `--id` after an unknown outcome is caught as a repeat although a new id was made.
@Suite struct TrackCLIFaultTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    @Test func anEventNestedTooDeeplyIsAUsageErrorAndNothingLeaves() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let result = try await CLIRunner.run(["track", "event", "42", "deep", "--data", Self.nested(511), "--yes"], environment: environment)
            #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
            #expect(result.stderr.contains("nested more than \(JSONValue.maximumDepth) levels"), "\(result.stderr)")
            #expect(!result.stdout.contains("Done"))
            #expect(server.probe.requestCount(pathPrefix: "/api/v2") == 0)
        }
    }

    @Test func theDeepestAcceptedEventIsSentWhole() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let data = Self.nested(JSONValue.maximumDepth)
            let result = try await CLIRunner.run(["track", "event", "42", "deep", "--data", data, "--yes"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            // The sandbox read the body as a valid event (an empty or cut body is answered 400).
            let sent = try #require(server.probe.requests().last { $0.path == "/api/v2/entity" })
            #expect(sent.status == 200)
        }
    }

    @Test func theSameEventWithoutAnIdAfterAnUnknownOutcomeNeedsAgain() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            server.probe.inject(.failAfterHandling(503, method: "POST", pathPrefix: "/api/v2/entity"))
            let arguments = ["track", "event", "42", "renewed", "--data", #"{"plan": "pro"}"#, "--yes"]
            let first = try await CLIRunner.run(arguments, environment: environment)
            #expect(first.status == 5, "\(first.stderr)")
            let again = try await CLIRunner.run(arguments, environment: environment)
            #expect(again.status == 1, "\(again.stderr)")
            #expect(again.stdout.contains("its outcome is unknown"))
            #expect(again.stderr.contains("add --again"))
            #expect(server.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1, "not sent a second time")
            // Another event for the same person is not a repeat.
            let other = try await CLIRunner.run(["track", "event", "42", "renewed", "--data", #"{"plan": "basic"}"#, "--yes"], environment: environment)
            #expect(other.status == 0, "\(other.stderr)")
        }
    }
}

/// Deep data already in a workspace, and deep input on a small stack: nothing crashes, lists still read.
@Suite struct DeepDataCLITests {
    /// A client that posts bodies as they are, past cio's own checks, as another tool could have.
    static func rawClient(_ server: SandboxServer) throws -> AppAPIClient {
        AppAPIClient(configuration: try ClientConfiguration(
            key: Secret("any-key")!, appBaseURL: server.baseURL, trackBaseURL: server.baseURL,
            trackSiteID: "site-abc", trackKey: Secret("track-secret-123")
        ))
    }

    static func event(name: String, depth: Int) -> Data {
        Data((#"{"type":"person","action":"event","identifiers":{"id":"42"},"name":"\#(name)","attributes":{"d":"#
            + TrackCLIFaultTests.nested(depth) + "}}").utf8)
    }

    @Test func anActivityNestedDeeperThanCioReadsIsShownAsTooDeepAndTheListStillReads() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let client = try Self.rawClient(server)
            _ = try await client.perform(APIRequest(.post, ["api", "v2", "entity"], body: Self.event(name: "deepdata", depth: 90), api: .track))
            // Deeper than the sandbox takes: refused in so many words, nothing stored.
            await #expect(throws: CustomerIOError.self) {
                _ = try await client.perform(APIRequest(.post, ["api", "v2", "entity"], body: Self.event(name: "deeper", depth: 600), api: .track))
            }
            let result = try await CLIRunner.run(["get", "activities", "--name", "deepdata", "-o", "json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("deepdata"))
            #expect(result.stdout.contains(JSONValue.tooDeep.displayText))
        }
    }

    /// One 511-deep event on a 1.5 MB stack once crashed the CLI: it is refused, with the reason, and exits 2.
    @Test func aDeepEventOnASmallStackIsRefusedNotACrash() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let script = "ulimit -s 1536 && exec \"$0\" track event 42 deep --data \"$1\" --yes"
            let result = try await CLIRunner.run(program: "/bin/bash", ["-c", script, CLIRunner.binary.path, TrackCLIFaultTests.nested(511)], environment: environment)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("nested more than \(JSONValue.maximumDepth) levels"))
            #expect(server.probe.requestCount(pathPrefix: "/api/v2") == 0)
        }
    }
}

/// `cio get messages` for every kind of item a figure counts: a campaign's action, a broadcast, a template.
@Suite struct MessagesSourceCLITests {
    @Test func aBroadcastsATemplatesAndAnActionsMessagesAreTheirOwnLists() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let client = try DeepDataCLITests.rawClient(server)
            let broadcastIDs = try await client.broadcastMessages(id: 60, filter: MessageFilter(limit: 1000)).messages.map(\.id)
            let broadcast = try await CLIRunner.run(["get", "messages", "--broadcast", "60", "--limit", "1000", "-o", "json"], environment: environment)
            #expect(broadcast.status == 0, "\(broadcast.stderr)")
            let fromBroadcast = try JSONDecoder().decode([Delivery].self, from: Data(broadcast.stdout.utf8))
            #expect(!fromBroadcast.isEmpty)
            #expect(Set(fromBroadcast.map(\.id)) == Set(broadcastIDs))

            let templateIDs = try await client.transactionalMessages(id: 1, filter: MessageFilter(limit: 1000)).messages.map(\.id)
            let template = try await CLIRunner.run(["get", "messages", "--template", "1", "--limit", "1000", "-o", "json"], environment: environment)
            #expect(template.status == 0, "\(template.stderr)")
            #expect(Set(try JSONDecoder().decode([Delivery].self, from: Data(template.stdout.utf8)).map(\.id)) == Set(templateIDs))

            let someAction = try #require(try await client.messages(MessageFilter(limit: 50, campaignID: 1)).messages.compactMap(\.actionID).first)
            let action = try await CLIRunner.run(["get", "messages", "--campaign", "1", "--action", String(someAction), "-o", "json"], environment: environment)
            #expect(action.status == 0, "\(action.stderr)")
            let fromAction = try JSONDecoder().decode([Delivery].self, from: Data(action.stdout.utf8))
            #expect(!fromAction.isEmpty && fromAction.allSatisfy { $0.actionID == someAction })

            let both = try await CLIRunner.run(["get", "messages", "--broadcast", "60", "--template", "1"], environment: environment)
            #expect(both.status != 0)
            #expect(both.stderr.contains("Give one of --campaign, --newsletter, --broadcast and --template."))
        }
    }
}

/// A cio_id typed with its `cio_` prefix is sent bare with `id_type=cio_id`, as the vendor's docs do, by every
/// command that takes a person.
@Suite struct CioIDCLITests {
    @Test func everyCommandSendsACioIdBare() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            for command in [["get", "customer", "cio_a3000003"], ["get", "reach", "cio_a3000003"], ["get", "timeline", "cio_a3000003"]] {
                let result = try await CLIRunner.run(command + ["-o", "json"], environment: environment)
                #expect(result.status == 0, "\(command): \(result.stderr)")
            }
            let paths = server.probe.requests().filter { $0.query["id_type"] == "cio_id" }.map(\.path)
            #expect(!paths.isEmpty)
            #expect(paths.allSatisfy { $0.contains("/a3000003") && !$0.contains("cio_a3000003") }, "\(paths)")
        }
    }
}
