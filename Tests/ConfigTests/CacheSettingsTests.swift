@testable import Config
import Testing

/// `[cache]`: durations per kind and the memory budget, with errors that name the line.
@Suite struct CacheSettingsTests {
    private func parse(_ text: String) throws(ConfigError) -> ConfigFile {
        try ConfigFile.parse(text, path: "/tmp/config.toml", displayPath: "config.toml")
    }

    private func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsDurationsAndTheBudget() throws {
        let file = try parse("""
        [cache]
        lists_ttl = 30
        metrics_ttl = 900.5
        max_mb = 64
        """)
        #expect(file.cache.timesToLive == ["lists": 30, "metrics": 900.5])
        #expect(file.cache.maxMegabytes == 64)
    }

    @Test func noTableKeepsTheDefaults() throws {
        let file = try parse("theme = \"nord\"\n")
        #expect(file.cache == CacheSettings())
    }

    @Test func mistakesAreNamedWithTheirLine() {
        let typo = problem("[cache]\nmetric_ttl = 5\n")
        #expect(typo?.contains("config.toml:2") == true)
        #expect(typo?.contains("did you mean \"metrics_ttl\"") == true)
        let negative = problem("[cache]\nlists_ttl = -1\n")
        #expect(negative?.contains("between 0 and 86400") == true)
        let text = problem("[cache]\nmax_mb = \"big\"\n")
        #expect(text?.contains("a whole number of megabytes") == true)
        let tiny = problem("[cache]\nmax_mb = 1\n")
        #expect(tiny?.contains("between 16 and 16384") == true)
    }
}
