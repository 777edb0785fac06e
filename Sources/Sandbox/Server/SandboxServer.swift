import CustomerIO
import Foundation
import Hummingbird
import Logging

/// A running sandbox server: a generated workspace served over loopback HTTP (App API and Track API).
public final class SandboxServer: Sendable {
    /// e.g. http://127.0.0.1:54321 — both APIs are served here.
    public let baseURL: URL
    public let port: Int
    /// Test hooks: the request log, fault injection and the rate-limit switch.
    public let probe: SandboxProbe
    /// The generated data the server started from.
    public let dataset: SandboxDataset
    private let server: LoopbackServer

    private init(baseURL: URL, port: Int, probe: SandboxProbe, dataset: SandboxDataset, server: LoopbackServer) {
        self.baseURL = baseURL
        self.port = port
        self.probe = probe
        self.dataset = dataset
        self.server = server
    }

    /// Generates the workspace and starts serving it; returns once the server is listening.
    public static func start(_ options: SandboxOptions) async throws -> SandboxServer {
        try await start(options, logger: nil)
    }

    /// As `start(_:)`, logging through `logger` (by default the sandbox logs nothing).
    public static func start(_ options: SandboxOptions, logger: Logger?) async throws -> SandboxServer {
        let anchor = options.anchor ?? options.now ?? WallClock.now()
        let dataset = SandboxDataset.generate(customers: options.customers, seed: options.seed, anchor: anchor, campaigns: options.campaigns)
        return try await start(options, dataset: dataset, logger: logger)
    }

    /// Serves an already generated dataset (benchmarks generate once and serve it several times).
    public static func start(_ options: SandboxOptions, dataset: SandboxDataset, logger: Logger? = nil) async throws -> SandboxServer {
        let clock = SandboxClock(startingAt: options.now ?? WallClock.now())
        let store = SandboxWorkspace(data: dataset, clock: clock, exportSeconds: options.exportSeconds, exportListings: options.exportListings)
        let limiter = RateLimiter(enabled: options.rateLimit, clock: clock)
        let probe = SandboxProbe(store: store, limiter: limiter)
        let app = SandboxApp(store: store, limiter: limiter, probe: probe, options: options)
        let pipeline = Pipeline(app: app)
        let server = try await LoopbackServer.start(
            HummingbirdBridge.responder(pipeline: pipeline, clock: clock), host: options.host, port: options.port, logger: logger
        )
        let port = server.port
        let host = options.host == "0.0.0.0" || options.host.isEmpty ? "127.0.0.1" : options.host.contains(":") ? "[\(options.host)]" : options.host
        let base = "http://\(host):\(port)"
        app.baseURL = base
        return SandboxServer(baseURL: URL(string: base)!, port: port, probe: probe, dataset: dataset, server: server)
    }

    /// Stops listening, lets requests in flight finish, and waits until the server has shut down.
    public func stop() async {
        await server.stop()
    }

    /// Waits until the server stops (after `stop()`, or if it fails).
    public func waitUntilStopped() async {
        await server.waitUntilStopped()
    }
}

/// Why the sandbox could not start.
public enum SandboxError: Error, CustomStringConvertible {
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .stoppedBeforeListening: "the sandbox server stopped before it was listening (is the port in use?)"
        }
    }
}
