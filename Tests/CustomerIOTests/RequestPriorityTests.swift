import Testing
@testable import CustomerIO

/// A free slot goes to the most urgent caller waiting, then to whoever came first.
@Suite struct RequestPriorityTests {
    /// Who got a slot, in order.
    actor Order {
        var names: [String] = []
        func append(_ name: String) { names.append(name) }
    }

    @Test func visibleWorkJumpsTheLineAndEqualsKeepTheirOrder() async throws {
        let time = VirtualTimeSource(start: 0)
        let limiter = RateLimiter(limit: 1, window: 1, margin: 0, time: time)
        let order = Order()
        try await limiter.acquire()  // the only slot, held until released below
        let callers: [(String, RequestPriority)] = [("prefetch-1", .background), ("prefetch-2", .background), ("list", .normal), ("on-screen", .visible)]
        var tasks: [Task<Void, any Error>] = []
        for (index, caller) in callers.enumerated() {
            tasks.append(Task {
                try await RequestPriority.$current.withValue(caller.1) {
                    try await limiter.acquire()
                    await order.append(caller.0)
                    await limiter.release()
                }
            })
            // Queue them one by one so their arrival order is known.
            while await limiter.budget().waiting < index + 1 { await Task.yield() }
        }
        await limiter.release()
        for task in tasks { try await task.value }
        #expect(await order.names == ["on-screen", "list", "prefetch-1", "prefetch-2"])
    }

    @Test func theDefaultIsNormalAndWithValueSetsIt() async {
        #expect(RequestPriority.current == .normal)
        let inside = RequestPriority.$current.withValue(.visible) { RequestPriority.current }
        #expect(inside == .visible)
    }
}
