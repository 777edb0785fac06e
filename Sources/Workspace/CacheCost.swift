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
        if let text = value as? String { return string(text) }
        if let array = value as? [Any] {
            return heapHeader + sampled(array.count, at: { array[$0] }) { estimate($0) }
        }
        if let dictionary = value as? [AnyHashable: Any] {
            // Hashed storage keeps a quarter of its buckets free, plus a bitmap word per 64 buckets.
            let pairs = Array(dictionary)
            let entries = sampled(pairs.count, at: { pairs[$0] }) { estimate($0.key.base) + estimate($0.value) }
            return heapHeader + entries * 4 / 3
        }
        let mirror = Mirror(reflecting: value)
        guard !mirror.children.isEmpty else { return 16 }
        return 16 + mirror.children.reduce(0) { $0 + estimate($1.value) }
    }

    /// What malloc spends on a heap object's header and rounding, beyond its contents.
    static let heapHeader = 48

    /// Strings of up to 15 UTF-8 bytes live inside the 16-byte value; longer ones own a heap buffer.
    static func string(_ text: String) -> Int {
        let bytes = text.utf8.count
        return bytes <= 15 ? 16 : 16 + heapHeader + (bytes + 15) / 16 * 16
    }

    /// Sums `cost` over up to 64 evenly spaced elements and scales up: close enough, and cheap for 100,000 rows.
    private static func sampled<Element>(_ count: Int, at element: (Int) -> Element, cost: (Element) -> Int) -> Int {
        guard count > 0 else { return 0 }
        let step = max(1, count / 64)
        var sampled = 0
        var total = 0
        for index in stride(from: 0, to: count, by: step) {
            total += cost(element(index))
            sampled += 1
        }
        return total * count / sampled
    }
}
