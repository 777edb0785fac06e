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

    @Test func missingExplicitFileIsAnError() throws {
        let directory = try TemporaryDirectory()
        let loaded = ConfigLoader.load(path: "~/elsewhere.toml", environment: environment(directory))
        #expect(loaded.file == nil)
        #expect(loaded.error?.description == "~/elsewhere.toml: cannot use the config file: there is no such file")
        let named = ConfigLoader.load(environment: environment(directory, ["CIO_CONFIG": directory.path + "/gone.toml"]))
        #expect(named.error != nil)
    }

    /// A file that is there but cannot be read must stop cio: skipping it would drop `read_only = true` with it.
    @Test func unreadableFilesAreErrorsNotSkipped() throws {
        let directory = try TemporaryDirectory()
        var bytes = Data("[profiles.prod]\nread_only = true\n# caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n".utf8))
        let path = directory.path + "/latin1.toml"
        try bytes.write(to: URL(fileURLWithPath: path))
        let latin1 = ConfigLoader.load(path: path, environment: environment(directory))
        #expect(latin1.file == nil)
        #expect(latin1.error?.description == "~/latin1.toml: cannot use the config file: it is not UTF-8 text (line 3 has byte 0xE9)")

        try FileManager.default.createDirectory(atPath: directory.path + "/.config/cio/config.toml", withIntermediateDirectories: true)
        let folder = ConfigLoader.load(environment: environment(directory))
        #expect(folder.error?.description == "~/.config/cio/config.toml: cannot use the config file: it is a directory, not a file")
        #expect(folder.warnings.count == 1)
    }

    /// Only "no such file" is a missing file; a link to nothing or a loop at the default place stops cio too.
    @Test func linksToNothingAndLoopsAreErrorsNotMissingFiles() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path + "/.config/cio"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(symlink(directory.path + "/gone.toml", folder + "/config.toml") == 0)
        let dangling = ConfigLoader.load(environment: environment(directory))
        #expect(dangling.error?.description == "~/.config/cio/config.toml: cannot use the config file: it is a symbolic link to nothing")
        try FileManager.default.removeItem(atPath: folder + "/config.toml")
        #expect(symlink(folder + "/config.toml", folder + "/config.toml") == 0)
        let loop = ConfigLoader.load(environment: environment(directory))
        #expect(loop.error?.description.hasPrefix("~/.config/cio/config.toml: cannot use the config file: it cannot be reached (") == true)
    }

    @Test func aKeyCommandInAFileOthersMayChangeIsWarnedAbout() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".config/cio/config.toml", "[profiles.a]\napi_key_command = \"pass show cio\"\n", mode: 0o666)
        let writable = ConfigLoader.load(environment: environment(directory))
        #expect(writable.file?.profiles["a"] != nil)
        #expect(writable.warnings == ["~/.config/cio/config.toml runs a key command and can be changed by others, who could make it run anything as you; run: chmod go-w ~/.config/cio/config.toml"])
        try FileManager.default.setAttributes([.posixPermissions: 0o620], ofItemAtPath: path)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.isEmpty)
        // An environment variable runs nothing: no warning however open the file is.
        try directory.write(".config/cio/config.toml", "[profiles.a]\napi_key_env = \"K\"\n", mode: 0o666)
        #expect(ConfigLoader.load(environment: environment(directory)).warnings.isEmpty)
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
