import CustomerIO
import Foundation
import Sandbox

/// Starts a sandbox and a real client pointed at it; every test gets its own so probes and faults never mix.
struct SandboxHarness {
    let server: SandboxServer
    let client: AppAPIClient

    static func start(
        customers: Int = 2_000,
        rateLimit: Bool = false,
        requiredKey: String? = nil,
        key: String = "integration-key",
        exportSeconds: Double = 0.2,
        limiter: RateLimiter? = nil,
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 0.05, maxDelay: 0.2, deadline: 600),
        // Generous: the whole suite shares two cores, and a busy moment can hold an answer up for tens of seconds;
        // a request that times out is retried, which would throw the tests' request counts off.
        timeout: Double = 120,
        configure: (inout SandboxOptions) -> Void = { _ in }
    ) async throws -> SandboxHarness {
        var options = SandboxOptions()
        options.customers = customers
        options.rateLimit = rateLimit
        options.requiredKey = requiredKey
        options.exportSeconds = exportSeconds
        configure(&options)
        let server = try await SandboxServer.start(options)
        let configuration = try ClientConfiguration(
            key: Secret(key)!, appBaseURL: server.baseURL, trackBaseURL: server.baseURL,
            trackSiteID: "site", trackKey: Secret("track"), requestTimeout: timeout
        )
        let client = AppAPIClient(configuration: configuration, limiter: limiter, retryPolicy: retry)
        return SandboxHarness(server: server, client: client)
    }

    /// Runs `body`, then stops the server whatever happened.
    static func with<T>(
        customers: Int = 2_000,
        rateLimit: Bool = false,
        requiredKey: String? = nil,
        key: String = "integration-key",
        limiter: RateLimiter? = nil,
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 0.05, maxDelay: 0.2, deadline: 600),
        // Generous: the whole suite shares two cores, and a busy moment can hold an answer up for tens of seconds;
        // a request that times out is retried, which would throw the tests' request counts off.
        timeout: Double = 120,
        configure: (inout SandboxOptions) -> Void = { _ in },
        _ body: (SandboxHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(customers: customers, rateLimit: rateLimit, requiredKey: requiredKey, key: key, limiter: limiter, retry: retry, timeout: timeout, configure: configure)
        do {
            let result = try await body(harness)
            await harness.server.stop()
            return result
        } catch {
            await harness.server.stop()
            throw error
        }
    }
}
