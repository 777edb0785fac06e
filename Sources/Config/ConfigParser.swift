import CustomerIO
import Keys
import TOMLKit
import Spelling

/// Reads the top level of a config file and its `[keys]` table; profiles are read by `ProfileReader`.
enum ConfigParser {
    static let topLevelKeys = ["default_profile", "theme", "profiles", "keys", "cache"]

    static func parse(_ text: String) throws(SourceIssue) -> ConfigFile {
        let source = try TOMLSource(text: text)
        var file = ConfigFile(path: "")
        for key in source.orderedKeys(of: source.root, at: []) {
            let value = source.root[key]!
            switch key {
            case "default_profile": file.defaultProfile = try nonEmptyString(value, at: [key], what: key, in: source)
            case "theme": file.theme = try nonEmptyString(value, at: [key], what: key, in: source)
            case "profiles": file.profiles = try ProfileReader(source: source).readProfiles(value)
            case "keys": try readKeys(value, into: &file, source: source)
            case "cache": file.cache = try CacheSettings.read(value, source: source)
            default:
                throw source.issue("unknown key \"\(key)\"\(Suggestion.hint(for: key, in: topLevelKeys))", at: [key])
            }
        }
        if let name = file.defaultProfile, file.profiles[name] == nil {
            let known = file.profiles.keys.sorted()
            let list = known.isEmpty ? "no profiles are defined" : "profiles: \(known.joined(separator: ", "))"
            throw source.issue("default_profile \"\(name)\" is not a profile\(Suggestion.hint(for: name, in: known)); \(list)", at: ["default_profile"])
        }
        return file
    }

    static func nonEmptyString(_ value: any TOMLValueConvertible, at path: [String], what: String, in source: TOMLSource) throws(SourceIssue) -> String {
        let text = try source.string(value, at: path, what: what).trimmingWhitespace()
        guard !text.isEmpty else { throw source.issue("\(what) must not be empty", at: path) }
        return text
    }

    /// `[keys]`: quoted ids (`"table.bottom" = …`) and dotted ones (`table.bottom = …`, which TOML reads as nested
    /// tables) both mean the action `table.bottom`.
    private static func readKeys(_ value: any TOMLValueConvertible, into file: inout ConfigFile, source: TOMLSource) throws(SourceIssue) {
        let table = try source.table(value, at: ["keys"], what: "keys")
        try readKeys(table, path: ["keys"], into: &file, source: source)
    }

    /// Action ids have at most this many dotted parts (`composer.delete-draft` has two); deeper tables are refused
    /// before they are walked, so no file can drive the walk past it.
    static let maxActionParts = 4

    private static func readKeys(_ table: TOMLTable, path: [String], into file: inout ConfigFile, source: TOMLSource) throws(SourceIssue) {
        for name in source.orderedKeys(of: table, at: path) {
            let value = table[name]!
            let entryPath = path + [name]
            let action = entryPath.dropFirst().joined(separator: ".")
            if let nested = value.table {
                guard entryPath.count <= maxActionParts else {
                    throw source.issue("no action id in [keys] has more than \(maxActionParts) dotted parts (docs/keybindings.md lists them)", at: Array(entryPath.prefix(maxActionParts + 1)))
                }
                try readKeys(nested, path: entryPath, into: &file, source: source)
                continue
            }
            guard file.keyOverrides[action] == nil else {
                throw source.issue("keys for \(action) are set twice in [keys]", at: entryPath)
            }
            file.keyOverrides[action] = try keyList(value, action: action, at: entryPath, source: source)
            file.keyOverrideLines[action] = source.locator.line(of: entryPath) ?? 1
        }
    }

    private static func keyList(_ value: any TOMLValueConvertible, action: String, at path: [String], source: TOMLSource) throws(SourceIssue) -> [Key] {
        var specs: [any TOMLValueConvertible] = []
        if let list = value.array {
            specs = Array(list)
        } else {
            specs = [value]
        }
        guard !specs.isEmpty else { throw source.issue("give at least one key for \(action) in [keys]", at: path) }
        var keys: [Key] = []
        for spec in specs {
            guard let text = spec.string else {
                throw source.wrongType(spec, at: path, what: "each key for \(action) in [keys]", expected: "a string like \"G\" or \"ctrl-d\"")
            }
            guard let key = Key(spec: text) else {
                throw source.issue("bad key spec \"\(text)\" for \(action) in [keys] (write keys like q, G, ?, ctrl-d, pgdn, shift-tab, f5, space, esc)", at: path)
            }
            keys.append(key)
        }
        return keys
    }
}
