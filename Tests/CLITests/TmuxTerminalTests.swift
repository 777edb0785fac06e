import Foundation
import Sandbox
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal as cio leaves and takes it, on the real binary in tmux: control keys reach the app (no frozen
/// screen, no crash report), the quit key is the keymap's, odd TERM values are refused or cleaned up after, and a
/// child process started from the app sees no key.
@Suite(.serialized) struct TmuxTerminalTests {
    private func binary() throws -> String {
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built cio binary at \(binary.path)")
        return TmuxSession.shellQuoted(binary.path)
    }

    /// The Customers pane, reached with `2`: proof the app is alive and drawing after whatever came before.
    private static func customersShown(_ screen: String) -> Bool {
        TmuxSession.lines(screen).contains { $0.hasPrefix(" Customers") }
    }

    /// The status bar's hints, which only the app draws.
    private static func statusBarShown(_ screen: String) -> Bool {
        screen.contains("? help") || screen.contains("1 Segments")
    }

    private func start(_ session: TmuxSession, prefix: String = "", arguments: String = "--demo") async throws {
        try await session.waitForShell()
        try await session.type("\(prefix)\(try binary()) \(arguments); echo \"cio-exit=$?\"", enter: true)
    }

    /// ctrl-s once froze the screen (XON/XOFF flow control); now it is a key like any other.
    @Test func ctrlSAndCtrlQReachTheAppAndNothingFreezes() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        try await start(session)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }
        try await session.press("C-s", "2")
        try await session.waitFor("Customers after ctrl-s") { Self.customersShown($0) }
        try await session.press("C-q", "1")
        try await session.waitFor("Segments after ctrl-q") { TmuxEndToEndTests.segmentsList($0) }
        // In the composer ctrl-s asks for the review: an empty draft is refused with its reason.
        try await session.press("c", "Enter")
        try await session.waitFor("the form") { $0.contains("Transactional email — Enter edits") }
        try await session.press("C-s")
        try await session.waitFor("ctrl-s handled as review") { $0.contains("Not ready: Say who gets it") }
        try await session.press("C-c")
        try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
    }

    /// docs/configuration.md's own example: `[keys] quit = "ctrl-q"`. Then ctrl-q quits, help names it, and
    /// ctrl-c no longer does.
    @Test func aRemappedQuitIsTheOnlyQuit() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        let config = session.folder.appendingPathComponent("config/cio/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "[keys]\nquit = \"ctrl-q\"\n".write(to: config, atomically: true, encoding: .utf8)
        try await start(session)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }
        try await session.press("?")
        let help = try await session.waitFor("help") { $0.contains("Quit (from anywhere") }
        let quitLine = try #require(TmuxSession.lines(help).first { $0.contains("Quit (from anywhere") })
        #expect(quitLine.contains("ctrl-q"))
        #expect(!help.contains("ctrl-c"))
        try await session.press("Escape")
        try await session.press("C-c", "2")
        try await session.waitFor("still running after ctrl-c") { Self.customersShown($0) }
        try await session.press("C-q")
        try await session.waitFor("cio to exit on ctrl-q") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
    }

    /// ctrl-\ once raised SIGQUIT: a crash report over the screen, then a garbled one. Now it is a key that does
    /// nothing, and a SIGQUIT from outside is ignored while the screen is open.
    @Test func ctrlBackslashAndSIGQUITLeaveTheScreenWhole() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        let pidFile = session.folder.appendingPathComponent("cio.pid")
        try await session.waitForShell()
        let inner = "echo $$ > \(TmuxSession.shellQuoted(pidFile.path)); exec \"$0\" --demo"
        try await session.type("sh -c \(TmuxSession.shellQuoted(inner)) \(try binary()); echo \"cio-exit=$?\"", enter: true)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }
        try await session.press("C-\\", "2")
        var screen = try await session.waitFor("Customers after ctrl-\\") { Self.customersShown($0) }
        let pid = try #require(pid_t(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGQUIT) == 0)
        try await session.press("1")
        screen = try await session.waitFor("Segments after SIGQUIT") { TmuxEndToEndTests.segmentsList($0) }
        for crash in ["Crash", "Backtrace", "Fatal", "Thread 0", "signal"] { #expect(!screen.contains(crash)) }
        try await session.press("C-c")
        try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
    }

    @Test func aDumbTerminalIsRefusedWithAReason() async throws {
        let session = try await TmuxSession(width: 120, height: 30)
        defer { session.stop() }
        try await start(session, prefix: "TERM=dumb ")
        let screen = try await session.waitFor("the refusal") { TmuxEndToEndTests.hasLine($0, "cio-exit=2") }
        #expect(screen.contains("the terminal type \"dumb\" cannot move the cursor"))
        #expect(screen.contains("cio get"))
        #expect(!Self.statusBarShown(screen))
    }

    /// Terminals without an alternate screen kept the last frame, status bar and all, under the shell's prompt.
    @Test(arguments: ["vt100", "linux"])
    func aTerminalWithoutAnAlternateScreenIsLeftClean(term: String) async throws {
        let session = try await TmuxSession(width: 100, height: 30)
        defer { session.stop() }
        try await start(session, prefix: "TERM=\(term) ")
        try await session.waitFor("the app drawn") { Self.statusBarShown($0) && $0.contains("Pro plan") }
        try await session.press("C-c")
        let screen = try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
        #expect(!Self.statusBarShown(screen))
        #expect(!screen.contains("Pro plan"))
    }

    @Test func aOneByOneStartLeavesNothingBehind() async throws {
        let session = try await TmuxSession(width: 100, height: 30)
        defer { session.stop() }
        try await session.waitForShell()
        try await session.type("clear", enter: true)
        try await session.waitFor("a clear screen") { TmuxSession.atPrompt($0) && !$0.contains("clear") }
        try await session.resize(width: 1, height: 1)
        try await session.type("\(try binary()) --demo; echo \"cio-exit=$?\"", enter: true)
        // Drawn at 1×1 (nothing readable), then given room: the full app appears.
        try await session.resize(width: 100, height: 30)
        try await session.waitFor("the app at full size") { TmuxEndToEndTests.segmentsList($0) }
        try await session.press("C-c")
        let screen = try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }
        #expect(!Self.statusBarShown(screen))
    }

    /// ctrl-e's editor (and any child) gets the environment less every variable that holds a key: the defaults,
    /// and the profile's own `api_key_env`.
    @Test func theEditorStartedFromTheAppSeesNoKey() async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        let server = try await SandboxServer.start(options)
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        let dump = session.folder.appendingPathComponent("editor-env.txt")
        let editor = session.folder.appendingPathComponent("fake-editor")
        try "#!/bin/sh\nenv > \(TmuxSession.shellQuoted(dump.path))\n".write(to: editor, atomically: true, encoding: .utf8)
        #expect(chmod(editor.path, 0o755) == 0)
        let config = session.folder.appendingPathComponent("config/cio/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "[profiles.work]\napi_key_env = \"WORK_KEY\"\napi_url = \"\(server.baseURL.absoluteString)\"\n".write(to: config, atomically: true, encoding: .utf8)
        let secrets = [
            "WORK_KEY": "sk-live-app-key-123", "CUSTOMERIO_TRACK_API_KEY": "tk-track-key-456",
            "CUSTOMERIO_SITE_ID": "site-id-789", "CUSTOMERIO_APP_API_KEY": "sk-unused-app-key-000",
        ]
        let prefix = secrets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined() + "EDITOR=\(TmuxSession.shellQuoted(editor.path)) KEEP_ME=1 "
        // The environment's key wins over the profile's; both are secrets, and neither may reach a child.
        try await start(session, prefix: prefix, arguments: "--profile work --api-url \(server.baseURL.absoluteString)")
        try await session.waitFor("the Segments list") { $0.contains("Pro plan") && $0.contains("work") }
        try await session.press("c", "Enter")
        try await session.waitFor("the form") { $0.contains("Transactional email — Enter edits") }
        for _ in 0..<7 { try await session.press("j") }
        try await session.waitFor("message_data focused") { TmuxSession.lines($0).contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("› message_data") } }
        try await session.press("C-e")
        try await session.waitFor("the form back after the editor") { $0.contains("Transactional email — Enter edits") && FileManager.default.fileExists(atPath: dump.path) }
        let seen = try String(contentsOf: dump, encoding: .utf8)
        #expect(seen.contains("KEEP_ME=1"))
        for (name, value) in secrets {
            #expect(!seen.contains(name), "\(name) reached the editor")
            #expect(!seen.contains(value))
        }
        try await session.press("C-c")
        try await session.waitFor("cio to exit") { TmuxEndToEndTests.hasLine($0, "cio-exit=0") }
        await server.stop()
    }
}
