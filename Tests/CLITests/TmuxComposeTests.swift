import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The composer on the real binary in tmux: a send from a profile that shows up in the person's messages, and a
/// draft that outlives `kill -9`.
@Suite(.serialized) struct TmuxComposeTests {
    private func binary() throws -> String {
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built cio binary at \(binary.path)")
        return TmuxSession.shellQuoted(binary.path)
    }

    private static func line(_ screen: String, startingWith prefix: String) -> String? {
        TmuxSession.lines(screen).first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
    }

    @Test func anEmailFromAProfileIsReviewedSentAndListedInTheirMessages() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        try await session.waitForShell()
        try await session.type("\(try binary()) --demo; echo \"cio-exit=$?\"", enter: true)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }

        try await session.press("2", "/")
        try await session.type("plan = pro", enter: true)
        try await session.waitFor("pro customers") { $0.contains("Customers › plan = pro") && $0.contains("@") }
        try await session.press("Enter")
        try await session.waitFor("the profile") { Self.line($0, startingWith: "plan ") != nil && $0.contains("Messages") }

        // c: a new email to this person, its address filled in.
        try await session.press("c")
        // The form and its recipient line (drawn in the same frame; waiting for both names what is missing if not).
        let form = try await session.waitFor("the composer with its recipient") { $0.contains("Transactional email — Enter edits") && Self.line($0, startingWith: "To ") != nil }
        let to = try #require(Self.line(form, startingWith: "To "))
        #expect(to.contains("@"))
        try await session.press("Enter")
        try await session.waitFor("the template picker") { $0.contains("Pick a template") && $0.contains("Order receipt (#1)") }
        try await session.type("order")
        try await session.press("Enter")
        try await session.waitFor("the template chosen") { TmuxSession.lines($0).contains { $0.contains("Template ") && $0.contains(" Order receipt (#1)") } }

        // s: the review, exactly what will be sent; nothing has left yet.
        try await session.press("s")
        // The keys line appears once the review's keys count (0.75 s after it opens).
        let review = try await session.waitFor("the review") { $0.contains("Send a transactional email — review") && $0.contains("y send · e edit") }
        #expect(review.contains("/v1/send/email"))
        #expect(review.contains("Bearer ••••••••"))
        #expect(review.contains("\"transactional_message_id\" : 1"))
        #expect(review.contains("Demo workspace"))

        // y: sent once; the outcome names the delivery.
        try await session.press("y")
        let done = try await session.waitFor("the outcome") { $0.contains("✓ Done: ") }
        let doneLine = try #require(Self.line(done, startingWith: "✓ Done: "))
        let delivery = String(doneLine.trimmingCharacters(in: .whitespaces).dropFirst("✓ Done: ".count).prefix { $0 != " " })
        #expect(!delivery.isEmpty)

        // Back on the profile, its Messages list the new delivery; Enter on it opens the message by that id.
        try await session.press("Escape", "/")
        try await session.type("sent · Your order receipt", enter: true)
        try await session.waitFor("the new delivery in the person's messages") { screen in
            screen.contains("Messages") && TmuxSession.lines(screen).contains { $0.contains("email · sent · Your order receipt →") }
        }
        try await session.press("j", "Enter")
        try await session.waitFor("the message") { $0.contains("ID          \(delivery)") }

        try await session.press("C-c")
        try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
        // The journal has the one send — its pending line before it left, its outcome after — and no key.
        let journal = session.folder.appendingPathComponent(".local/state/cio/journal.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(text.contains("\"result_id\":\"\(delivery)\""))
        // Only these fields are written: never the key, never the payload.
        let pending = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(pending["outcome"] as? String == "pending")
        #expect(pending["attempt"] as? String == entry["attempt"] as? String)
        #expect(Set(entry.keys) == ["attempt", "endpoint", "outcome", "payload_sha256", "profile", "result_id", "time"])
        #expect(!text.contains("Your order receipt") && !text.contains("transactional_message_id"))
    }

    @Test func aDraftSurvivesKillDashNine() async throws {
        // Both runs share a state folder; the second runs in a fresh terminal, since a killed app cannot give its
        // terminal back.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("cio-killed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let first = try await TmuxSession(width: 120, height: 40)
        defer { first.stop() }
        try await first.waitForShell()
        let pidFile = first.folder.appendingPathComponent("cio.pid")
        let inner = "echo $$ > \(TmuxSession.shellQuoted(pidFile.path)); exec \"$0\" --demo"
        try await first.type("XDG_STATE_HOME=\(TmuxSession.shellQuoted(state.path)) sh -c \(TmuxSession.shellQuoted(inner)) \(try binary())", enter: true)
        try await first.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }

        // A new inline email with a subject typed and not yet committed.
        try await first.press("c")
        try await first.waitFor("the composer's menu") { $0.contains("Compose — Enter opens") }
        try await first.press("Enter")
        try await first.waitFor("the form") { $0.contains("Transactional email — Enter edits") }
        // Focus starts on Template; Subject is five lines down (Identify by, Person, To, From, Subject).
        for _ in 0..<5 { try await first.press("j") }
        try await first.waitFor("Subject focused") { Self.line($0, startingWith: "› Subject") != nil }
        try await first.press("Enter")
        try await first.type("Quarterly update for the board")
        try await first.waitFor("the typed subject") { $0.contains("Quarterly update for the board▏") }

        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text))
        #expect(kill(pid, SIGKILL) == 0)
        // Gone once signal 0 can no longer reach it (the shell reaps it at once).
        let deadline = ContinuousClock.now + .seconds(10)
        while kill(pid, 0) == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(kill(pid, 0) == -1)

        let second = try await TmuxSession(width: 120, height: 40)
        defer { second.stop() }
        try await second.waitForShell()
        try await second.type("XDG_STATE_HOME=\(TmuxSession.shellQuoted(state.path)) \(try binary()) --demo; echo \"cio-exit=$?\"", enter: true)
        try await second.waitFor("the Segments list again") { TmuxEndToEndTests.segmentsList($0) }
        try await second.press("c")
        try await second.waitFor("the draft in the menu") { $0.contains("“Quarterly update for the board”") }
        for _ in 0..<4 { try await second.press("j") }
        try await second.press("Enter")
        try await second.waitFor("the draft reopened as typed") { Self.line($0, startingWith: "Subject ")?.hasSuffix("Quarterly update for the board") == true }
        try await second.press("C-c")
        try await second.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") }
    }

    @Test func aFieldEditedInTheEditorComesBackChecked() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        // A stand-in for $EDITOR: writes three lines of JSON with the array left open, as a person might.
        let editor = session.folder.appendingPathComponent("fake-editor")
        try "#!/bin/sh\nprintf '{\\n  \"order\": 1042,\\n  \"items\": [1, 2\\n}\\n' > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        #expect(chmod(editor.path, 0o755) == 0)
        try await session.waitForShell()
        try await session.type("EDITOR=\(TmuxSession.shellQuoted(editor.path)) \(try binary()) --demo; echo \"cio-exit=$?\"", enter: true)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }
        try await session.press("c", "Enter")
        try await session.waitFor("the form") { $0.contains("Transactional email — Enter edits") }
        // From Template down to message_data: Identify by, Person, To, From, Subject, Body, message_data.
        for _ in 0..<7 { try await session.press("j") }
        try await session.waitFor("message_data focused") { Self.line($0, startingWith: "› message_data") != nil }
        try await session.press("C-e")
        let screen = try await session.waitFor("the edited JSON, checked") { screen in
            screen.contains("\"items\": [1, 2 ⏎ }") && screen.contains("✗ line 4, column 1: expected , or ] after a value")
        }
        // The app has the terminal back: the whole form is drawn again.
        #expect(screen.contains("Transactional email — Enter edits"))
        #expect(screen.contains("To unsubscribed"))
        // The draft holds what the editor wrote.
        let drafts = session.folder.appendingPathComponent(".local/state/cio/drafts")
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts.path).filter { $0.hasSuffix(".json") }
        #expect(names.count == 1)
        let saved = try String(contentsOf: drafts.appendingPathComponent(names[0]), encoding: .utf8)
        #expect(saved.contains(#"\"items\": [1, 2\n}"#))
        // No temporary file is left behind in the state folder.
        let state = try FileManager.default.contentsOfDirectory(atPath: session.folder.appendingPathComponent(".local/state/cio").path)
        #expect(!state.contains { $0.hasPrefix("edit-") })
        try await session.press("C-c")
        try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") }
    }
}
