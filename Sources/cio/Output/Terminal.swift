import CustomerIO
import Foundation

/// Where output goes and how it looks: tables for people at a terminal, JSON for pipes.
///
/// Everything printed passes through here, and much of it came from a server or a file (names, attribute values,
/// a config line): every control character in it is shown rather than obeyed (`TerminalSafeText`), so a first name
/// holding `ESC ] 0;…` cannot retitle the window, clear the screen or write the clipboard. cio's own styling (the
/// red `error:`) is added after that, so it is the only escape sequence that reaches the terminal.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// One clear line on stderr.
    static func printError(_ message: String) {
        let colour = stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardError.write(Data(errorLine(message, colour: colour).utf8))
    }

    /// The error line as printed: the message made safe, then our own prefix (red when `colour`).
    static func errorLine(_ message: String, colour: Bool) -> String {
        let prefix = colour ? "\u{1B}[31merror:\u{1B}[0m " : "error: "
        return prefix + TerminalSafeText.visible(message, keeping: .layout) + "\n"
    }

    /// A note on stderr, so it never mixes into piped data.
    static func printNote(_ message: String) {
        FileHandle.standardError.write(Data((TerminalSafeText.visible(message, keeping: .layout) + "\n").utf8))
    }

    /// Writes to stdout without buffering surprises when piped.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafeText.visible(text, keeping: .layout).utf8))
    }
}
