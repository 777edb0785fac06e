import Testing
@testable import CustomerIO

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.25, maxDelay: 2, deadline: 10, maxRetryAfter: 30)

    @Test func backoffDoublesUnderFullJitterAndIsCapped() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: nil, jitter: 1) == 0.25)
        #expect(policy.delay(afterAttempt: 2, elapsed: 0, retryAfter: nil, jitter: 1) == 0.5)
        #expect(policy.delay(afterAttempt: 3, elapsed: 0, retryAfter: nil, jitter: 0.5) == 0.5)
        #expect(policy.delay(afterAttempt: 4, elapsed: 0, retryAfter: nil, jitter: 1) == 2)
        #expect(policy.delay(afterAttempt: 2, elapsed: 0, retryAfter: nil, jitter: 0) == 0)
    }

    @Test func attemptsAreBounded() {
        #expect(policy.delay(afterAttempt: 5, elapsed: 0, retryAfter: nil, jitter: 0.5) == nil)
        #expect(RetryPolicy.none.delay(afterAttempt: 1, elapsed: 0, retryAfter: nil, jitter: 0.5) == nil)
    }

    @Test func retryAfterIsNeverShortened() throws {
        let wait = try #require(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 3, jitter: 0))
        #expect(wait == 3)
        let jittered = try #require(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 3, jitter: 1))
        #expect(jittered >= 3 && jittered <= 3.25)
    }

    @Test func aRetryAfterBeyondTheCapIsNotWaitedOut() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 120, jitter: 0) == nil)
    }

    @Test func theTotalDeadlineStopsRetries() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 9.9, retryAfter: 1, jitter: 0) == nil)
        #expect(policy.delay(afterAttempt: 1, elapsed: 8, retryAfter: 1, jitter: 0) == 1)
    }
}
