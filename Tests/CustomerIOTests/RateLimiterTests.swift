import Testing
@testable import CustomerIO

@Suite struct RateLimiterTests {
    @Test func aBurstUpToTheLimitGoesAtOnce() async throws {
        let time = VirtualTimeSource()
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0, time: time)
        for _ in 0..<10 { try await limiter.acquire() }
        #expect(time.sleeps.isEmpty)
        #expect(await limiter.budget().available == 0)
    }

    @Test func theEleventhWaitsForTheOldestToLeaveTheWindow() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0.02, time: time)
        for _ in 0..<10 { try await limiter.acquire() }
        try await limiter.acquire()
        #expect(time.sleeps.count == 1)
        #expect(abs(time.now - 1.02) < 1e-9)
    }

    @Test func noSlidingWindowEverHoldsMoreThanTheLimit() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0, time: time)
        var stamps: [Double] = []
        for index in 0..<95 {
            if index % 7 == 0 { time.advance(by: 0.13) }
            try await limiter.acquire()
            stamps.append(time.now)
        }
        for (index, start) in stamps.enumerated() {
            let inWindow = stamps[index...].prefix { $0 < start + 1 }.count
            #expect(inWindow <= 10, "window starting at \(start) held \(inWindow)")
        }
    }

    @Test func pauseHoldsEveryoneUntilRetryAfterPasses() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 10, window: 1, time: time)
        await limiter.pause(for: 3)
        #expect(await limiter.budget().available == 0)
        try await limiter.acquire()
        #expect(time.now >= 3)
    }

    @Test func triggersAreSpacedTenSecondsApart() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter.broadcastTriggers(time: time)
        try await limiter.acquire()
        try await limiter.acquire()
        #expect(time.now >= 10)
        #expect(time.now < 10.1)
    }
}
