import CustomerIO
import Foundation
import Sandbox
import Synchronization
import Testing
import Workspace

/// A clock the test moves by hand, so time to live is tested without waiting.
final class FakeClock: Sendable {
    private let seconds = Mutex(1_000.0)

    var now: Double { seconds.withLock { $0 } }

    func advance(by delta: Double) {
        seconds.withLock { $0 += delta }
    }

    /// The closure `WorkspaceStore(now:)` takes.
    var reader: @Sendable () -> Double { { [self] in self.now } }
}

/// Counts how often a fetch ran.
final class FetchCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    /// Counts one call and returns its number (1 for the first).
    @discardableResult
    func increment() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}

/// Holds fetches until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

struct Boom: Error {}

@Suite struct WorkspaceStoreTests {
    @Test func aValueIsCachedWithinItsTimeToLive() async throws {
        let clock = FakeClock()
        let store = WorkspaceStore(now: clock.reader)
        let fetches = FetchCounter()
        let fetch: @Sendable () async throws -> [Int] = {
            fetches.increment()
            return [1, 2, 3]
        }
        #expect(try await store.value("segments", ttl: 60, fetch: fetch) == [1, 2, 3])
        clock.advance(by: 59.9)
        #expect(try await store.value("segments", ttl: 60, fetch: fetch) == [1, 2, 3])
        #expect(try await store.value("segments", ttl: 60, fetch: fetch) == [1, 2, 3])
        #expect(fetches.value == 1)
        #expect(await store.isCached("segments"))
        let stats = await store.stats
        #expect(stats.hits == 2)
        #expect(stats.misses == 1)
        #expect(stats.entries == 1)
        #expect(stats.inFlight == 0)
    }

    @Test func aValueExpiresOnceItsTimeToLiveHasPassed() async throws {
        let clock = FakeClock()
        let store = WorkspaceStore(now: clock.reader)
        let fetches = FetchCounter()
        let fetch: @Sendable () async throws -> Int = { fetches.increment() }
        #expect(try await store.value("count", ttl: 10, fetch: fetch) == 1)
        clock.advance(by: 9.5)
        #expect(try await store.value("count", ttl: 10, fetch: fetch) == 1)
        // Exactly ten seconds after the fetch the value is stale.
        clock.advance(by: 0.5)
        #expect(await !store.isCached("count"))
        #expect(try await store.value("count", ttl: 10, fetch: fetch) == 2)
        #expect(fetches.value == 2)
        // The new value's age counts from its own fetch.
        clock.advance(by: 9)
        #expect(try await store.value("count", ttl: 10, fetch: fetch) == 2)
        let stats = await store.stats
        #expect(stats.misses == 2)
        #expect(stats.hits == 2)
    }

    @Test func refreshFetchesAgainAndReplacesTheCachedValue() async throws {
        let store = WorkspaceStore(now: FakeClock().reader)
        let fetches = FetchCounter()
        let fetch: @Sendable () async throws -> Int = { fetches.increment() }
        #expect(try await store.value("k", ttl: 300, fetch: fetch) == 1)
        #expect(try await store.value("k", ttl: 300, refresh: true, fetch: fetch) == 2)
        #expect(try await store.value("k", ttl: 300, fetch: fetch) == 2)
        #expect(fetches.value == 2)
    }

    @Test func twoConcurrentAsksShareOneFetch() async throws {
        let store = WorkspaceStore(now: FakeClock().reader)
        let fetches = FetchCounter()
        let gate = Gate()
        let (started, startedContinuation) = AsyncStream.makeStream(of: Int.self)
        let fetch: @Sendable () async throws -> String = {
            startedContinuation.yield(fetches.increment())
            await gate.wait()
            return "shared"
        }
        let first = Task { try await store.value("segments", ttl: 60, fetch: fetch) }
        var startedFetches = started.makeAsyncIterator()
        #expect(await startedFetches.next() == 1)
        let second = Task { try await store.value("segments", ttl: 60, fetch: fetch) }
        // Wait (without sleeping) until the second ask has joined the running fetch, or has wrongly started its own.
        var spins = 0
        while await store.stats.hits == 0, fetches.value == 1, spins < 100_000 {
            await Task.yield()
            spins += 1
        }
        #expect(await store.stats.inFlight == 1)
        await gate.open()
        #expect(try await first.value == "shared")
        #expect(try await second.value == "shared")
        startedContinuation.finish()
        #expect(fetches.value == 1)
        let stats = await store.stats
        #expect(stats.misses == 1)
        #expect(stats.hits == 1)
        #expect(stats.inFlight == 0)
        #expect(stats.entries == 1)
    }

    @Test func aFailedFetchCachesNothing() async throws {
        let store = WorkspaceStore(now: FakeClock().reader)
        let fetches = FetchCounter()
        let fetch: @Sendable () async throws -> String = {
            if fetches.increment() == 1 { throw Boom() }
            return "second time lucky"
        }
        await #expect(throws: Boom.self) { try await store.value("flaky", ttl: 60, fetch: fetch) }
        #expect(await !store.isCached("flaky"))
        #expect(await store.stats.entries == 0)
        #expect(await store.stats.inFlight == 0)
        #expect(try await store.value("flaky", ttl: 60, fetch: fetch) == "second time lucky")
        #expect(fetches.value == 2)
        #expect(await store.isCached("flaky"))
    }

    @Test func invalidateForgetsEntriesByPrefix() async throws {
        let store = WorkspaceStore(now: FakeClock().reader)
        let fetches = FetchCounter()
        let fetch: @Sendable () async throws -> Int = { fetches.increment() }
        for key in ["segments", "segments/1/count", "segments/2/count", "campaigns"] {
            _ = try await store.value(key, ttl: 60, fetch: fetch)
        }
        #expect(fetches.value == 4)
        await store.invalidate(prefix: "segments/")
        #expect(await store.isCached("segments"))
        #expect(await !store.isCached("segments/1/count"))
        #expect(await !store.isCached("segments/2/count"))
        #expect(await store.isCached("campaigns"))
        #expect(await store.stats.entries == 2)
        // The forgotten key is fetched anew; the kept one is not.
        #expect(try await store.value("segments/1/count", ttl: 60, fetch: fetch) == 5)
        #expect(try await store.value("segments", ttl: 60, fetch: fetch) == 1)
        #expect(fetches.value == 5)
        await store.invalidate()
        #expect(await store.stats.entries == 0)
        #expect(await !store.isCached("campaigns"))
    }
}

@Suite struct WorkspaceServiceSandboxTests {
    @Test func segmentsAndCountsAreFetchedOnceFromTheSandbox() async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        let server = try await SandboxServer.start(options)
        do {
            // A generous timeout: on two busy cores an answer can be held up long enough to be retried, doubling counts.
            let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("demo")!, appBaseURL: server.baseURL, requestTimeout: 120))
            let service = WorkspaceService(client: client)
            let probe = server.probe

            let segments = try await service.segments()
            #expect(segments.count >= 10)
            let again = try await service.segments()
            #expect(again.map(\.id) == segments.map(\.id))
            #expect(probe.requestCount(method: "GET", pathPrefix: "/v1/segments") == 1)

            let segment = try #require(segments.first { $0.name == "Pro plan" })
            let countPath = "/v1/segments/\(segment.id)/customer_count"
            let count = try await service.segmentCustomerCount(id: segment.id)
            #expect(count > 0)
            #expect(try await service.segmentCustomerCount(id: segment.id) == count)
            #expect(probe.requestCount(method: "GET", pathPrefix: countPath) == 1)
            #expect(await service.store.isCached("segments/\(segment.id)/count"))

            // The store's answer is the sandbox's: the client asked directly gives the same number.
            #expect(try await client.segmentCustomerCount(id: segment.id) == count)
            #expect(probe.requestCount(method: "GET", pathPrefix: countPath) == 2)

            // refresh goes to the sandbox again.
            #expect(try await service.segmentCustomerCount(id: segment.id, refresh: true) == count)
            #expect(probe.requestCount(method: "GET", pathPrefix: countPath) == 3)
            #expect(probe.requestCount(method: "GET", pathPrefix: "/v1/segments") == 4)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
