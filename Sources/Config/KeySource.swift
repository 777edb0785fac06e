import CustomerIO
import Foundation

/// Where a profile's API key comes from. Describing one never reveals a literal key.
public enum KeySource: Sendable, Hashable, CustomStringConvertible {
    /// Read from this environment variable (`api_key_env`).
    case environment(String)
    /// Printed on stdout by this shell command (`api_key_command`), e.g. `pass show cio/prod`.
    case command(String)
    /// Written in the config file itself (`api_key`); allowed, but it makes cio check the file's permissions.
    case literal(Secret)

    /// The longest an `api_key_command` may take before cio gives up on it.
    public static let commandTimeout: Duration = .seconds(10)

    public var description: String {
        switch self {
        case .environment(let name): "the environment variable \(name)"
        case .command(let command): "the command `\(command)`"
        case .literal: "a key written in the config file"
        }
    }

    /// The key itself. A command runs with `/bin/sh -c` and `environment` less every secret variable (the defaults
    /// and `hiding`), and blocks the caller for at most `timeout`: resolve keys before the interface starts, or off
    /// the main thread.
    public func resolve(environment: [String: String], hiding: [String] = [], timeout: Duration = commandTimeout) throws(KeySourceError) -> Secret {
        switch self {
        case .literal(let secret):
            return secret
        case .environment(let name):
            guard let value = environment[name], let secret = Secret(value) else { throw .variableNotSet(name) }
            return secret
        case .command(let command):
            return try Self.run(command, environment: ChildEnvironment.sanitized(environment, removing: hiding), timeout: timeout)
        }
    }

    private static func run(_ command: String, environment: [String: String], timeout: Duration) throws(KeySourceError) -> Secret {
        let output: CommandOutput
        do {
            output = try CommandRunner.run(command, environment: environment, timeout: timeout)
        } catch {
            throw .commandNotStarted(command: command, reason: error.reason)
        }
        let printed = String(decoding: output.stdout, as: UTF8.self)
        let secret = Secret(printed)
        // Whatever the command printed on stdout is the key, or part of it: it must not reach an error message,
        // not even echoed back through stderr.
        var complaint = Self.firstLine(of: output.stderr)
        for line in printed.split(whereSeparator: \.isNewline).map({ $0.trimmingWhitespace() }) where line.count >= 4 {
            complaint = complaint.replacingOccurrences(of: line, with: "<redacted>")
        }
        // Shortened only now: cut first, a key at the cut would no longer match and would show in part.
        complaint = Self.shortened(complaint)
        if output.timedOut { throw .commandTimedOut(command: command, seconds: timeout.seconds) }
        guard output.status == 0 else { throw .commandFailed(command: command, status: output.status, stderr: complaint) }
        guard let secret else { throw .commandPrintedNothing(command: command) }
        return secret
    }

    /// The first non-blank line of stderr: enough to say "not in the password store".
    private static func firstLine(of data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.first { !$0.isEmpty } ?? ""
    }

    private static func shortened(_ line: String) -> String {
        line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}

/// Why a key could not be had. Messages name the variable or command, never the key or the command's output.
public enum KeySourceError: Error, Sendable, Hashable, CustomStringConvertible {
    case variableNotSet(String)
    case commandNotStarted(command: String, reason: String)
    /// `stderr` is the first line the command wrote there, with anything it printed on stdout redacted.
    case commandFailed(command: String, status: Int32, stderr: String)
    case commandPrintedNothing(command: String)
    case commandTimedOut(command: String, seconds: Double)

    public var description: String {
        switch self {
        case .variableNotSet(let name):
            "the environment variable \(name) is not set or is empty"
        case .commandNotStarted(let command, let reason):
            "the key command `\(command)` could not be started: \(reason)"
        case .commandFailed(let command, let status, let stderr):
            "the key command `\(command)` failed with exit status \(status)" + (stderr.isEmpty ? "" : ": \(stderr)")
        case .commandPrintedNothing(let command):
            "the key command `\(command)` printed nothing on stdout"
        case .commandTimedOut(let command, let seconds):
            "the key command `\(command)` did not finish within \(Self.format(seconds)) seconds"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
