import Foundation

/// Where output goes and how it looks: tables for people at a terminal, JSON for pipes.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// One clear line on stderr.
    static func printError(_ message: String) {
        let prefix = stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil ? "\u{1B}[31merror:\u{1B}[0m " : "error: "
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
    }

    /// A note on stderr, so it never mixes into piped data.
    static func printNote(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes to stdout without buffering surprises when piped.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
