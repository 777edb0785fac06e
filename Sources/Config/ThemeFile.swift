import TOMLKit
import Spelling
import Styling

/// Reads theme files: `name`, `description`, an optional `[palette]` of named colours and `[roles]` (see docs/themes.md).
public enum ThemeFile {
    static let topLevelKeys = ["name", "description", "palette", "roles"]

    /// Parses a theme file; `source` is the path shown in error messages (and, without `.toml`, the default name).
    public static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        do {
            return try read(text, source: source)
        } catch {
            throw ThemeError(source: source, issue: error)
        }
    }

    private static func read(_ text: String, source name: String) throws(SourceIssue) -> Theme {
        let source = try TOMLSource(text: text)
        var reader = ThemeReader(source: source)
        var themeName = defaultName(for: name)
        var styles: [ThemeRole: CellStyle] = [:]
        let keys = source.orderedKeys(of: source.root, at: [])
        for key in keys where !topLevelKeys.contains(key) {
            throw source.issue("unknown key \"\(key)\"\(Suggestion.hint(for: key, in: topLevelKeys))", at: [key])
        }
        // The palette is read before the roles whatever the order in the file, since roles refer to it.
        if let palette = source.root["palette"] { try reader.readPalette(palette) }
        if let value = source.root["name"] {
            themeName = try source.string(value, at: ["name"], what: "name").trimmingWhitespace()
            guard !themeName.isEmpty else { throw source.issue("name must not be empty", at: ["name"]) }
        }
        if let value = source.root["description"] { _ = try source.string(value, at: ["description"], what: "description") }
        if let roles = source.root["roles"] { styles = try reader.readRoles(roles) }
        return Theme(name: themeName, styles: styles)
    }

    /// `themes/nord.toml` → `nord`: a file without `name` is called after itself.
    static func defaultName(for source: String) -> String {
        var base = Substring(source.split(separator: "/").last ?? Substring(source))
        if base.hasSuffix(".toml") { base = base.dropLast(5) }
        if base.hasPrefix("builtin:") { base = base.dropFirst(8) }
        return String(base)
    }
}
