@testable import Config
import CustomerIO
import Testing

@Suite struct ConfigFileTests {
    static let example = """
    default_profile = "prod-us"
    theme = "nord"                 # optional, global

    [profiles.prod-us]
    region = "us"
    api_key_env = "CIO_PROD_KEY"
    site_id = "abc123"
    track_api_key_command = "pass show cio/track"
    read_only = true
    theme = "dracula"

    [profiles.staging-eu]
    region = "EU"
    api_key_command = "pass show cio/staging"
    api_url = "http://127.0.0.1:4010"

    [keys]
    "table.bottom" = ["G", "end"]
    quit = "ctrl-q"
    pane.next = "tab"
    """

    private func parse(_ text: String) throws(ConfigError) -> ConfigFile {
        try ConfigFile.parse(text, path: "/home/me/.config/cio/config.toml", displayPath: "~/.config/cio/config.toml")
    }

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesProfilesThemeAndKeys() throws {
        let file = try parse(Self.example)
        #expect(file.path == "/home/me/.config/cio/config.toml")
        #expect(file.defaultProfile == "prod-us")
        #expect(file.theme == "nord")
        #expect(file.profiles["prod-us"] == Profile(
            name: "prod-us", region: .us, apiKey: .environment("CIO_PROD_KEY"), siteID: "abc123",
            trackKey: .command("pass show cio/track"), readOnly: true, theme: "dracula"
        ))
        #expect(file.profiles["staging-eu"] == Profile(
            name: "staging-eu", region: .eu, apiKey: .command("pass show cio/staging"), apiURL: "http://127.0.0.1:4010"
        ))
        #expect(file.keyOverrides == ["table.bottom": [.character("G"), .end], "quit": [.control("q")], "pane.next": [.tab]])
        #expect(file.keyOverrideLines == ["table.bottom": 18, "quit": 19, "pane.next": 20])
        #expect(file.location(ofKeyOverride: "quit") == "~/.config/cio/config.toml:19")
        #expect(!file.holdsLiteralKey)
    }

    @Test func profileDefaultsAndLiteralKeys() throws {
        let file = try parse("[profiles.solo]\napi_key = \"  sk-literal  \"\nsite_id = 42\n")
        let profile = try #require(file.profiles["solo"])
        #expect(profile.region == .us)
        #expect(!profile.readOnly)
        #expect(profile.theme == nil && profile.apiURL == nil && profile.trackKey == nil)
        #expect(profile.apiKey == .literal(Secret("sk-literal")!))
        #expect(profile.siteID == "42")
        #expect(file.holdsLiteralKey)
        #expect(!"\(profile)".contains("sk-literal"))
    }

    @Test func emptyFileHasNothing() throws {
        let file = try parse("# nothing yet\n")
        #expect(file.profiles.isEmpty && file.keyOverrides.isEmpty && file.defaultProfile == nil && file.theme == nil)
        #expect(try file.profile(named: nil) == nil)
    }

    @Test func profileSelection() throws {
        let file = try parse(Self.example)
        #expect(try file.profile(named: nil)?.name == "prod-us")
        #expect(try file.profile(named: "staging-eu")?.name == "staging-eu")
        var noDefault = file
        noDefault.defaultProfile = nil
        #expect(try noDefault.profile(named: nil) == nil)
        noDefault.profiles["staging-eu"] = nil
        #expect(try noDefault.profile(named: nil)?.name == "prod-us")
    }

    @Test func unknownProfileListsTheKnownOnes() throws {
        let file = try parse(Self.example)
        #expect(throws: ConfigError(file: "~/.config/cio/config.toml", message: #"no profile named "prod-eu" (did you mean "prod-us"?); profiles: prod-us, staging-eu"#)) {
            try file.profile(named: "prod-eu")
        }
        let empty = try parse("")
        #expect(throws: ConfigError(file: "~/.config/cio/config.toml", message: #"no profile named "x"; the file defines no profiles"#)) {
            try empty.profile(named: "x")
        }
    }

    @Test func defaultProfileMustExist() throws {
        let failure = try #require(error("default_profile = \"prdo\"\n[profiles.prod]\nregion = \"us\"\n"))
        #expect(failure.description == #"~/.config/cio/config.toml:1: default_profile "prdo" is not a profile (did you mean "prod"?); profiles: prod"#)
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let failure = try #require(error("[profiles.a]\nregion = \"us\"\nread_only = tru\n"))
        #expect(failure.line == 3)
        #expect(failure.column != nil)
        #expect(failure.message.hasPrefix("syntax error"))
    }

    @Test func unknownKeysAreReportedOnTheirLineWithSuggestions() throws {
        let inProfile = try #require(error("[profiles.a]\nregion = \"us\"\n\napikey_env = \"X\"\n"))
        #expect(inProfile.description == #"~/.config/cio/config.toml:4: unknown key "apikey_env" in profile a (did you mean "api_key_env"?)"#)
        let topLevel = try #require(error("theme = \"nord\"\n[profile.a]\nregion = \"us\"\n"))
        #expect(topLevel.description == #"~/.config/cio/config.toml:2: unknown key "profile" (did you mean "profiles"?)"#)
    }

    @Test func invalidRegion() throws {
        let failure = try #require(error("[profiles.a]\napi_key_env = \"X\"\nregion = \"asia\"\n"))
        #expect(failure.description == #"~/.config/cio/config.toml:3: invalid region "asia" in profile a: use us or eu"#)
    }

    @Test func twoKeySourcesAreRefused() throws {
        let failure = try #require(error("[profiles.a]\napi_key_env = \"X\"\nregion = \"us\"\napi_key_command = \"pass x\"\n"))
        #expect(failure.description == "~/.config/cio/config.toml:4: profile a sets both api_key_env and api_key_command: keep exactly one")
        let track = try #require(error("[profiles.a]\ntrack_api_key = \"sekrit-value\"\ntrack_api_key_env = \"T\"\n"))
        #expect(track.line == 3)
        #expect(!track.description.contains("sekrit"))
    }

    @Test func badKeySpecInKeys() throws {
        let failure = try #require(error("[keys]\nquit = \"q\"\n\"table.bottom\" = [\"G\", \"ctrl-\"]\n"))
        #expect(failure.line == 3)
        #expect(failure.message.hasPrefix(#"bad key spec "ctrl-" for table.bottom in [keys]"#))
        #expect(error("[keys]\nquit = []\n")?.line == 2)
        #expect(error("[keys]\nquit = 3\n")?.message == #"each key for quit in [keys] must be a string like "G" or "ctrl-d", not an integer"#)
        #expect(error("[keys]\n\"a.b\" = \"x\"\na.b = \"y\"\n")?.line == 3)
    }

    @Test func wrongTypesAndEmptyValues() throws {
        #expect(error("[profiles.a]\nread_only = \"yes\"\n")?.description == "~/.config/cio/config.toml:2: read_only in profile a must be true or false, not a string")
        #expect(error("profiles = 3\n")?.message == "profiles must be a table, not an integer")
        #expect(error("[profiles]\na = \"us\"\n")?.description == "~/.config/cio/config.toml:2: profile a must be a table, not a string")
        #expect(error("[profiles.a]\napi_key_env = \"  \"\n")?.line == 2)
        #expect(error("[profiles.a]\napi_url = \"not a url\"\n")?.line == 2)
        #expect(error("theme = \"\"\n")?.message == "theme must not be empty")
    }

    @Test func keyValuesNeverAppearInErrors() throws {
        let wrongType = try #require(error("[profiles.a]\napi_key = 12345678\n"))
        #expect(wrongType.line == 2)
        #expect(!wrongType.description.contains("12345678"))
        let unquoted = try #require(error("[profiles.a]\napi_key = sk_live_abcdef123456\n"))
        #expect(unquoted.line == 2)
        #expect(!unquoted.description.contains("sk_live"))
        #expect(!unquoted.description.contains("abcdef123456"))
        let unterminated = try #require(error("[profiles.a]\ntrack_api_key = \"sk_track_abcdef\n"))
        #expect(!unterminated.description.contains("abcdef"))
    }
}
