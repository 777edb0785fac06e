import CustomerIO
import Foundation
import Sandbox
import Testing

/// Text that came from a server or a file reaches the terminal shown, never obeyed: a first name, a segment name,
/// an event name or a config line holding escape sequences (retitle the window, clear the screen, write the
/// clipboard, a DCS string, a C1 CSI) prints them visibly in tables, JSON, the track review and error lines.
@Suite struct TerminalSafetyCLITests {
    /// Every kind of sequence in one value: OSC 0 (title), CSI 2J (clear), OSC 52 (clipboard), DCS, C1 CSI.
    static let hostile = "Eve\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}Pq#0\u{1B}\\\u{9B}31mX\u{7F}"
    /// How `hostile` shows at a terminal.
    static let shown = "Eve␛]0;PWNED␇␛[2J␛]52;c;ZXZpbA==␇␛Pq#0␛\\\\u{9B}31mX␡"

    /// The characters a terminal would act on: C0 controls but the line break, DEL and C1.
    static func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            .map { String(format: "U+%04X", $0.value) }
    }

    static func expectSafe(_ result: CLIRunner.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(controls(result.stdout).isEmpty, "\(what), stdout: \(controls(result.stdout))", sourceLocation: sourceLocation)
        #expect(controls(result.stderr).isEmpty, "\(what), stderr: \(controls(result.stderr))", sourceLocation: sourceLocation)
    }

    @Test func aFirstNameHoldingEscapeSequencesIsShownNotObeyed() async throws {
        try await TrackCLITests().withSandbox { _, environment, _ in
            let set = try await CLIRunner.run(["track", "identify", "42", "first_name=\(Self.hostile)", "--yes"], environment: environment)
            #expect(set.status == 0, "\(set.stderr)")
            Self.expectSafe(set, "the review of the write")
            let table = try await CLIRunner.run(["get", "customer", "42", "-o", "table"], environment: environment)
            #expect(table.status == 0, "\(table.stderr)")
            Self.expectSafe(table, "get customer as a table")
            #expect(table.stdout.contains(Self.shown), "\(table.stdout)")

            // JSON escapes them as JSON does, so a parser reads back the very value.
            let json = try await CLIRunner.run(["get", "customer", "42", "-o", "json"], environment: environment)
            Self.expectSafe(json, "get customer as JSON")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let attributes = try #require((object["profile"] as? [String: Any])?["attributes"] as? [String: Any])
            #expect(attributes["first_name"] as? String == Self.hostile)
            #expect(json.stdout.contains(#"\u009B31mX\u007F"#))

            // The review of the next edit prints the value the profile holds now.
            let review = try await CLIRunner.run(["track", "identify", "42", "first_name=Eve"], environment: environment)
            #expect(review.status == 0, "\(review.stderr)")
            Self.expectSafe(review, "the review printing the old value")
            #expect(review.stdout.contains("␛]0;PWNED␇"), "\(review.stdout)")
        }
    }

    @Test func segmentAndEventNamesAreShownNotObeyed() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("any-key")!, appBaseURL: server.baseURL))
            _ = try await client.createManualSegment(name: Self.hostile)
            let segments = try await CLIRunner.run(["get", "segments", "-o", "table"], environment: environment)
            #expect(segments.status == 0, "\(segments.stderr)")
            Self.expectSafe(segments, "get segments")
            // The name column stops at 48 cells, so only the start of the name is there to see.
            #expect(segments.stdout.contains("Eve␛]0;PWNED␇␛[2J␛]52;c;"), "\(segments.stdout)")

            let event = try await CLIRunner.run(["track", "event", "42", Self.hostile, "--yes"], environment: environment)
            #expect(event.status == 0, "\(event.stderr)")
            Self.expectSafe(event, "the event's review")
            let activities = try await CLIRunner.run(["get", "activities", "--type", "event", "--name", Self.hostile, "-o", "table"], environment: environment)
            #expect(activities.status == 0, "\(activities.stderr)")
            Self.expectSafe(activities, "get activities")
            #expect(activities.stdout.contains("Eve␛]0;PWNED␇"), "\(activities.stdout)")
        }
    }

    /// An error quoting what was typed or what the server said keeps our own `error:` and shows the rest.
    @Test func errorLinesShowControlCharacters() async throws {
        try await TrackCLITests().withSandbox { _, environment, _ in
            let missing = try await CLIRunner.run(["get", "customer", "nobody\u{1B}[2J", "--id-type", "id"], environment: environment)
            #expect(missing.status == 4, "\(missing.stderr)")
            Self.expectSafe(missing, "a not-found error")
            #expect(missing.stderr.hasPrefix("error: "))
            #expect(missing.stderr.contains("nobody␛[2J"), "\(missing.stderr)")
        }
    }

    @Test func aConfigErrorShowsControlCharactersFromTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-safe-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml")
        try #""\u001b]0;PWNED\u0007" = 1"#.write(to: config, atomically: true, encoding: .utf8)
        let result = try await CLIRunner.run(["get", "segments", "--demo", "--config", config.path], environment: CLIRunner.cleanEnvironment(["HOME": folder.path]))
        #expect(result.status == 2)
        Self.expectSafe(result, "a config error")
        #expect(result.stderr.contains(#"unknown key "␛]0;PWNED␇""#), "\(result.stderr)")
    }

    /// A number too long for TOML on a secret's line once put the secret itself on stderr.
    @Test func aConfigSyntaxErrorNeverShowsASecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-secret-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let digits = "98765432109876543210987"
        for field in ["cdp_write_key", "site_id", "track_api_key", "webhook_token"] {
            let config = folder.appendingPathComponent("\(field).toml")
            try "[profiles.a]\n\(field) = \(digits)\n".write(to: config, atomically: true, encoding: .utf8)
            let result = try await CLIRunner.run(["get", "segments", "--config", config.path], environment: CLIRunner.cleanEnvironment(["HOME": folder.path]))
            #expect(result.status == 2, "\(field)")
            #expect(result.stderr.contains("\(field).toml:2:"), "\(field): \(result.stderr)")
            #expect(!result.stderr.contains("98765432"), "\(field): \(result.stderr)")
        }
    }
}
