@testable import Config
import CustomerIO
import Foundation
import Testing

@Suite struct KeySourceTests {
    private let environment = ProcessInfo.processInfo.environment

    private func failure(_ source: KeySource, environment: [String: String]? = nil, timeout: Duration = .seconds(10)) -> KeySourceError? {
        do {
            _ = try source.resolve(environment: environment ?? self.environment, timeout: timeout)
            return nil
        } catch {
            return error
        }
    }

    @Test func environmentVariable() throws {
        let secret = try KeySource.environment("CIO_TEST_KEY").resolve(environment: ["CIO_TEST_KEY": " sk-env-123\n"])
        #expect(secret.reveal() == "sk-env-123")
        #expect(failure(.environment("CIO_TEST_KEY"), environment: [:]) == .variableNotSet("CIO_TEST_KEY"))
        #expect(failure(.environment("CIO_TEST_KEY"), environment: ["CIO_TEST_KEY": "  "])?.description == "the environment variable CIO_TEST_KEY is not set or is empty")
    }

    @Test func literal() throws {
        #expect(try KeySource.literal(Secret("sk-lit")!).resolve(environment: [:]).reveal() == "sk-lit")
        #expect(KeySource.literal(Secret("sk-lit")!).description == "a key written in the config file")
    }

    @Test func commandOutputIsTrimmed() throws {
        let secret = try KeySource.command("printf '  sk-cmd-456\\n\\n'").resolve(environment: environment)
        #expect(secret.reveal() == "sk-cmd-456")
    }

    @Test func commandSeesTheGivenEnvironment() throws {
        var environment = environment
        environment["CIO_TEST_SOURCE"] = "sk-from-env-789"
        let secret = try KeySource.command("echo \"$CIO_TEST_SOURCE\"").resolve(environment: environment)
        #expect(secret.reveal() == "sk-from-env-789")
    }

    /// A key command is a child like any other: it sees the environment, less every variable that holds a key.
    @Test func commandDoesNotSeeOtherKeys() throws {
        var environment = environment
        environment["CUSTOMERIO_APP_API_KEY"] = "sk-app-secret"
        environment["CUSTOMERIO_TRACK_API_KEY"] = "tk-track-secret"
        environment["CUSTOMERIO_SITE_ID"] = "site-secret"
        environment["STAGING_CIO_KEY"] = "sk-staging-secret"
        environment["CIO_TEST_SOURCE"] = "visible"
        let printed = try KeySource.command("env | sort | tr '\\n' ' '").resolve(environment: environment, hiding: ["STAGING_CIO_KEY"]).reveal()
        #expect(printed.contains("CIO_TEST_SOURCE=visible"))
        for secret in ["sk-app-secret", "tk-track-secret", "site-secret", "sk-staging-secret"] {
            #expect(!printed.contains(secret))
        }
    }

    /// A key echoed at the point where stderr's line is shortened must not show in part.
    @Test func aKeyAtTheCutIsRedactedBeforeTheCut() throws {
        let key = "sk-straddling-the-cut-0123456789"
        let padding = String(repeating: "x", count: 190)
        let error = try #require(failure(.command("echo \(key); echo '\(padding) \(key)' >&2; exit 1")))
        guard case .commandFailed(_, _, let stderr) = error else { Issue.record("\(error)"); return }
        #expect(!stderr.contains("sk-"), "no fragment of the key: \(stderr)")
    }

    @Test func failingCommandNamesTheCommandAndStderrButNeverStdout() throws {
        let command = "echo sk-leaked-secret; echo 'sk-leaked-secret is not in the password store' >&2; exit 3"
        let error = try #require(failure(.command(command)))
        guard case .commandFailed(let named, let status, let stderr) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(named == command)
        #expect(status == 3)
        #expect(stderr == "<redacted> is not in the password store")
        #expect(error.description.hasPrefix("the key command `\(command)` failed with exit status 3: <redacted> is not"))
        #expect(!error.description.replacingOccurrences(of: command, with: "").contains("sk-leaked-secret"))
    }

    @Test func emptyOutputIsAnError() throws {
        #expect(failure(.command("printf '\\n  \\n'")) == .commandPrintedNothing(command: "printf '\\n  \\n'"))
        #expect(failure(.command("true"))?.description == "the key command `true` printed nothing on stdout")
    }

    @Test func slowCommandTimesOut() throws {
        let start = ContinuousClock.now
        let error = failure(.command("sleep 20; echo too-late"), timeout: .milliseconds(500))
        #expect(error == .commandTimedOut(command: "sleep 20; echo too-late", seconds: 0.5))
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(error?.description == "the key command `sleep 20; echo too-late` did not finish within 0.5 seconds")
    }

    @Test func largeOutputDoesNotDeadlock() throws {
        // 1 MB on stderr and a key on stdout: both pipes must be drained while the command runs.
        let secret = try KeySource.command("head -c 1048576 /dev/zero | tr '\\0' x >&2; echo sk-after-noise").resolve(environment: environment)
        #expect(secret.reveal() == "sk-after-noise")
    }

    @Test func descriptionsNameTheSource() {
        #expect(KeySource.environment("X").description == "the environment variable X")
        #expect(KeySource.command("pass show cio").description == "the command `pass show cio`")
    }
}
