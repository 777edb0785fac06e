@testable import Config
import Foundation
import Testing

@Suite struct ConfigLoaderTests {
    private func environment(_ directory: TemporaryDirectory, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": directory.path].merging(extra) { $1 }
    }

    @Test func missingDefaultFileIsSilent() throws {
        let directory = try TemporaryDirectory()
        let loaded = ConfigLoader.load(environment: environment(directory))
        #expect(loaded.file == nil)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.error == nil)
    }

    @Test func missingExplicitFileIsAWarning() throws {
        let directory = try TemporaryDirectory()
        let loaded = ConfigLoader.load(path: "~/elsewhere.toml", environment: environment(directory))
        #expect(loaded.file == nil)
        #expect(loaded.warnings == ["~/elsewhere.toml: no such config file"])
    }

    @Test func defaultLocationThenXDGThenCIOConfigThenExplicitPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".config/cio/config.toml", "theme = \"home\"\n")
        try directory.write("xdg/cio/config.toml", "theme = \"xdg\"\n")
        try directory.write("named.toml", "theme = \"named\"\n")
        try directory.write("explicit.toml", "theme = \"explicit\"\n")
        #expect(ConfigLoader.load(environment: environment(directory)).file?.theme == "home")
        #expect(ConfigLoader.load(environment: environment(directory)).file?.displayPath == "~/.config/cio/config.toml")
        let xdg = environment(directory, ["XDG_CONFIG_HOME": directory.path + "/xdg"])
        #expect(ConfigLoader.load(environment: xdg).file?.theme == "xdg")
        #expect(ConfigLoader.load(environment: environment(directory, ["XDG_CONFIG_HOME": "relative"])).file?.theme == "home")
        let named = xdg.merging(["CIO_CONFIG": directory.path + "/named.toml"]) { $1 }
        #expect(ConfigLoader.load(environment: named).file?.theme == "named")
        #expect(ConfigLoader.load(path: directory.path + "/explicit.toml", environment: named).file?.theme == "explicit")
    }

    @Test func brokenFileBecomesAWarningAndAnError() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".config/cio/config.toml", "[profiles.a]\nregion = \"moon\"\n")
        let loaded = ConfigLoader.load(environment: environment(directory))
        #expect(loaded.file == nil)
        #expect(loaded.warnings == [#"~/.config/cio/config.toml:2: invalid region "moon" in profile a: use us or eu"#])
        #expect(loaded.error?.line == 2)
    }

    @Test func literalKeyInAReadableFileIsWarnedAbout() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".config/cio/config.toml", "[profiles.a]\napi_key = \"sk-in-file\"\n", mode: 0o644)
        let readable = ConfigLoader.load(environment: environment(directory))
        #expect(readable.file?.profiles["a"] != nil)
        #expect(readable.warnings == ["~/.config/cio/config.toml holds an API key and is readable by others; run: chmod 600 ~/.config/cio/config.toml"])
        #expect(!readable.warnings.joined().contains("sk-in-file"))

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o604], ofItemAtPath: path)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.isEmpty)
    }

    @Test func trackKeyCountsAndKeySourcesDoNot() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".config/cio/config.toml", "[profiles.a]\napi_key_env = \"X\"\napi_key_command = \"\"\n", mode: 0o644)
        #expect(ConfigLoader.load(environment: environment(directory)).error?.line == 3)
        try directory.write(".config/cio/config.toml", "[profiles.a]\napi_key_env = \"X\"\ntrack_api_key_command = \"pass t\"\n", mode: 0o644)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.isEmpty)
        try directory.write("odd dir/config.toml", "[profiles.a]\ntrack_api_key = \"tk-in-file\"\n", mode: 0o644)
        let quoted = ConfigLoader.load(path: directory.path + "/odd dir/config.toml", environment: environment(directory))
        #expect(quoted.warnings == ["~/odd dir/config.toml holds an API key and is readable by others; run: chmod 600 '\(directory.path)/odd dir/config.toml'"])
    }
}
