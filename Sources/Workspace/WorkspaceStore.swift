import Foundation

/// Results kept in memory by request, each with a time to live; two callers asking for the same thing while it
/// loads share one request (single flight). Memory is bounded: past `byteLimit`, the least recently used entries
/// go first.
public actor WorkspaceStore {
    /// Counters for the status bar and `:cache`.
    public struct Stats: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        public var inFlight = 0
        public var entries = 0
        /// The estimated size of everything cached.
        public var bytes = 0
        public var byteLimit = 0
        public var evictions = 0
    }

    private struct Entry {
        let value: any Sendable
        let fetchedAt: Double
        let ttl: Double
        let bytes: Int
        var lastUsed: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var loading: [String: Task<any Sendable, any Error>] = [:]
    private var counters = Stats()
    private var totalBytes = 0
    private var useCounter: UInt64 = 0
    /// Keys invalidated while their fetch was running: that answer may predate the write, so it is not kept.
    private var staleWhileLoading: Set<String> = []
    private let now: @Sendable () -> Double
    public let byteLimit: Int

    /// `now` is a monotonic clock in seconds; tests pass their own. `byteLimit` defaults to 256 MB.
    public init(byteLimit: Int = 256 << 20, now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.byteLimit = byteLimit
        self.now = now
    }

    /// The cached value for `key` if it is younger than `ttl` seconds (and `refresh` is false), else the result of
    /// `fetch`, which is then cached. A failed fetch caches nothing, so the next ask tries again.
    public func value<Value: Sendable>(_ key: String, ttl: Double, refresh: Bool = false, fetch: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if !refresh, var entry = entries[key], now() - entry.fetchedAt < entry.ttl, let value = entry.value as? Value {
            counters.hits += 1
            useCounter += 1
            entry.lastUsed = useCounter
            entries[key] = entry
            return value
        }
        if let running = loading[key] {
            counters.hits += 1
            return try await Self.cast(running.value)
        }
        counters.misses += 1
        let task = Task<any Sendable, any Error> { try await fetch() }
        loading[key] = task
        counters.inFlight += 1
        defer {
            counters.inFlight -= 1
            loading[key] = nil
        }
        let value: Value = try await Self.cast(task.value)
        if staleWhileLoading.remove(key) == nil {
            store(value, key: key, ttl: ttl)
        }
        return value
    }

    /// Forgets every entry whose key starts with `prefix` (all of them for ""), so the next ask fetches anew.
    /// A fetch already running for such a key still answers its callers but is not cached.
    public func invalidate(prefix: String = "") {
        for (key, entry) in entries where key.hasPrefix(prefix) {
            totalBytes -= entry.bytes
            entries[key] = nil
        }
        for key in loading.keys where key.hasPrefix(prefix) { staleWhileLoading.insert(key) }
    }

    /// Whether a fresh value for `key` is cached.
    public func isCached(_ key: String) -> Bool {
        guard let entry = entries[key] else { return false }
        return now() - entry.fetchedAt < entry.ttl
    }

    public var stats: Stats {
        var stats = counters
        stats.entries = entries.count
        stats.bytes = totalBytes
        stats.byteLimit = byteLimit
        return stats
    }

    private func store(_ value: some Sendable, key: String, ttl: Double) {
        let bytes = CacheCost.estimate(value)
        if let old = entries[key] { totalBytes -= old.bytes }
        // Something larger than the whole budget is handed back but not kept.
        guard bytes <= byteLimit else {
            entries[key] = nil
            return
        }
        useCounter += 1
        entries[key] = Entry(value: value, fetchedAt: now(), ttl: ttl, bytes: bytes, lastUsed: useCounter)
        totalBytes += bytes
        evictIfNeeded(keeping: key)
    }

    /// Drops least recently used entries until the total fits the budget again.
    private func evictIfNeeded(keeping key: String) {
        guard totalBytes > byteLimit else { return }
        let oldestFirst = entries.filter { $0.key != key }.sorted { $0.value.lastUsed < $1.value.lastUsed }
        for (victim, entry) in oldestFirst {
            guard totalBytes > byteLimit else { break }
            entries[victim] = nil
            totalBytes -= entry.bytes
            counters.evictions += 1
        }
    }

    private static func cast<Value>(_ value: any Sendable) throws -> Value {
        guard let typed = value as? Value else { throw StoreError.typeMismatch(String(describing: Value.self)) }
        return typed
    }
}

/// A key used for two kinds of value: a programming error, reported rather than crashing.
public enum StoreError: Error, CustomStringConvertible {
    case typeMismatch(String)

    public var description: String {
        switch self {
        case .typeMismatch(let type): "internal error: a cached value is not a \(type)"
        }
    }
}
