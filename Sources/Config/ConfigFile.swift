import Keys
import Spelling

/// The parsed config file: profiles, the default profile, a global theme and keymap overrides (docs/configuration.md).
public struct ConfigFile: Sendable, Hashable {
    /// Where the file was read from.
    public var path: String
    /// The path as messages show it (`~/.config/cio/config.toml`).
    public var displayPath: String
    public var defaultProfile: String?
    /// A theme name or path for every profile that does not set its own.
    public var theme: String?
    public var profiles: [String: Profile]
    /// `[keys]`: action id → the keys that replace its default bindings.
    public var keyOverrides: [String: [Key]]
    /// The line each `[keys]` entry was written on, so start-up can point at a conflicting override.
    public var keyOverrideLines: [String: Int]
    /// `[cache]`: freshness per kind of result and the memory budget.
    public var cache = CacheSettings()

    public init(
        path: String, displayPath: String? = nil, defaultProfile: String? = nil, theme: String? = nil,
        profiles: [String: Profile] = [:], keyOverrides: [String: [Key]] = [:], keyOverrideLines: [String: Int] = [:]
    ) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.defaultProfile = defaultProfile
        self.theme = theme
        self.profiles = profiles
        self.keyOverrides = keyOverrides
        self.keyOverrideLines = keyOverrideLines
    }

    /// Parses the file's text. `path` is kept; `displayPath` (default: `path`) is what error messages show.
    public static func parse(_ text: String, path: String, displayPath: String? = nil) throws(ConfigError) -> ConfigFile {
        let shown = displayPath ?? path
        do {
            var file = try ConfigParser.parse(text)
            file.path = path
            file.displayPath = shown
            return file
        } catch {
            throw ConfigError(file: shown, issue: ConfigParser.redactingKeys(error, in: text))
        }
    }

    /// The profile to use: `name` when given (it must exist), else `default_profile`, else the only profile,
    /// else nil (no profile: flags and environment alone decide).
    public func profile(named name: String?) throws(ConfigError) -> Profile? {
        if let name {
            guard let profile = profiles[name] else { throw unknownProfile(name) }
            return profile
        }
        if let defaultProfile { return profiles[defaultProfile] }
        return profiles.count == 1 ? profiles.values.first : nil
    }

    /// `~/.config/cio/config.toml:12`, for messages about a `[keys]` entry (a conflict found at start-up).
    public func location(ofKeyOverride action: String) -> String {
        keyOverrideLines[action].map { "\(displayPath):\($0)" } ?? displayPath
    }

    /// Every variable any profile reads a key from.
    public var secretVariables: [String] { profiles.values.flatMap(\.secretVariables).sorted() }

    /// Whether any profile gets a key by running a command.
    public var runsKeyCommand: Bool { profiles.values.contains(where: \.runsKeyCommand) }

    /// Whether any profile writes a key in the file itself.
    public var holdsLiteralKey: Bool { profiles.values.contains(where: \.holdsLiteralKey) }

    private func unknownProfile(_ name: String) -> ConfigError {
        let known = profiles.keys.sorted()
        let list = known.isEmpty ? "the file defines no profiles" : "profiles: \(known.joined(separator: ", "))"
        return ConfigError(file: displayPath, message: "no profile named \"\(name)\"\(Suggestion.hint(for: name, in: known)); \(list)")
    }
}
