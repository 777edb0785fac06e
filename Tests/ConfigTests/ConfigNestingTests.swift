@testable import Config
import Foundation
import Testing

/// No config or theme file can drive a parser past a bound: toml++ walks dotted keys recursively without one, and
/// `[keys]` is walked table by table. A key 200,000 parts long once crashed cio (exit 139).
@Suite struct ConfigNestingTests {
    @Test func aLongDottedKeyIsAnErrorWithItsLine() throws {
        let long = "a" + String(repeating: ".a", count: 200_000)
        for text in ["[keys]\n\(long) = \"q\"\n", "# fine\n\(long) = 1\n", "[\(long)]\n", "[profiles.p]\nx = { \(long) = 1 }\n"] {
            let error = try #require(#expect(throws: ConfigError.self) { try ConfigFile.parse(text, path: "c.toml") })
            #expect(error.message == "keys nest more than 32 levels deep here; no setting nests that deep")
            #expect(error.line == text.split(separator: "\n").firstIndex { $0.contains(".a.a") }.map { $0 + 1 })
        }
        #expect(throws: ThemeError.self) { try ThemeFile.parse("[roles]\n\(long) = \"red\"\n", source: "t.toml") }
    }

    /// Dotted keys inside inline tables inside dotted keys add up: each level alone is short, together they are deep.
    @Test func nestedInlineTablesOfDottedKeysCountTogether() throws {
        let part = "a" + String(repeating: ".a", count: 10)
        let deep = "[profiles.p]\nx = " + String(repeating: "{ \(part) = ", count: 200) + "1" + String(repeating: " }", count: 200) + "\n"
        let error = try #require(#expect(throws: ConfigError.self) { try ConfigFile.parse(deep, path: "c.toml") })
        #expect(error.line == 2)
        // Side by side, however many, things stay shallow: arrays of floats, tables, dotted keys on their own lines.
        let wide = "x = [" + String(repeating: "[1.5, 2.5], ", count: 1_000) + "]\n" + String(repeating: "[a.b.c]\nd.e = { f.g = 1.5 }\n", count: 1_000)
        #expect(DottedKeyScanner.firstLine(withMoreDotsThan: 31, in: wide) == nil)
        #expect(DottedKeyScanner.firstLine(withMoreDotsThan: 31, in: "a = 1\n" + String(repeating: "[", count: 40)) == 2)
    }

    @Test func dotsInStringsCommentsAndValuesAreNotKeys() throws {
        let dots = String(repeating: ".", count: 100)
        let text = """
        # \(dots)
        theme = "\(dots)"

        [profiles.p]
        api_url = 'https://x.example.com/\(dots)'
        region = "us"     # \(dots)
        theme = \"\"\"
        \(dots)
        \"\"\"
        """
        let file = try ConfigFile.parse(text, path: "c.toml")
        #expect(file.theme == dots)
        #expect(file.profiles["p"]?.theme == dots)
    }

    @Test func keysNestedPastAnyActionIdAreRefusedBeforeTheyAreWalked() throws {
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[keys]\na.b.c.d.e = \"q\"\n", path: "c.toml") }
        let ok = try ConfigFile.parse("[keys]\ncomposer.delete-draft = \"x\"\n", path: "c.toml")
        #expect(ok.keyOverrides["composer.delete-draft"] != nil)
    }
}
