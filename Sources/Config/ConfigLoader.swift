import CustomerIO
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

/// Finds, reads and checks the config file. Never throws: a missing file is normal (cio runs on flags and the
/// environment), and a file that exists but cannot be used comes back as `error`, which callers stop on: running
/// without it would silently drop settings such as `read_only`.
public enum ConfigLoader {
    /// Loads `path`, else `CIO_CONFIG`, else `$XDG_CONFIG_HOME/cio/config.toml` (default `~/.config/cio/config.toml`).
    /// A missing default file is normal and silent; a missing file that was asked for by name is an error.
    public static func load(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> LoadedConfig {
        let paths = ConfigPaths(environment: environment)
        let explicit = path ?? environment["CIO_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file = explicit.map(paths.expandingTilde) ?? paths.configFile
        let shown = paths.display(file)

        let data: Data
        switch read(file) {
        case .missing:
            // Only a file that is provably not there is skipped, and only at the default place: one asked for by
            // name (--config, CIO_CONFIG) that is not there would otherwise drop read_only without a word.
            return explicit == nil ? LoadedConfig(file: nil) : unusable(shown, "there is no such file")
        case .unusable(let reason):
            return unusable(shown, reason)
        case .read(let bytes):
            data = bytes
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return unusable(shown, "it is not UTF-8 text (\(firstInvalidUTF8(data)))")
        }
        do {
            let config = try ConfigFile.parse(text, path: file, displayPath: shown)
            var warnings: [String] = []
            if config.holdsLiteralKey, let warning = permissionWarning(file: file, shown: shown) { warnings.append(warning) }
            if config.runsKeyCommand, let warning = writableWarning(file: file, shown: shown) { warnings.append(warning) }
            return LoadedConfig(file: config, warnings: warnings)
        } catch {
            return LoadedConfig(file: nil, warnings: [error.description], error: error)
        }
    }

    /// A config file that exists but cannot be used: an error, never a file quietly skipped.
    private static func unusable(_ shown: String, _ reason: String) -> LoadedConfig {
        let error = ConfigError(file: shown, message: "cannot use the config file: \(reason)")
        return LoadedConfig(file: nil, warnings: [error.description], error: error)
    }

    /// What reading the file came to. Anything but "no such file" (ENOENT, no symbolic link either) is a reason
    /// to stop: a folder on the way that may not be searched, a link to nothing or a loop, a directory, a file that
    /// may not be read.
    private enum Reading {
        case missing
        case unusable(String)
        case read(Data)
    }

    /// A config file is a few kilobytes; this is room to spare, and stops `/dev/zero` named by mistake.
    static let maximumBytes = 1 << 20

    private static func read(_ file: String) -> Reading {
        do {
            return .read(try RegularFile.read(file, limit: maximumBytes))
        } catch .missing {
            var link = stat()
            return lstat(file, &link) != 0 ? .missing : .unusable("it is a symbolic link to nothing")
        } catch {
            return .unusable(error.description)
        }
    }

    /// Where the first byte that breaks UTF-8 sits, as people look for it: `line 3 has byte 0xFF`.
    private static func firstInvalidUTF8(_ data: Data) -> String {
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&bytes) { offset += UTF8.width(scalar) }
        let line = data.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
        let byte = data.indices.contains(data.startIndex + offset) ? data[data.startIndex + offset] : 0
        return "line \(line) has byte " + String(format: "0x%02X", byte)
    }

    /// A file holding a key must be private to its owner: warn when group or others may read it.
    static func permissionWarning(file: String, shown: String) -> String? {
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o044 != 0 else { return nil }
        return "\(shown) holds an API key and is readable by others; run: chmod 600 \(shellWord(shown, absolute: file))"
    }

    /// A file whose key command anyone else may change is a way for them to run commands as the user (and read the
    /// key it prints): warn when group or others may write it.
    static func writableWarning(file: String, shown: String) -> String? {
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o022 != 0 else { return nil }
        return "\(shown) runs a key command and can be changed by others, who could make it run anything as you; run: chmod go-w \(shellWord(shown, absolute: file))"
    }

    /// The path as it can be pasted into a shell: the `~` form when it needs no quoting, else the quoted full path.
    private static func shellWord(_ shown: String, absolute: String) -> String {
        let safe = shown.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "~/._-+,:@".contains($0)) }
        if safe { return shown }
        return "'" + absolute.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
