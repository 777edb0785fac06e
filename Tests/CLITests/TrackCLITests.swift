import CustomerIO
import Foundation
import Sandbox
import Testing

/// `cio track` against the sandbox: it prints the write as the review shows it and sends nothing without `--yes`;
/// with it, the write lands once and is journaled; `--read-only` refuses before anything is built; a payload the
/// rules refuse is a usage error naming the field; the keys never show.
@Suite struct TrackCLITests {
    /// A sandbox, the environment that points `cio` at it with Track credentials, and a state folder for the journal.
    func withSandbox(_ body: (SandboxServer, [String: String], URL) async throws -> Void) async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        options.customers = 1_500
        let server = try await SandboxServer.start(options)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("cio-track-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = CLIRunner.cleanEnvironment([
            "CUSTOMERIO_APP_API_KEY": "any-key", "CUSTOMERIO_APP_API_URL": server.baseURL.absoluteString,
            "CUSTOMERIO_TRACK_URL": server.baseURL.absoluteString, "CUSTOMERIO_SITE_ID": "site-abc",
            "CUSTOMERIO_TRACK_API_KEY": "track-secret-123", "XDG_STATE_HOME": state.path,
        ])
        do {
            try await body(server, environment, state.appendingPathComponent("cio"))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func journal(_ folder: URL) -> [WriteJournalLine] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("journal.jsonl")) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(WriteJournalLine.self, from: Data($0)) }
    }

    struct WriteJournalLine: Decodable {
        let endpoint: String
        let outcome: String
    }

    @Test func withoutYesItPrintsTheReviewAndSendsNothing() async throws {
        try await withSandbox { server, environment, state in
            let result = try await CLIRunner.run(["track", "identify", "42", "plan=enterprise", "-nickname"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Edit a person's attributes — review"))
            #expect(result.stdout.contains("POST \(server.baseURL.absoluteString)/api/v2/entity"))
            #expect(result.stdout.contains("Authorization: Basic ••••••••"))
            #expect(result.stdout.contains("\"nickname\" : null"))
            #expect(result.stderr.contains("Not sent: add --yes to send it."))
            #expect(server.probe.requestCount(pathPrefix: "/api/v2") == 0)
            #expect(journal(state).isEmpty)
            for secret in ["track-secret-123", Data("site-abc:track-secret-123".utf8).base64EncodedString()] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
            }
        }
    }

    @Test func withYesItLandsOnceAndIsJournaled() async throws {
        try await withSandbox { server, environment, state in
            let result = try await CLIRunner.run(["track", "identify", "42", "plan=enterprise", "score:=7", "--yes"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("✓ Done"))
            #expect(server.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1)
            #expect(journal(state).map(\.outcome) == ["pending", "sent"])
            let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("any-key")!, appBaseURL: server.baseURL))
            let profile = try await client.customerProfile(id: "42")
            #expect(profile.attributes["plan"]?.displayText == "enterprise")
            #expect(profile.attributes["score"]?.displayText == "7")
        }
    }

    @Test func eachSubcommandBuildsItsOperation() async throws {
        try await withSandbox { server, environment, _ in
            let cases: [([String], String)] = [
                (["event", "42", "purchased", "--data", #"{"sku":"A-1"}"#], "\"action\" : \"event\""),
                (["event", "--anonymous", "anon-7", "visited"], "POST \(server.baseURL.absoluteString)/api/v1/events"),
                (["suppress", "42"], "\"action\" : \"suppress\""),
                (["unsuppress", "42"], "\"action\" : \"unsuppress\""),
                (["delete", "42"], "\"action\" : \"delete\""),
                (["merge", "42", "old@example.com"], "Survives (primary): id 42"),
                (["device", "42", "tok-1", "--platform", "android"], "\"platform\" : \"android\""),
                (["device", "42", "tok-1", "--delete"], "\"action\" : \"delete_device\""),
                (["relate", "42", "1", "acme", "--attributes", #"{"role":"admin"}"#], "\"relationship_attributes\""),
                (["relate", "42", "1", "acme", "--delete"], "\"action\" : \"delete_relationships\""),
            ]
            for (arguments, expected) in cases {
                let result = try await CLIRunner.run(["track"] + arguments, environment: environment)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(result.stdout.contains(expected), "\(arguments): \(result.stdout)")
            }
            #expect(server.probe.requestCount(pathPrefix: "/api/") == 0, "no Track call without --yes")
        }
    }

    @Test func readOnlyRefusesBeforeAnythingIsBuilt() async throws {
        try await withSandbox { server, environment, state in
            let result = try await CLIRunner.run(["track", "suppress", "42", "--yes", "--read-only"], environment: environment)
            #expect(result.status == 1)
            #expect(result.stderr.contains("read-only"))
            #expect(!result.stdout.contains("review"), "nothing was built")
            #expect(server.probe.requestCount() == 0)
            #expect(journal(state).isEmpty)
        }
    }

    @Test func aPayloadTheRulesRefuseIsAUsageErrorNamingTheField() async throws {
        try await withSandbox { server, environment, _ in
            let result = try await CLIRunner.run(["track", "event", "42", "purchased", "--data", "{not json"], environment: environment)
            #expect(result.status == 2)
            #expect(result.stderr.contains("eventData"), "\(result.stderr)")
            let late = try await CLIRunner.run(["track", "device", "42", "tok", "--last-used", "1764000000000"], environment: environment)
            #expect(late.status == 2)
            #expect(late.stderr.contains("looks like milliseconds"))
            #expect(server.probe.requestCount(pathPrefix: "/api/v2") == 0)
        }
    }

    @Test func aBatchFileIsCheckedLineByLineAndSentInBatches() async throws {
        try await withSandbox { server, environment, state in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ops-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            let lines = (1...150).map { #"{"type":"person","action":"identify","identifiers":{"id":"\#($0)"},"attributes":{"batched":true,"_update":true}}"# }
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let uncounted = try await CLIRunner.run(["track", "batch", file.path, "--yes"], environment: environment)
            #expect(uncounted.status == 2)
            #expect(uncounted.stderr.contains("add --count 150"))
            let sent = try await CLIRunner.run(["track", "batch", file.path, "--yes", "--count", "150"], environment: environment)
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(sent.stdout.contains("✓ Done: 150 accepted in 1 batch"))
            #expect(sent.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("✓ id ") }.count == 150)
            #expect(server.probe.requestCount(method: "POST", pathPrefix: "/api/v2/batch") == 1)
            #expect(journal(state).filter { $0.outcome == "sent" }.count == 1)

            try #"{"type":"person","action":"fly","identifiers":{"id":"1"}}"#.write(to: file, atomically: true, encoding: .utf8)
            let bad = try await CLIRunner.run(["track", "batch", file.path], environment: environment)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains(":1: action"), "\(bad.stderr)")
        }
    }

    @Test func regionSaysWhereTheCredentialsBelong() async throws {
        try await withSandbox { _, environment, _ in
            let result = try await CLIRunner.run(["track", "region"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Track region: us (https://track.customer.io)"))
        }
    }
}

/// After an unknown outcome, `cio track` does not send the same request again unless told to.
@Suite struct TrackCLIUnknownOutcomeTests {
    @Test func theSameRequestAfterAnUnknownOutcomeNeedsAgain() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            server.probe.inject(.failAfterHandling(503, method: "POST", pathPrefix: "/api/v2/entity"))
            let first = try await CLIRunner.run(["track", "suppress", "42", "--yes"], environment: environment)
            #expect(first.status == 5, "\(first.stderr)")
            #expect(first.stderr.contains("Outcome unknown"))
            let again = try await CLIRunner.run(["track", "suppress", "42", "--yes"], environment: environment)
            #expect(again.status == 1)
            #expect(again.stdout.contains("its outcome is unknown"))
            #expect(again.stderr.contains("add --again"))
            #expect(server.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1, "not sent a second time")
            let forced = try await CLIRunner.run(["track", "suppress", "42", "--yes", "--again"], environment: environment)
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(server.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 2)
        }
    }
}
