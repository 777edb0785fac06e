import Foundation
import Testing

/// A detached tmux session on a private server socket, driven with `send-keys` and read with `capture-pane`.
///
/// Every tmux call is a blocking child process, so each one runs through `CLIRunner.offThePool`. The server
/// gets a clean environment (no `CUSTOMERIO_*`, no `CIO_CONFIG`, `XDG_CONFIG_HOME` and `HOME` in an empty
/// temporary folder), no tmux config but the two lines written here (no status line, so the pane is exactly the
/// window's size), `window-size manual` so `resize-window` sticks, and tmux's own `default-terminal` as `TERM`.
/// (Setting `default-terminal` or `window-size` before the first session crashes tmux 3.3a's server.)
final class TmuxSession: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let width: Int
    let height: Int
    /// An empty folder for this session: the app's config home, the shell's home, scratch files.
    let folder: URL
    private let tmux: String
    private let socket: String
    private let environment: [String: String]
    private let target = "e2e"

    /// Starts the server with one window running `command` (a shell by default).
    init(width: Int, height: Int, command: String = "sh") async throws {
        tmux = try #require(Self.findTmux(), "tmux is not installed (or not on PATH): these end-to-end tests need it, and CI installs it")
        self.width = width
        self.height = height
        socket = "cio-e2e-\(UUID().uuidString.prefix(8).lowercased())"
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
    func close() {
        _ = try? runBlocking(["kill-server"])
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
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = ""
        while true {
            screen = try await capture()
            if predicate(screen) { return screen }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let satisfied = false
        try #require(satisfied, "timed out after \(timeout) waiting for \(what); the screen was:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Types a command and waits until it has printed `marker` on a line of its own: the shell is reading input.
    func waitForShell(marker: String = "shell-ready") async throws {
        try await type("echo \(marker)", enter: true)
        try await waitFor("the shell to echo \(marker)") { Self.lines($0).contains(marker) }
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

    private func runBlocking(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket] + arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(message)")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    private static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
