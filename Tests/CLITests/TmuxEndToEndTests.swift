import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `cio` binary in a real terminal (tmux): keys in, screen out, and the shell usable after it exits.
@Suite(.serialized) struct TmuxEndToEndTests {
    /// A shell line that runs `cio --demo` and then prints its exit status as `cio-exit=N`.
    func demoCommandLine() throws -> String {
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built cio binary at \(binary.path)")
        return "\(TmuxSession.shellQuoted(binary.path)) --demo; echo \"cio-exit=$?\""
    }

    static func hasLine(_ screen: String, _ line: String) -> Bool {
        TmuxSession.lines(screen).contains { $0.trimmingCharacters(in: .whitespaces) == line }
    }

    /// The Segments list at full length: breadcrumb, row count, a few sandbox names, the demo badge.
    static func segmentsList(_ screen: String) -> Bool {
        let lines = TmuxSession.lines(screen)
        return lines.contains { $0.hasPrefix(" Segments ") && $0.hasSuffix("16 rows") }
            && screen.contains("Pro plan") && screen.contains("Free users") && screen.contains("VIP accounts")
            && screen.contains("DEMO")
    }

    /// The shell still works: canonical mode is on, what is typed is echoed, and commands run. Call it with the
    /// shell at its prompt, so that the check's output lines are lines of their own.
    func expectTerminalRestored(_ session: TmuxSession) async throws {
        let check = "stty -a | grep -o -- '-icanon\\|icanon' | head -1; echo typed-ok"
        try await session.type(check, enter: true)
        let screen = try await session.waitFor("the shell to run a typed command") { Self.hasLine($0, "typed-ok") && TmuxSession.atPrompt($0) }
        #expect(screen.contains(check), "the typed command was not echoed:\n\(screen)")
        #expect(Self.hasLine(screen, "icanon"), "canonical mode is not on:\n\(screen)")
        #expect(!Self.hasLine(screen, "-icanon"), "the terminal was left in cbreak/raw mode:\n\(screen)")
    }

    @Test func browsingResizingAndQuittingInARealTerminal() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        try await session.waitForShell()

        // 1–2. Start it; the Segments pane of the sandbox workspace shows.
        try await session.type(try demoCommandLine(), enter: true)
        try await session.waitFor("the Segments list") { screen in
            Self.segmentsList(screen) && screen.contains("1 Segments") && screen.contains("2 Cust")
        }

        // 3. Help opens and closes.
        try await session.press("?")
        try await session.waitFor("the help overlay") { $0.contains("Help — ? or Esc to close") && $0.contains("Command palette") }
        try await session.press("Escape")
        try await session.waitFor("help to close") { !$0.contains("Help — ") && Self.segmentsList($0) }

        // 4. Away to Campaigns, then back through the command palette.
        try await session.press("3")
        try await session.waitFor("the Campaigns list") { screen in
            TmuxSession.lines(screen).contains { $0.hasPrefix(" Campaigns ") } && !screen.contains("Pro plan")
        }
        try await session.press(":")
        try await session.waitFor("the palette prompt") { Self.hasLine($0, ":") && $0.contains("Show Segments") }
        try await session.type("segments")
        try await session.waitFor("the typed command") { Self.hasLine($0, ":segments") }
        try await session.press("Enter")
        try await session.waitFor("Segments again, the palette closed") { screen in
            Self.segmentsList(screen) && !TmuxSession.lines(screen).contains { $0.hasPrefix(":") }
        }

        // 5. Filtering as you type; Esc clears. Then Enter keeps a filter, and Esc on the list clears it.
        try await session.press("/")
        try await session.type("vip")
        try await session.waitFor("only VIP accounts") { screen in
            screen.contains("VIP accounts") && !screen.contains("Free users") && !screen.contains("Pro plan")
                && screen.contains("/vip  1 of 16") && Self.hasLine(screen, "/vip")
        }
        try await session.press("Escape")
        try await session.waitFor("the filter cleared") { Self.segmentsList($0) && !$0.contains("/vip") }
        try await session.press("/")
        try await session.type("vip")
        try await session.press("Enter")
        try await session.waitFor("the filter kept, its prompt gone") { screen in
            screen.contains("/vip  1 of 16") && !Self.hasLine(screen, "/vip") && !screen.contains("Free users")
        }
        try await session.press("Escape")
        try await session.waitFor("the kept filter cleared") { Self.segmentsList($0) && !$0.contains("/vip") }

        // 6. Resizes, down to nothing and back; each one redrawn for its size.
        for (width, height) in [(80, 24), (20, 5), (1, 1), (200, 60), (120, 40)] {
            try await session.resize(width: width, height: height)
            #expect(try await session.paneSize() == "\(width)x\(height)")
            try await session.waitFor("a redraw at \(width)x\(height)") { screen in
                let lines = TmuxSession.lines(screen)
                guard lines.count <= height, lines.allSatisfy({ TmuxSession.cells($0) <= width }) else { return false }
                switch (width, height) {
                case (1, 1):
                    return true
                case (20, 5):
                    return screen.contains("DEMO") || screen.hasPrefix(" cio")
                default:
                    // Right-aligned row count against the new right edge, the status bar at the new bottom.
                    let header = lines.first { $0.hasPrefix(" Segments ") && $0.hasSuffix("16 rows") }
                    guard let header, TmuxSession.cells(header) >= width - 2 else { return false }
                    guard lines.count == height, lines[height - 1].contains("DEMO") else { return false }
                    return width < 200 || screen.contains("8 Transactional")
                }
            }
        }

        // Still responsive: first row, one down, open it.
        try await session.press("g")
        try await session.press("j")
        try await session.press("Enter")
        try await session.waitFor("the second segment opened") { screen in
            screen.contains("Segments › Enterprise accounts") && screen.contains("People on an Enterprise contract.")
        }
        try await session.press("q")
        try await session.waitFor("back on the list") { Self.segmentsList($0) }

        // 7. q on the list quits with status 0.
        try await session.press("q")
        try await session.waitFor("cio to exit with status 0") { Self.hasLine($0, "cio-exit=0") && TmuxSession.atPrompt($0) }

        // 8. The terminal is back to normal.
        try await expectTerminalRestored(session)
    }

    @Test func sigtermQuitsInOrderAndRestoresTheTerminal() async throws {
        let session = try await TmuxSession(width: 120, height: 40)
        defer { session.stop() }
        try await session.waitForShell()

        // The inner shell writes its pid and then becomes cio, so that pid is the app's.
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built cio binary at \(binary.path)")
        let pidFile = session.folder.appendingPathComponent("cio.pid")
        let inner = "echo $$ > \(TmuxSession.shellQuoted(pidFile.path)); exec \"$0\" --demo"
        try await session.type("sh -c \(TmuxSession.shellQuoted(inner)) \(TmuxSession.shellQuoted(binary.path)); echo \"cio-exit=$?\"", enter: true)
        try await session.waitFor("the Segments list") { Self.segmentsList($0) }

        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text), "no pid in \(pidFile.path): \(text)")
        #expect(kill(pid, SIGTERM) == 0)

        // A signal quits in order (docs/architecture.md): the status line follows, and it is 0.
        let screen = try await session.waitFor("cio to exit after SIGTERM") { screen in
            TmuxSession.lines(screen).contains { $0.hasPrefix("cio-exit=") } && TmuxSession.atPrompt(screen)
        }
        #expect(Self.hasLine(screen, "cio-exit=0"), "unexpected exit status after SIGTERM:\n\(screen)")
        #expect(!screen.contains("Pro plan"), "the app's screen was left behind:\n\(screen)")
        try await expectTerminalRestored(session)
    }
}
