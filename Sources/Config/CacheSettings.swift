import TOMLKit
import Spelling

/// `[cache]`: how long each kind of result stays fresh (seconds) and how much memory the cache may hold.
public struct CacheSettings: Sendable, Hashable {
    /// Seconds per kind: `lists`, `counts`, `metrics`, `details`, `messages`. Kinds not set keep their defaults.
    public var timesToLive: [String: Double] = [:]
    /// The memory budget in megabytes (default 256).
    public var maxMegabytes: Int?

    public static let kinds = ["lists", "counts", "metrics", "details", "messages"]
    static let keys = kinds.map { "\($0)_ttl" } + ["max_mb"]

    public init(timesToLive: [String: Double] = [:], maxMegabytes: Int? = nil) {
        self.timesToLive = timesToLive
        self.maxMegabytes = maxMegabytes
    }

    /// Reads the table: `lists_ttl = 60`, `metrics_ttl = 600`, `max_mb = 128`. Durations are whole or decimal
    /// seconds from 0 (always fetch) to a day; the budget 16 MB to 16 GB.
    static func read(_ value: any TOMLValueConvertible, source: TOMLSource) throws(SourceIssue) -> CacheSettings {
        let table = try source.table(value, at: ["cache"], what: "cache")
        var settings = CacheSettings()
        for key in source.orderedKeys(of: table, at: ["cache"]) {
            let entry = table[key]!
            let path = ["cache", key]
            if key == "max_mb" {
                guard let megabytes = entry.int else { throw source.wrongType(entry, at: path, what: "cache.max_mb", expected: "a whole number of megabytes") }
                guard (16...16_384).contains(megabytes) else { throw source.issue("cache.max_mb must be between 16 and 16384", at: path) }
                settings.maxMegabytes = megabytes
                continue
            }
            guard key.hasSuffix("_ttl"), kinds.contains(String(key.dropLast(4))) else {
                throw source.issue("unknown key \"\(key)\" in [cache]\(Suggestion.hint(for: key, in: keys)) (known: \(keys.joined(separator: ", ")))", at: path)
            }
            guard let seconds = entry.double ?? entry.int.map(Double.init) else {
                throw source.wrongType(entry, at: path, what: "cache.\(key)", expected: "a number of seconds")
            }
            guard (0...86_400).contains(seconds) else { throw source.issue("cache.\(key) must be between 0 and 86400 seconds", at: path) }
            settings.timesToLive[String(key.dropLast(4))] = seconds
        }
        return settings
    }
}
