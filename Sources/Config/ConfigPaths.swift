import Foundation

/// Where cio keeps its files: `$XDG_CONFIG_HOME/cio` (default `~/.config/cio`), computed from an environment
/// passed in rather than read globally, so tests can point it at a temporary directory.
public struct ConfigPaths: Sendable, Hashable {
    /// The environment the paths were derived from (HOME, XDG_CONFIG_HOME, CIO_CONFIG).
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The home directory: `HOME`, else the account's home.
    public var home: String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }

    /// `$XDG_CONFIG_HOME/cio`; the XDG spec says to ignore a relative or empty `XDG_CONFIG_HOME`.
    public var directory: String {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return Self.join(base, "cio") }
        return Self.join(home, ".config/cio")
    }

    /// The config file: `CIO_CONFIG` when set, else `config.toml` in `directory`.
    public var configFile: String {
        if let override = environment["CIO_CONFIG"], !override.isEmpty { return expandingTilde(override) }
        return Self.join(directory, "config.toml")
    }

    /// Where user themes live (`themes/*.toml` in `directory`).
    public var themesDirectory: String { Self.join(directory, "themes") }

    /// `~/x` → `$HOME/x`, so paths written in config files and flags work as they would in a shell.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return Self.join(home, String(path.dropFirst(2))) }
        return path
    }

    /// `$HOME/x` → `~/x`, for messages: shorter, and it does not spell out the account name.
    public func display(_ path: String) -> String {
        let prefix = home.hasSuffix("/") ? home : home + "/"
        if home != "/", path.hasPrefix(prefix) { return "~/" + path.dropFirst(prefix.count) }
        return path
    }

    static func join(_ base: String, _ component: String) -> String {
        base.hasSuffix("/") ? base + component : base + "/" + component
    }
}
