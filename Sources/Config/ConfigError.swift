/// Why a config file (or a profile choice) is unusable, pointing at the file and line like `ThemeError`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The config file as shown to people (`~/.config/cio/config.toml`).
    public let file: String
    /// 1-based; nil when the problem is not on one line (an unknown `--profile`, say).
    public let line: Int?
    /// 1-based; only syntax errors have one.
    public let column: Int?
    /// What is wrong, without the location. Never holds a key: values of key fields are not quoted.
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(file: String, issue: SourceIssue) {
        self.init(file: file, line: issue.line, column: issue.column, message: issue.message)
    }

    /// `~/.config/cio/config.toml:7: …`
    public var description: String { Location.format(file: file, line: line, column: column, message: message) }
}
