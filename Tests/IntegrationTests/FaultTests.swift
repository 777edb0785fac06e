import CustomerIO
import Foundation
import Sandbox
import Testing

@Suite struct FaultTests {
    @Test func theClientsLimiterKeepsTheSandboxUnderTenPerSecond() async throws {
        try await SandboxHarness.with(rateLimit: true) { sandbox in
            let client = sandbox.client
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<35 {
                    group.addTask { _ = try await client.segments() }
                }
                try await group.waitForAll()
            }
            let probe = sandbox.server.probe
            #expect(probe.requestCount(pathPrefix: "/v1/segments") == 35)
            #expect(probe.maxRequestsInAnyWindow(seconds: 1.0) <= 10)
            #expect(probe.requests().allSatisfy { $0.status != 429 })
        }
    }

    @Test func a429StormIsHonouredAndEveryReadSucceeds() async throws {
        // A limiter far above the real limit, and the sandbox answering the first dozen reads with 429 and
        // Retry-After: 1 (scripted, so the storm happens however busy the machine is). The shared pause after a
        // 429 must calm it. The sandbox's own 10-a-second limit is off, so only the scripted storm answers 429. The
        // retry deadline is generous: on a machine busy with the whole suite, a read waited past 30 s before its
        // retry and was given up (the policy refuses a wait that would end past the deadline).
        try await SandboxHarness.with(rateLimit: false, limiter: RateLimiter(limit: 100, window: 1), retry: RetryPolicy(maxAttempts: 8, deadline: 120)) { sandbox in
            sandbox.server.probe.inject(.status(429, method: "GET", pathPrefix: "/v1/segments", times: 12, retryAfter: 1))
            let client = sandbox.client
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<30 {
                    group.addTask { _ = try await client.segments() }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - started
            let records = sandbox.server.probe.requests()
            let rejected = records.filter { $0.status == 429 }
            let accepted = records.filter { $0.status == 200 }
            #expect(accepted.count == 30)
            #expect(rejected.count >= 12)
            // Without honouring Retry-After, 30 tight retry loops would be rejected many times each.
            #expect(rejected.count < 60)
            // The rejected reads waited out Retry-After (1 s) before succeeding.
            #expect(elapsed >= .seconds(1))
            // Reads that were refused came back only after the pause: the last success is a second past the first 429.
            let firstRejection = try #require(rejected.map(\.receivedAt).min())
            let lastSuccess = try #require(accepted.map(\.receivedAt).max())
            #expect(lastSuccess >= firstRejection + 0.9)
        }
    }

    @Test func serverErrorsOnReadsAreRetried() async throws {
        // A deadline no busy machine reaches: the point is the count of attempts, and the whole suite running at
        // once on two cores can stall a test for tens of seconds between them.
        try await SandboxHarness.with(retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.05, maxDelay: 0.2, deadline: 600)) { sandbox in
            sandbox.server.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/campaigns", status: 503, times: 2))
            let campaigns = try await sandbox.client.campaigns()
            #expect(!campaigns.isEmpty)
            #expect(sandbox.server.probe.requestCount(method: "GET", pathPrefix: "/v1/campaigns") == 3)
        }
    }

    @Test func aMalformedBodyGivesAClearError() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.server.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/segments", status: 200, times: 1, body: .malformedJSON))
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.segments() }
            #expect(error?.kind == .malformedResponse)
            #expect(error?.message.contains("/v1/segments") == true)
            #expect(error?.message.contains("could not be read") == true)
        }
    }

    @Test func anHTMLErrorPageIsNamedAsSuch() async throws {
        try await SandboxHarness.with(retry: .none) { sandbox in
            sandbox.server.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/exports", status: 502, times: 1, body: .html))
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.exports() }
            #expect(error?.kind == .server)
            #expect(error?.message.contains("HTML page") == true)
        }
    }

    @Test func aWrongKeyIsRefusedWithAClearMessage() async throws {
        try await SandboxHarness.with(requiredKey: "the-right-key", key: "a-wrong-key") { sandbox in
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.segments() }
            #expect(error?.kind == .unauthorized)
            #expect(error?.exitCode == 3)
            #expect(error?.message.contains("a-wrong-key") == false)
            #expect(error?.message.contains("App API key") == true)
        }
    }

    @Test func aClosedPortIsANetworkErrorThatSaysNothingWasSent() async throws {
        let configuration = try ClientConfiguration(key: Secret("k")!, appBaseURL: URL(string: "http://127.0.0.1:9")!)
        let client = AppAPIClient(configuration: configuration, retryPolicy: .none)
        let error = await #expect(throws: CustomerIOError.self) { try await client.segments() }
        #expect(error?.kind == .network)
        #expect(error?.exitCode == 5)
    }

    @Test func randomFaultsAreSurvivedByReadsWithRetries() async throws {
        try await SandboxHarness.with(retry: RetryPolicy(maxAttempts: 10, baseDelay: 0.01, maxDelay: 0.05, deadline: 600), configure: { $0.errorRate = 0.3 }) { sandbox in
            for _ in 0..<10 {
                let segments = try await sandbox.client.segments()
                #expect(!segments.isEmpty)
            }
            let failures = sandbox.server.probe.requests().filter { $0.status >= 500 }
            #expect(!failures.isEmpty)
        }
    }
}
