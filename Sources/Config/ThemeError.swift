import CustomerIO

/// Why a theme file could not be used, pointing at the file and line (and column, for syntax errors).
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (a path, or `builtin:NAME` for a compiled-in theme).
    public let source: String
    /// 1-based; nil when the problem is not on one line (an unreadable file, say).
    public let line: Int?
    /// 1-based; only syntax errors have one.
    public let column: Int?
    /// What is wrong, without the location.
    public let message: String

    public init(source: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    init(source: String, issue: SourceIssue) {
        self.init(source: source, line: issue.line, column: issue.column, message: issue.message)
    }

    /// `themes/x.toml:7: unknown colour …`, the form compilers use, so editors can jump to it.
    public var description: String { Location.format(file: source, line: line, column: column, message: message) }
}

/// Formats `file:line:column: message`, leaving out the parts that are not known.
enum Location {
    /// The message quotes the file (a key, a value, the text the TOML parser choked on, even a line break it
    /// read), and the path may hold anything: control characters in either are shown, not sent to the terminal.
    static func format(file: String, line: Int?, column: Int?, message: String) -> String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return TerminalSafeText.visible("\(text): \(message)")
    }
}
