import Testing
@testable import CustomerIO

@Suite struct RateLimiterTests {
    @Test func aBurstUpToTheLimitGoesAtOnce() async throws {
        let time = VirtualTimeSource()
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0, time: time)
        for _ in 0..<10 { try await limiter.acquire() }
        #expect(time.sleeps.isEmpty)
        #expect(await limiter.budget().available == 0)
        #expect(await limiter.budget().inFlight == 10)
    }

    @Test func theEleventhWaitsForTheOldestToLeaveTheWindow() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0.02, time: time)
        for _ in 0..<10 {
            try await limiter.acquire()
            await limiter.release()
        }
        try await limiter.acquire()
        #expect(time.sleeps.count == 1)
        #expect(abs(time.now - 1.02) < 1e-5)
    }

    @Test func noSlidingWindowEverHoldsMoreThanTheLimit() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 10, window: 1, margin: 0, time: time)
        var stamps: [Double] = []
        for index in 0..<95 {
            if index % 7 == 0 { time.advance(by: 0.13) }
            try await limiter.acquire()
            stamps.append(time.now)
            await limiter.release()
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
        await limiter.release()
        try await limiter.acquire()
        #expect(time.now >= 10)
        #expect(time.now < 10.1)
    }

    @Test func aSlotIsHeldUntilTheAnswerArrivesAndThenForAWindow() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 2, window: 1, margin: 0, time: time)
        try await limiter.acquire()
        try await limiter.acquire()
        time.advance(by: 5)
        // Both still in flight after 5 s: a third must wait for an answer, not for the clock.
        let third = Task { try await limiter.acquire(); return time.now }
        await limiter.release()
        let startedAt = try await third.value
        #expect(startedAt >= 6)
        #expect(await limiter.budget().inFlight == 2)
    }

    @Test func aCancelledWaiterLeavesWithoutASlot() async throws {
        let limiter = RateLimiter(limit: 1, window: 1, time: VirtualTimeSource())
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await limiter.budget().inFlight == 1)
    }
}
