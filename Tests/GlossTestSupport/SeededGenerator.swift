/// SplitMix64: a tiny, fast generator whose output depends only on its seed, so random tests,
/// drills and the benchmark's articles are the same on every machine and every run.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index below `count` (0 when `count` is not positive).
    public mutating func index(below count: Int) -> Int {
        // `Int.random(in:using:)` is defined by the standard library and may change between
        // releases; plain modulo keeps generated data stable (the bias is negligible here).
        Int(next() % UInt64(max(1, count)))
    }

    /// An integer in `range`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[index(below: items.count)]
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool {
        index(below: 100) < percent
    }
}
