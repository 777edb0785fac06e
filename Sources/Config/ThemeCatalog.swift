import CustomerIO
import Foundation
import Spelling
import Styling

/// A theme ready to use, and what went wrong on the way when the fallback had to stand in.
public struct ThemeLoad: Sendable, Hashable {
    public let theme: Theme
    /// A one-line message for the status bar or stderr; nil when the requested theme loaded cleanly.
    public let warning: String?

    public init(theme: Theme, warning: String? = nil) {
        self.theme = theme
        self.warning = warning
    }
}

/// Finds themes by name (user themes first, then the built-in ones) or by path, and never fails: a missing or
/// broken theme must not keep cio from starting, so it answers with `Theme.fallback` and a warning instead.
public struct ThemeCatalog: Sendable {
    public let paths: ConfigPaths

    public init(paths: ConfigPaths = ConfigPaths()) {
        self.paths = paths
    }

    /// A catalog whose user themes directory comes from `environment` (`XDG_CONFIG_HOME`, `HOME`).
    public init(environment: [String: String]) {
        self.init(paths: ConfigPaths(environment: environment))
    }

    /// Every theme name `load(nameOrPath:)` accepts: the built-in ones and `*.toml` in the user themes directory.
    public var names: [String] {
        Set(BuiltinThemes.names + userThemeNames).sorted()
    }

    /// The user's own themes (file names without `.toml`), empty when the directory does not exist.
    public var userThemeNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.themesDirectory)) ?? []
        return files.filter { $0.hasSuffix(".toml") && $0.count > 5 }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads a theme. A value containing "/" or ending in `.toml` is a path (`~` allowed); anything else is a name.
    public func load(nameOrPath: String) -> ThemeLoad {
        let request = nameOrPath.trimmingWhitespace()
        guard !request.isEmpty else { return ThemeLoad(theme: .fallback, warning: "empty theme name: using the default theme") }
        if request.contains("/") || request.hasSuffix(".toml") {
            return loadFile(paths.expandingTilde(request))
        }
        let userFile = ConfigPaths.join(paths.themesDirectory, request + ".toml")
        if FileManager.default.fileExists(atPath: userFile) { return loadFile(userFile) }
        if let text = BuiltinThemes.source(named: request) { return parse(text, source: "builtin:\(request)") }
        let hint = Suggestion.hint(for: request, in: names)
        return ThemeLoad(theme: .fallback, warning: "no theme named \"\(request)\"\(hint); themes: \(names.joined(separator: ", "))")
    }

    private func loadFile(_ path: String) -> ThemeLoad {
        let shown = paths.display(path)
        let data: Data
        do {
            // A theme is a few kilobytes; the cap (and the type check) keep `--theme /dev/zero` from hanging.
            data = try RegularFile.read(path, limit: ConfigLoader.maximumBytes)
        } catch .missing, .directory {
            return ThemeLoad(theme: .fallback, warning: "\(shown): no such theme file")
        } catch {
            return ThemeLoad(theme: .fallback, warning: "\(shown): cannot read the theme file: \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ThemeLoad(theme: .fallback, warning: "\(shown): the theme file is not UTF-8 text")
        }
        return parse(text, source: shown)
    }

    private func parse(_ text: String, source: String) -> ThemeLoad {
        do {
            return ThemeLoad(theme: try ThemeFile.parse(text, source: source))
        } catch {
            return ThemeLoad(theme: .fallback, warning: error.description)
        }
    }
}
