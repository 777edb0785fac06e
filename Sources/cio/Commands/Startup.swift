import App
import Config
import CustomerIO
import Foundation
import TerminalUI

/// Works out what the app opens on, from flags, then the environment, then the config profile.
enum Startup {
    struct Resolved {
        var launch: AppLauncher.Launch
    }

    static func resolve(
        demo: Bool, profileName: String?, themeName: String?, readOnly: Bool, configPath: String?,
        connection: ConnectionOptions, environment: [String: String]
    ) throws -> Resolved {
        let loaded = ConfigLoader.load(path: configPath, environment: environment)
        if let error = loaded.error { throw CustomerIOError.configuration(error.description) }
        let file = loaded.file
        if let profileName, file == nil {
            throw CustomerIOError.configuration("--profile \(profileName): there is no config file (\(ConfigPaths(environment: environment).display(ConfigPaths(environment: environment).configFile))); docs/configuration.md shows how to write one.")
        }
        let profile: Profile?
        do {
            profile = try file?.profile(named: profileName)
        } catch {
            throw CustomerIOError.configuration(error.description)
        }

        var settings = connection.settings(environment: environment)
        if !demo {
            if settings.key == nil, let source = profile?.apiKey {
                do {
                    settings.key = try source.resolve(environment: environment).reveal()
                } catch {
                    throw CustomerIOError.configuration("profile \(profile?.name ?? ""): \(error.description)")
                }
            }
            if settings.region == nil { settings.region = profile?.region.rawValue }
            if settings.apiURL == nil { settings.apiURL = profile?.apiURL }
            if settings.trackSiteID == nil { settings.trackSiteID = profile?.siteID }
            if settings.trackKey == nil, let source = profile?.trackKey {
                settings.trackKey = try? source.resolve(environment: environment).reveal()
            }
        }
        let configuration: ClientConfiguration? = demo || settings.key == nil ? nil : try settings.configuration()
        let catalog = ThemeCatalog(environment: environment)
        let session = SessionInfo(
            profile: configuration == nil ? "demo" : (profile?.name ?? "environment"),
            region: configuration?.region.rawValue.uppercased() ?? "sandbox",
            isDemo: configuration == nil,
            isReadOnly: readOnly || (profile?.readOnly ?? false)
        )
        var warnings = loaded.warnings
        // Key overrides apply to the demo too; only the connection comes from the sandbox.
        let keymap = Keymap(overrides: file?.keyOverrides ?? [:])
        warnings += keymap.problems.map { problem in
            file.map { "\($0.displayPath): \(problem)" } ?? problem
        }
        var theme = Theme.fallback
        if let name = themeName ?? profile?.theme ?? file?.theme {
            let loaded = catalog.load(nameOrPath: name)
            theme = loaded.theme
            if let warning = loaded.warning { warnings.insert(warning, at: 0) }
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
            cache: file?.cache ?? CacheSettings()
        )
        return Resolved(launch: launch)
    }
}
