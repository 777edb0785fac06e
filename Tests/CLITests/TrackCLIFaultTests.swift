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
