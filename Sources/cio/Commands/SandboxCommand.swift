import ArgumentParser
import CustomerIO
import Foundation
import Sandbox

/// `cio sandbox`: runs the fake workspace standalone, for scripts, demos and trying `cio get` without a key.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a generated Customer.io workspace on loopback (App API and Track API).",
        discussion: "It prints the URL and the environment lines to use it; Ctrl-C stops it."
    )

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = 4010

    @Option(name: .long, help: "Loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "How many customers to generate (up to 1,000,000).")
    var customers = 2_000

    @Option(name: .long, help: "Seed for the generator; the same seed gives the same workspace.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Accept only this Bearer key (default: any non-empty key).")
    var key: String?

    @Flag(name: .customLong("no-rate-limit"), help: "Do not enforce 10 requests/s and 1 trigger per 10 s.")
    var noRateLimit = false

    @Option(name: .customLong("latency-ms"), help: "Delay every response by this many milliseconds.")
    var latencyMs = 0

    @Option(name: .customLong("error-rate"), help: "Fraction of requests answered with a 5xx (0–1).")
    var errorRate = 0.0

    @Option(name: .customLong("malformed-rate"), help: "Fraction of requests answered with a broken body (0–1).")
    var malformedRate = 0.0

    func validate() throws {
        guard (1...1_000_000).contains(customers) else { throw ValidationError("--customers must be between 1 and 1,000,000.") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard (0...1).contains(errorRate), (0...1).contains(malformedRate) else { throw ValidationError("Rates are fractions between 0 and 1.") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms cannot be negative.") }
        guard ClientConfiguration.isLoopback(host: host) else {
            throw ValidationError("The sandbox only listens on loopback addresses (127.0.0.1, ::1, localhost).")
        }
    }

    func run() async throws {
        var options = SandboxOptions()
        options.customers = customers
        options.seed = seed
        options.requiredKey = key
        options.rateLimit = !noRateLimit
        options.latencyMilliseconds = latencyMs
        options.errorRate = errorRate
        options.malformedRate = malformedRate
        options.host = host
        options.port = port
        let server = try await SandboxServer.start(options)
        let url = server.baseURL.absoluteString
        Terminal.write("""
        cio sandbox: a generated Customer.io workspace (\(customers) customers, seed \(seed)) at \(url)

        Use it from another shell:
          export \(ConnectionSettings.Variable.apiURL)=\(url)
          export \(ConnectionSettings.Variable.key)=\(key == nil ? "sandbox-key   # any key works" : "<the key you gave --key>")
          export \(ConnectionSettings.Variable.siteID)=sandbox \(ConnectionSettings.Variable.trackKey)=sandbox \(ConnectionSettings.Variable.trackURL)=\(url)
          cio get segments

        Ctrl-C stops it.

        """)
        let signals = SignalWatcher(signals: [SIGINT, SIGTERM, SIGHUP]) {
            Task { await server.stop() }
        }
        await server.waitUntilStopped()
        signals.cancel()
    }
}

/// Runs a handler once when any of the given signals arrives, instead of the default of dying mid-write.
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}
