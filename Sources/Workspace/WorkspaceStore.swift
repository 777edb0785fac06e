import Foundation

/// Results kept in memory by request, each with a time to live; two callers asking for the same thing while it
/// loads share one request (single flight). The first, simple store: the cache issue adds byte caps and priorities.
public actor WorkspaceStore {
    /// Counters for the status bar and `:cache`.
    public struct Stats: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        public var inFlight = 0
        public var entries = 0
    }

    private struct Entry {
        let value: any Sendable
        let fetchedAt: Double
        let ttl: Double
    }

    private var entries: [String: Entry] = [:]
    private var loading: [String: Task<any Sendable, any Error>] = [:]
    private var counters = Stats()
    private let now: @Sendable () -> Double

    /// `now` is a monotonic clock in seconds; tests pass their own.
    public init(now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.now = now
    }

    /// The cached value for `key` if it is younger than `ttl` seconds (and `refresh` is false), else the result of
    /// `fetch`, which is then cached. A failed fetch caches nothing, so the next ask tries again.
    public func value<Value: Sendable>(_ key: String, ttl: Double, refresh: Bool = false, fetch: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if !refresh, let entry = entries[key], now() - entry.fetchedAt < entry.ttl, let value = entry.value as? Value {
            counters.hits += 1
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
        entries[key] = Entry(value: value, fetchedAt: now(), ttl: ttl)
        return value
    }

    /// Forgets every entry whose key starts with `prefix` (all of them for ""), so the next ask fetches anew.
    public func invalidate(prefix: String = "") {
        entries = entries.filter { !$0.key.hasPrefix(prefix) }
    }

    /// Whether a fresh value for `key` is cached.
    public func isCached(_ key: String) -> Bool {
        guard let entry = entries[key] else { return false }
        return now() - entry.fetchedAt < entry.ttl
    }

    public var stats: Stats {
        var stats = counters
        stats.entries = entries.count
        return stats
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
