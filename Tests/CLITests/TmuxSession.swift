import Foundation
import ProcessKit
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A detached tmux session on a private server socket, driven with `send-keys` and read with `capture-pane`.
///
/// Every tmux call is a blocking child process, so each one runs through `CLIRunner.offThePool`. The server
/// gets a clean environment (no `CUSTOMERIO_*`, no `CIO_CONFIG`, `XDG_CONFIG_HOME` and `HOME` in an empty
/// temporary folder), no tmux config but the two lines written here (no status line, so the pane is exactly the
/// window's size), `window-size manual` so `resize-window` sticks, and tmux's own `default-terminal` as `TERM`.
/// (With `default-terminal` or `window-size` set before the first session exists, tmux 3.3a's server dies at start.)
final class TmuxSession: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// An empty folder for this session: the app's config home, the shell's home, scratch files.
    let folder: URL
    private let tmux: String
    private let socket: String
    /// Where tmux puts a `-L` socket; the server leaves the file behind when killed, so `stop()` removes it.
    private let socketPath: String
    private let environment: [String: String]
    private let target = "e2e"

    /// Starts the server with one window running `command` (a shell by default).
    init(width: Int, height: Int, command: String = "sh") async throws {
        tmux = try #require(Self.findTmux(), "tmux is not installed (or not on PATH): these end-to-end tests need it, and CI installs it")
        socket = "cio-e2e-\(UUID().uuidString.prefix(8).lowercased())"
        let socketFolder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        socketPath = "\(socketFolder)/tmux-\(getuid())/\(socket)"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-e2e-\(UUID().uuidString)")
        let configHome = folder.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: configHome, withIntermediateDirectories: true)
        var environment = CLIRunner.cleanEnvironment(["XDG_CONFIG_HOME": configHome.path, "HOME": folder.path])
        for name in ["TMUX", "TMUX_PANE", "CIO_CONFIG", "COLORTERM", "ENV"] { environment[name] = nil }
        self.environment = environment
        let conf = folder.appendingPathComponent("tmux.conf")
        try """
        set -g status off
        set -g escape-time 0

        """.write(to: conf, atomically: true, encoding: .utf8)
        _ = try await run(["-f", conf.path, "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command, ";", "set-option", "-g", "window-size", "manual"])
    }

    /// Kills the server and removes the folder; blocking, so it can run from a `defer`.
    func stop() {
        _ = try? runBlocking(["kill-server"])
        unlink(socketPath)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `q`, `?`).
    func press(_ keys: String...) async throws {
        _ = try await run(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally, then Enter if asked.
    func type(_ text: String, enter: Bool = false) async throws {
        _ = try await run(["send-keys", "-t", target, "-l", "--", text])
        if enter { try await press("Enter") }
    }

    /// What the pane shows now, one line per row (trailing blanks trimmed by tmux).
    func capture() async throws -> String {
        try await run(["capture-pane", "-p", "-t", target])
    }

    /// The pane's size as tmux reports it, e.g. `80x24`.
    func paneSize() async throws -> String {
        try await run(["display-message", "-p", "-t", target, "#{pane_width}x#{pane_height}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) async throws {
        _ = try await run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 50 ms until `predicate` holds; fails with the last capture once `timeout` passes.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
        until predicate: (String) -> Bool
    ) async throws -> String {
        let (screen, satisfied) = try await poll(timeout: timeout, until: predicate)
        try #require(satisfied, "timed out after \(timeout) waiting for \(what); the screen was:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// The last capture, and whether `predicate` held on it before `timeout` passed.
    private func poll(timeout: Duration, until predicate: (String) -> Bool) async throws -> (String, Bool) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let screen = try await capture()
            if predicate(screen) { return (screen, true) }
            if clock.now >= deadline { return (screen, false) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static let prompt = "e2e-prompt>"

    /// Sets a prompt of its own in the pane's shell and waits until the shell sits at it, idle. Setting the prompt is
    /// harmless to repeat, so on a loaded machine where the first line went unanswered it is sent again.
    func waitForShell(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<3 {
            try await type("PS1='\(Self.prompt) '", enter: true)
            if try await poll(timeout: .seconds(8), until: { Self.atPrompt($0) }).1 { return }
        }
        try await waitFor("the shell's prompt", sourceLocation: sourceLocation) { Self.atPrompt($0) }
    }

    /// The last line with anything on it is the bare prompt: the shell has finished and waits for input.
    static func atPrompt(_ screen: String) -> Bool {
        lines(screen).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) == prompt
    }

    // MARK: Reading captures

    static func lines(_ screen: String) -> [String] {
        var lines = screen.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Display width in cells; the app's screens use only single-width characters.
    static func cells(_ line: String) -> Int { line.count }

    /// Single-quotes `text` for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Running tmux

    private func run(_ arguments: [String]) async throws -> String {
        try await CLIRunner.offThePool { [self] in try runBlocking(arguments) }
    }

    /// Runs tmux and waits for it. Not through `Process`: a child inherits the signal mask of the thread that
    /// starts it, and GCD's worker threads block SIGCHLD, SIGTERM and most others. The tmux server forked from
    /// such a client never sees its panes exit, so `kill-server` hangs and the server outlives the test. Here the
    /// child starts with nothing blocked and default dispositions.
    private func runBlocking(_ arguments: [String]) throws -> String {
        let out = try Self.cloexecPipe()
        let err = try Self.cloexecPipe()
        let pid: pid_t
        do {
            defer {
                close(out.write)
                close(err.write)
            }
            pid = try Self.spawn(tmux, ["tmux", "-L", socket] + arguments, environment: environment, stdout: out.write, stderr: err.write)
        } catch {
            close(out.read)
            close(err.read)
            throw error
        }
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        CLIRunner.onItsOwnThread(group) {
            errData = FileHandle(fileDescriptor: err.read, closeOnDealloc: true).readDataToEndOfFile()
        }
        let outData = FileHandle(fileDescriptor: out.read, closeOnDealloc: true).readDataToEndOfFile()
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: low 7 bits zero, status in the next byte (WIFEXITED / WEXITSTATUS).
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) exited with \(exitStatus): \(message)")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    private static func cloexecPipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func spawn(_ path: String, _ argv: [String], environment: [String: String], stdout: Int32, stderr: Int32) throws -> pid_t {
        do {
            return try ChildProcess.spawn(path, arguments: argv, environment: environment, streams: .captured(stdout: stdout, stderr: stderr))
        } catch {
            throw Failure(description: "could not start \(path): \(error.reason)")
        }
    }

    private static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension TmuxSession {
    /// `cio --demo` started from the session's own folder (so a downloaded export lands there), once the Segments
    /// list shows.
    static func demo(width: Int = 120, height: Int = 40) async throws -> TmuxSession {
        let session = try await TmuxSession(width: width, height: height)
        try await session.waitForShell()
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no built cio binary at \(binary.path)")
        try await session.type("cd \(shellQuoted(session.folder.path)) && \(shellQuoted(binary.path)) --demo; echo \"cio-exit=$?\"", enter: true)
        try await session.waitFor("the Segments list") { TmuxEndToEndTests.segmentsList($0) }
        return session
    }

    /// ctrl-c quits in order from anywhere; the status is 0 and the app's screen is gone.
    func quitDemo(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await press("C-c")
        let screen = try await waitFor("cio to exit") { screen in
            Self.lines(screen).contains { $0.hasPrefix("cio-exit=") } && Self.atPrompt(screen)
        }
        #expect(TmuxEndToEndTests.hasLine(screen, "cio-exit=0"), "unexpected exit:\n\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("DEMO"), "the app's screen was left behind:\n\(screen)", sourceLocation: sourceLocation)
    }
}

