/// SplitMix64: a tiny, fast, well-mixed PRNG whose output is fixed by its seed on every platform and Swift
/// version (unlike `SystemRandomNumberGenerator` or the stdlib's `random(in:using:)` helpers, whose algorithms may
/// change). Everything the sandbox invents flows from one of these, so one seed means one workspace.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// The SplitMix64 output function on its own: a strong 64-bit mixer, used to derive values on demand.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stateless hash of a seed and a few integers: lets per-customer details (phone digits, device tokens,
    /// activities) be derived when asked for instead of being stored for a million people.
    @inline(__always)
    static func hash(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        var h = finalize(seed &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ (a &* 0xD6E8_FEB8_6659_FD93))
        h = finalize(h ^ (b &* 0xA076_1D64_78BD_642F))
        return finalize(h ^ (c &* 0xE703_7ED1_A0B4_28DB))
    }

    /// A whole number in `0..<bound` (bound > 0), by multiply-shift: unbiased enough for test data and branch-free.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int((UInt64(bound).multipliedFullWidth(by: next())).high)
    }

    /// A whole number in a closed range.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A double in `0..<1` with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index skewed towards the start of a list: common names come first in the banks, so they show up more.
    @inline(__always)
    mutating func skewed(_ count: Int) -> Int {
        let u = unit()
        return min(count - 1, Int(u * u * Double(count) * 0.55 + u * Double(count) * 0.45))
    }
}

extension SplitMix64 {
    /// Turns a stateless hash into a unit double.
    static func unit(_ hash: UInt64) -> Double { Double(hash >> 11) * 0x1.0p-53 }
}
