/// A fixed-size set of row numbers, one bit per person: segment membership and filter results for a million
/// people cost 125 KB each and combine with word-wide and/or/not.
struct BitSet: Sendable, Equatable {
    let count: Int
    private(set) var words: [UInt64]

    init(count: Int, filled: Bool = false) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled { trimTail() }
    }

    init(count: Int, rows: some Sequence<Int32>) {
        self.init(count: count)
        for row in rows where row >= 0 && Int(row) < count { insert(Int(row)) }
    }

    @inline(__always)
    func contains(_ row: Int) -> Bool {
        row >= 0 && row < count && words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ row: Int) {
        words[row >> 6] |= 1 << UInt64(row & 63)
    }

    @inline(__always)
    mutating func remove(_ row: Int) {
        guard row >= 0 && row < count else { return }
        words[row >> 6] &= ~(1 << UInt64(row & 63))
    }

    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    func intersection(_ other: BitSet) -> BitSet {
        var result = self
        for index in result.words.indices { result.words[index] &= other.words[index] }
        return result
    }

    func union(_ other: BitSet) -> BitSet {
        var result = self
        for index in result.words.indices { result.words[index] |= other.words[index] }
        return result
    }

    func complement() -> BitSet {
        var result = self
        for index in result.words.indices { result.words[index] = ~result.words[index] }
        result.trimTail()
        return result
    }

    /// Rows in ascending order.
    var rows: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(cardinality)
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                result.append(Int32(wordIndex << 6 | bit))
                bits &= bits - 1
            }
        }
        return result
    }

    private mutating func trimTail() {
        let extra = words.count * 64 - count
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }
}
