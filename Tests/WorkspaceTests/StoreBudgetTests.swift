import Testing
@testable import Workspace

/// The store's byte budget (least recently used entries go first) and invalidation racing a fetch.
@Suite struct StoreBudgetTests {
    /// A value whose size the test decides.
    struct Blob: CacheCosted, Sendable, Equatable {
        let id: Int
        let size: Int
        var estimatedBytes: Int { size }
    }

    @Test func leastRecentlyUsedEntriesGoFirstWhenTheBudgetIsFull() async throws {
        let store = WorkspaceStore(byteLimit: 1_000)
        _ = try await store.value("a", ttl: 60) { Blob(id: 1, size: 400) }
        _ = try await store.value("b", ttl: 60) { Blob(id: 2, size: 400) }
        // Touch "a", so "b" is now the least recently used.
        _ = try await store.value("a", ttl: 60) { Blob(id: 99, size: 400) }
        _ = try await store.value("c", ttl: 60) { Blob(id: 3, size: 400) }
        #expect(await store.isCached("a"))
        #expect(await !store.isCached("b"))
        #expect(await store.isCached("c"))
        let stats = await store.stats
        #expect(stats.bytes == 800)
        #expect(stats.evictions == 1)
        #expect(stats.byteLimit == 1_000)
    }

    @Test func aValueLargerThanTheBudgetIsReturnedButNotKept() async throws {
        let store = WorkspaceStore(byteLimit: 100)
        let blob = try await store.value("huge", ttl: 60) { Blob(id: 1, size: 500) }
        #expect(blob.id == 1)
        #expect(await !store.isCached("huge"))
        #expect(await store.stats.bytes == 0)
    }

    @Test func invalidatingWhileAFetchRunsKeepsItsAnswerOutOfTheCache() async throws {
        let store = WorkspaceStore()
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let fetch = Task {
            try await store.value("segments/1/count", ttl: 300) {
                for await _ in gate { break }
                return 41
            }
        }
        // Wait until the fetch is running (no sleeps: yield until the store reports it in flight).
        while await store.stats.inFlight == 0 { await Task.yield() }
        await store.invalidate(prefix: "segments/1")
        opener.yield()
        #expect(try await fetch.value == 41)
        #expect(await !store.isCached("segments/1/count"))
    }

    @Test func estimatesGrowWithContent() {
        let small = CacheCost.estimate(["a", "b"])
        let large = CacheCost.estimate(Array(repeating: String(repeating: "x", count: 100), count: 1_000))
        #expect(small < 200)
        #expect(large > 100_000)
    }

    @Test func dictionariesAndLongStringsCostWhatTheyHold() {
        // A short string lives inside its value; a long one owns a buffer, counted with malloc's share.
        #expect(CacheCost.estimate("yes") == 16)
        #expect(CacheCost.estimate("2026-11-20 14:03") > 16 + 16)
        let cells: [String: [String]] = Dictionary(uniqueKeysWithValues: (0..<56).map { ("\($0)", ["Ada Lovelace-Byron", "2026-11-20 14:03", "yes"]) })
        let estimate = CacheCost.estimate(cells)
        // 56 people, each with an array of three cells (two of them long): well over 100 bytes a person.
        #expect(estimate > 56 * 200)
        #expect(estimate < 56 * 1_000)
    }
}
