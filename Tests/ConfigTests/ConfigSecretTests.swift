@testable import Config
import Foundation
import Testing

/// Config errors never show a secret (any setting named …key…, …token…, …secret…, …password…, and site_id) nor
/// a control character from the file; a config or theme path that is not a regular file is refused, not read.
@Suite struct ConfigSecretTests {
    static let digits = "98765432109876543210987"

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try ConfigFile.parse(text, path: "/home/me/config.toml", displayPath: "~/config.toml")
            return nil
        } catch {
            return error
        }
    }

    /// toml++ quotes a number too long for 64 bits: "'9876…' is not representable in 64 bits".
    @Test func aNumberTooLongOnASecretsLineIsNotQuoted() throws {
        for field in ["cdp_write_key", "site_id", "api_key", "Signing_Secret", "db_password", "AUTH_TOKEN", "apikey", "cdp_write_key_env"] {
            let failure = try #require(error("[profiles.a]\nregion = \"us\"\n\(field) = \(Self.digits)\n"), "\(field)")
            #expect(failure.line == 3, "\(field)")
            #expect(failure.column != nil, "\(field)")
            #expect(!failure.description.contains("98765432"), "\(field): \(failure.description)")
        }
        // The same number on any other line is shown: the message helps, and nothing there is secret.
        let plain = try #require(error("[profiles.a]\nregion = \(Self.digits)\n"))
        #expect(plain.description.contains(Self.digits))
        #expect(plain.message.hasPrefix("syntax error while parsing"), "\(plain.message)")
    }

    @Test func secretsWrittenOtherwiseAreFoundToo() throws {
        let texts = [
            "[profiles]\na = { region = \"us\", cdp_write_key = \(Self.digits) }\n",
            "profiles.a.\"site_id\" = \(Self.digits)\n",
            "[profiles.a]\napi_key = [\n  \(Self.digits)\n]\n",
        ]
        for text in texts {
            let failure = try #require(error(text), "\(text)")
            #expect(!failure.description.contains("98765432"), "\(text): \(failure.description)")
        }
    }

    @Test func theScannerFindsSecretLinesAndValuesOnly() {
        var scanner = SecretScanner()
        scanner.scan("""
        # api_key = "in a comment"
        theme = "nord"
        [profiles.a]
        site_id = 1234567
        password = \"\"\"
        first line
        second line\"\"\"
        [keys]
        quit = "qqqq"
        """)
        #expect(scanner.lines == [4, 5, 6, 7])
        #expect(scanner.values == ["1234567", "first line\nsecond line"])
        #expect(ConfigParser.isSecretField("keys") == false)
        #expect(ConfigParser.isSecretField("theme") == false)
        #expect(ConfigParser.isSecretField("Track_API_Key"))
    }

    @Test func controlCharactersInTheFileAreShownNotEchoed() throws {
        let failure = try #require(error("\"\\u001b]0;PWNED\\u0007\" = 1\n"))
        #expect(failure.description == #"~/config.toml: unknown key "␛]0;PWNED␇""#)
        let broken = try #require(error("[profiles.a]\nread_only = tru\n"))
        #expect(!broken.description.unicodeScalars.contains { $0.value < 0x20 }, "\(broken.description)")
    }

    @Test func aConfigOrThemeThatIsNotARegularFileIsRefusedNotRead() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/pipe.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, reason) in [("/dev/zero", "a character device"), (fifo, "a fifo")] {
            let loaded = ConfigLoader.load(path: path, environment: ["HOME": directory.path])
            #expect(loaded.error?.description.hasSuffix("cannot use the config file: it is not a regular file (\(reason))") == true, "\(loaded.warnings)")
        }
        let theme = ThemeCatalog(paths: ConfigPaths(environment: ["HOME": directory.path])).load(nameOrPath: fifo)
        #expect(theme.warning?.hasSuffix("cannot read the theme file: it is not a regular file (a fifo)") == true, "\(theme.warning ?? "")")
    }
}
