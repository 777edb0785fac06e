/// A value that can say roughly how much memory it holds, for the store's byte budget.
public protocol CacheCosted {
    /// Bytes held, counting heap storage of strings and arrays; an estimate, not an exact figure.
    var estimatedBytes: Int { get }
}

/// Estimates what a cached value costs. Values that know their size say so; arrays add up their elements;
/// anything else counts its inline size plus a little for what it may point to.
enum CacheCost {
    static func estimate(_ value: Any) -> Int {
        if let costed = value as? any CacheCosted { return costed.estimatedBytes }
        if let text = value as? String { return 16 + text.utf8.count }
        if let array = value as? [Any] {
            // Sample up to 64 elements and scale: exact enough, and cheap for 100,000-row lists.
            guard !array.isEmpty else { return 16 }
            let step = max(1, array.count / 64)
            var sampled = 0
            var total = 0
            for index in stride(from: 0, to: array.count, by: step) {
                total += estimate(array[index])
                sampled += 1
            }
            return 32 + total * array.count / sampled
        }
        let mirror = Mirror(reflecting: value)
        guard !mirror.children.isEmpty else { return 16 }
        return 16 + mirror.children.reduce(0) { $0 + estimate($1.value) }
    }
}
