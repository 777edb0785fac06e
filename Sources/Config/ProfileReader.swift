import Spelling
import CustomerIO
import Foundation
import TOMLKit

/// Reads `[profiles.NAME]` tables into `Profile`s. Messages name fields, never the value of a key field.
struct ProfileReader {
    let source: TOMLSource

    static let fields = [
        "region", "api_key_env", "api_key_command", "api_key", "api_url",
        "site_id", "track_api_key_env", "track_api_key_command", "track_api_key",
        "cdp_write_key_env", "cdp_write_key_command", "cdp_write_key", "read_only", "theme",
    ]

    func readProfiles(_ value: any TOMLValueConvertible) throws(SourceIssue) -> [String: Profile] {
        let table = try source.table(value, at: ["profiles"], what: "profiles")
        var profiles: [String: Profile] = [:]
        for name in source.orderedKeys(of: table, at: ["profiles"]) {
            let path = ["profiles", name]
            guard !name.trimmingWhitespace().isEmpty else { throw source.issue("a profile name must not be empty", at: path) }
            let fields = try source.table(table[name]!, at: path, what: "profile \(name)")
            profiles[name] = try readProfile(name, fields, at: path)
        }
        return profiles
    }

    private func readProfile(_ name: String, _ table: TOMLTable, at path: [String]) throws(SourceIssue) -> Profile {
        var profile = Profile(name: name)
        let what = { (field: String) in "\(field) in profile \(name)" }
        for field in source.orderedKeys(of: table, at: path) {
            let value = table[field]!
            let fieldPath = path + [field]
            switch field {
            case "region":
                let text = try source.string(value, at: fieldPath, what: what(field))
                guard let region = Region(parsing: text) else {
                    throw source.issue("invalid region \"\(text)\" in profile \(name): use us or eu", at: fieldPath)
                }
                profile.region = region
            case "api_url":
                profile.apiURL = try url(value, at: fieldPath, what: what(field))
            case "site_id":
                if let number = value.int {
                    profile.siteID = String(number)
                } else {
                    profile.siteID = try ConfigParser.nonEmptyString(value, at: fieldPath, what: what(field), in: source)
                }
            case "read_only":
                profile.readOnly = try source.bool(value, at: fieldPath, what: what(field))
            case "theme":
                profile.theme = try ConfigParser.nonEmptyString(value, at: fieldPath, what: what(field), in: source)
            case "api_key_env", "api_key_command", "api_key", "track_api_key_env", "track_api_key_command", "track_api_key",
                 "cdp_write_key_env", "cdp_write_key_command", "cdp_write_key":
                continue // read together below, to check that at most one source is given
            default:
                throw source.issue("unknown key \"\(field)\" in profile \(name)\(Suggestion.hint(for: field, in: Self.fields))", at: fieldPath)
            }
        }
        profile.apiKey = try keySource("api_key", in: table, profile: name, at: path)
        profile.trackKey = try keySource("track_api_key", in: table, profile: name, at: path)
        profile.cdpKey = try keySource("cdp_write_key", in: table, profile: name, at: path)
        return profile
    }

    /// `PREFIX_env`, `PREFIX_command` or `PREFIX` (a literal key): at most one of them.
    private func keySource(_ prefix: String, in table: TOMLTable, profile: String, at path: [String]) throws(SourceIssue) -> KeySource? {
        let given = ["\(prefix)_env", "\(prefix)_command", prefix]
            .filter { table[$0] != nil }
            .sorted { (source.locator.line(of: path + [$0]) ?? 0) < (source.locator.line(of: path + [$1]) ?? 0) }
        guard let field = given.first else { return nil }
        if given.count > 1 {
            throw source.issue("profile \(profile) sets both \(given[0]) and \(given[1]): keep exactly one", at: path + [given[1]])
        }
        let fieldPath = path + [field]
        let what = "\(field) in profile \(profile)"
        let text = try source.string(table[field]!, at: fieldPath, what: what)
        if field == prefix {
            guard let secret = Secret(text) else { throw source.issue("\(what) is empty", at: fieldPath) }
            return .literal(secret)
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw source.issue("\(what) must not be empty", at: fieldPath) }
        return field.hasSuffix("_env") ? .environment(trimmed) : .command(trimmed)
    }

    private func url(_ value: any TOMLValueConvertible, at path: [String], what: String) throws(SourceIssue) -> String {
        let text = try ConfigParser.nonEmptyString(value, at: path, what: what, in: source)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw source.issue("\(what) must be an http or https URL, like \"https://api.customer.io\"", at: path)
        }
        return text
    }
}
