import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Sandbox
import Testing

/// `cio get` resolves settings exactly as the full-screen app does (config file, profile, `CIO_CONFIG`, `--demo`),
/// a config that cannot be read stops cio, and input nested past any bound is a usage error, not a crash.
@Suite struct ConfigCLITests {
    /// A home of its own, so no config on the machine running the tests is read.
    private func home() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-cli-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func environment(_ home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = CLIRunner.cleanEnvironment(["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path])
        environment["CIO_CONFIG"] = nil
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    @Test func getUsesTheProfileNamedByFlagOrConfigLikeTheApp() async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        options.requiredKey = "sk-profile-key"
        let server = try await SandboxServer.start(options)
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("work.toml")
        try """
        default_profile = "sandbox"

        [profiles.sandbox]
        api_key_env = "WORK_CIO_KEY"
        api_url = "\(server.baseURL.absoluteString)"

        [profiles.other]
        api_key_env = "OTHER_KEY"
        """.write(to: config, atomically: true, encoding: .utf8)
        let keyed = environment(home, ["WORK_CIO_KEY": "sk-profile-key"])
        let runs: [(arguments: [String], environment: [String: String])] = [
            (["get", "segments", "--config", config.path, "--profile", "sandbox"], keyed),
            (["--config", config.path, "--profile", "sandbox", "get", "segments"], keyed),
            (["get", "segments"], keyed.merging(["CIO_CONFIG": config.path]) { $1 }),
        ]
        for run in runs {
            let result = try await CLIRunner.run(run.arguments, environment: run.environment)
            #expect(result.status == 0, "\(run.arguments): \(result.stderr)")
            let segments = try #require(try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(run.arguments): \(result.stdout)")
            #expect(!segments.isEmpty)
            #expect(!result.stdout.contains("sk-profile-key") && !result.stderr.contains("sk-profile-key"))
        }
        // The profile's own key variable, not the environment's default one, and its URL, not the default host.
        let missing = try await CLIRunner.run(["get", "segments", "--config", config.path, "--profile", "other"], environment: keyed)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("OTHER_KEY"))
        await server.stop()
    }

    @Test func getOnTheDemoNeedsNoKey() async throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try await CLIRunner.run(["get", "campaigns", "--demo"], environment: environment(home))
        #expect(result.status == 0, "\(result.stderr)")
        let campaigns = try #require(try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!campaigns.isEmpty)
    }

    /// `read_only = true` must not be dropped with a file that does not read: cio stops, naming file and reason.
    @Test func aConfigThatCannotBeReadStopsCio() async throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        var latin1 = Data("[profiles.prod]\nread_only = true\n# M".utf8)
        latin1.append(0xFC)
        latin1.append(contentsOf: Array("nchen\n".utf8))
        let file = home.appendingPathComponent("latin1.toml")
        try latin1.write(to: file)
        let folder = home.appendingPathComponent("folder.toml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, reason) in [("latin1.toml", "it is not UTF-8 text (line 3 has byte 0xFC)"), ("folder.toml", "it is a directory, not a file")] {
            for arguments in [["--config", "~/" + path, "--demo", "--read-only"], ["get", "segments", "--demo", "--config", home.appendingPathComponent(path).path]] {
                let result = try await CLIRunner.run(arguments, environment: environment(home))
                #expect(result.status == 2, "\(arguments)")
                // Named as a person reads it: the home folder as ~.
                #expect(result.stderr == "error: ~/\(path): cannot use the config file: \(reason)\n", "\(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
        let named = try await CLIRunner.run(["get", "segments", "--demo"], environment: environment(home, ["CIO_CONFIG": folder.path]))
        #expect(named.status == 2)
    }

    /// Whoever can change a key command can run anything as the user: the warning comes before the command runs.
    @Test func aWritableFileWithAKeyCommandIsWarnedAboutBeforeItRuns() async throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("shared.toml")
        try "[profiles.p]\napi_key_command = \"echo nope >&2; exit 3\"\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(chmod(config.path, 0o666) == 0)
        let result = try await CLIRunner.run(["get", "segments", "--config", config.path], environment: environment(home))
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "warning: ~/shared.toml runs a key command and can be changed by others, who could make it run anything as you; run: chmod go-w ~/shared.toml")
        #expect(lines.last?.contains("the key command `echo nope >&2; exit 3` failed with exit status 3: nope") == true)
    }

    /// These once overflowed the stack (exit 139).
    @Test func deeplyNestedFiltersExitTwoWithAMessage() async throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let queries = [
            String(repeating: "(", count: 2_000) + "plan = pro" + String(repeating: ")", count: 2_000),
            String(repeating: "not ", count: 5_000) + "plan = pro",
        ]
        for query in queries {
            let result = try await CLIRunner.run(["get", "customers", "--demo", "--filter", query], environment: environment(home))
            #expect(result.status == 2)
            #expect(result.stderr.contains("at most 16 nested parentheses and 'not's"), "\(result.stderr)")
        }
    }
}
