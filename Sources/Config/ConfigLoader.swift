import Foundation

/// The config file as loaded at start-up, with whatever the user should be told about it.
public struct LoadedConfig: Sendable {
    /// nil when there is no config file (not an error) or it could not be used.
    public var file: ConfigFile?
    /// One line each, ready for stderr or the status bar; the parse error, when there is one, is among them.
    public var warnings: [String]
    /// The parse error on its own, for callers that would rather stop than run without the file.
    public var error: ConfigError?

    public init(file: ConfigFile?, warnings: [String] = [], error: ConfigError? = nil) {
        self.file = file
        self.warnings = warnings
        self.error = error
    }
}

/// Finds, reads and checks the config file. Never throws: cio still runs (on flags and environment) without one.
public enum ConfigLoader {
    /// Loads `path`, else `CIO_CONFIG`, else `$XDG_CONFIG_HOME/cio/config.toml` (default `~/.config/cio/config.toml`).
    /// A missing default file is normal and silent; a missing file that was asked for by name is a warning.
    public static func load(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> LoadedConfig {
        let paths = ConfigPaths(environment: environment)
        let explicit = path ?? environment["CIO_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file = explicit.map(paths.expandingTilde) ?? paths.configFile
        let shown = paths.display(file)

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            return LoadedConfig(file: nil, warnings: explicit == nil ? [] : ["\(shown): no such config file"])
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
            return LoadedConfig(file: nil, warnings: ["\(shown): cannot read the config file"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadedConfig(file: nil, warnings: ["\(shown): the config file is not UTF-8 text"])
        }
        do {
            let config = try ConfigFile.parse(text, path: file, displayPath: shown)
            var warnings: [String] = []
            if config.holdsLiteralKey, let warning = permissionWarning(file: file, shown: shown) { warnings.append(warning) }
            return LoadedConfig(file: config, warnings: warnings)
        } catch {
            return LoadedConfig(file: nil, warnings: [error.description], error: error)
        }
    }

    /// A file holding a key must be private to its owner: warn when group or others may read it.
    static func permissionWarning(file: String, shown: String) -> String? {
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o044 != 0 else { return nil }
        return "\(shown) holds an API key and is readable by others; run: chmod 600 \(shellWord(shown, absolute: file))"
    }

    /// The path as it can be pasted into a shell: the `~` form when it needs no quoting, else the quoted full path.
    private static func shellWord(_ shown: String, absolute: String) -> String {
        let safe = shown.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "~/._-+,:@".contains($0)) }
        if safe { return shown }
        return "'" + absolute.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
