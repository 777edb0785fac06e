import App
import Config
import CustomerIO
import Foundation
import Sandbox
import Styling
import TerminalUI

/// Works out what cio talks to, from flags, then the environment, then the config profile: one path for the
/// full-screen app and for `cio get`, so both read the same file, the same profile and the same keys.
enum Startup {
    struct Resolved {
        var launch: AppLauncher.Launch
    }

    /// The workspace the flags, environment and config name.
    struct Connection {
        /// nil when no key is configured (the app then opens the demo) or `--demo` was given.
        var configuration: ClientConfiguration?
        var profile: Profile?
        var file: ConfigFile?
        /// The config file's warnings, already said on stderr.
        var warnings: [String]
        /// Every variable a key was (or could be) read from: kept from every child process.
        var secretVariables: [String]
    }

    /// Reads the config (a file that exists but cannot be used stops cio: fail closed) and resolves the connection.
    /// The file's warnings are said at once, through `announce`: before any key command in it runs.
    static func connection(_ options: ConnectionOptions, environment: [String: String], announce: (String) -> Void = Startup.announce) throws -> Connection {
        let loaded = ConfigLoader.load(path: options.configPath, environment: environment)
        if let error = loaded.error { throw CustomerIOError.configuration(error.description) }
        loaded.warnings.forEach(announce)
        let file = loaded.file
        if let name = options.profile, file == nil {
            let paths = ConfigPaths(environment: environment)
            throw CustomerIOError.configuration("--profile \(name): there is no config file (\(paths.display(paths.configFile))); docs/configuration.md shows how to write one.")
        }
        let profile: Profile?
        do {
            profile = try file?.profile(named: options.profile)
        } catch {
            throw CustomerIOError.configuration(error.description)
        }
        let hidden = ChildEnvironment.secretVariables + (file?.secretVariables ?? [])
        var settings = options.settings(environment: environment)
        if !options.demo { try fill(&settings, from: profile, environment: environment, hiding: hidden) }
        let configuration: ClientConfiguration? = options.demo || settings.key == nil ? nil : try settings.configuration()
        return Connection(configuration: configuration, profile: profile, file: file, warnings: loaded.warnings, secretVariables: hidden)
    }

    /// What flags and the environment left open, from the profile.
    private static func fill(_ settings: inout ConnectionSettings, from profile: Profile?, environment: [String: String], hiding: [String]) throws {
        guard let profile else { return }
        if settings.key == nil, let source = profile.apiKey {
            do {
                settings.key = try source.resolve(environment: environment, hiding: hiding).reveal()
            } catch {
                throw CustomerIOError.configuration("profile \(profile.name): \(error.description)")
            }
        }
        if settings.region == nil { settings.region = profile.region.rawValue }
        if settings.apiURL == nil { settings.apiURL = profile.apiURL }
        if settings.trackSiteID == nil { settings.trackSiteID = profile.siteID }
        if settings.trackKey == nil, let source = profile.trackKey {
            settings.trackKey = try? source.resolve(environment: environment, hiding: hiding).reveal()
        }
        if settings.cdpWriteKey == nil, let source = profile.cdpKey {
            settings.cdpWriteKey = try? source.resolve(environment: environment, hiding: hiding).reveal()
        }
    }

    /// A warning on stderr, where it never mixes into piped data and stays readable after the app closes.
    static func announce(_ warning: String) {
        Terminal.printNote("warning: \(warning)")
    }

    /// The client `cio get` uses: the configured workspace, or with `--demo` a sandbox served in this process.
    static func client(_ options: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> AppAPIClient {
        let resolved = try connection(options, environment: environment)
        if let configuration = resolved.configuration { return AppAPIClient(configuration: configuration) }
        guard options.demo else {
            // No key anywhere: the same sentence the settings give, naming the variable to set.
            return AppAPIClient(configuration: try ConnectionSettings().configuration())
        }
        let sandbox = try await SandboxServer.start(SandboxOptions())
        return AppAPIClient(configuration: try ClientConfiguration(key: Secret("demo")!, appBaseURL: sandbox.baseURL, trackBaseURL: sandbox.baseURL))
    }

    static func resolve(themeName: String?, readOnly: Bool, connection options: ConnectionOptions, environment: [String: String]) throws -> Resolved {
        let resolved = try connection(options, environment: environment)
        let (profile, file, configuration) = (resolved.profile, resolved.file, resolved.configuration)
        let catalog = ThemeCatalog(environment: environment)
        let session = SessionInfo(
            profile: configuration == nil ? "demo" : (profile?.name ?? "environment"),
            region: configuration?.region.rawValue.uppercased() ?? "sandbox",
            isDemo: configuration == nil,
            isReadOnly: readOnly || (profile?.readOnly ?? false)
        )
        var warnings = resolved.warnings
        // Key overrides apply to the demo too; only the connection comes from the sandbox.
        let keymap = Keymap(overrides: file?.keyOverrides ?? [:])
        let keyProblems = keymap.problems.map { problem in
            file.map { "\($0.displayPath): \(problem)" } ?? problem
        }
        keyProblems.forEach(announce)
        warnings += keyProblems
        var theme = Theme.fallback
        if let name = themeName ?? profile?.theme ?? file?.theme {
            let loaded = catalog.load(nameOrPath: name)
            theme = loaded.theme
            if let warning = loaded.warning {
                announce(warning)
                warnings.insert(warning, at: 0)
            }
        }
        let launch = AppLauncher.Launch(
            session: session,
            configuration: configuration,
            theme: theme,
            keymap: keymap,
            warnings: warnings,
            loadTheme: { name in
                let loaded = catalog.load(nameOrPath: name)
                return (loaded.theme, loaded.warning)
            },
            themeNames: catalog.names,
            cache: file?.cache ?? CacheSettings(),
            secretVariables: resolved.secretVariables
        )
        return Resolved(launch: launch)
    }
}
