/// Finds where a pattern may occur approximately, in one linear pass: a window slides over the
/// text counting the 3-byte grams that also occur in the pattern, and stretches where the count
/// reaches what `maximumEdits` edits could leave (the q-gram lemma) yield their best position.
/// It only proposes; the alignment decides.
enum QGramSeeds {
    /// Byte offsets (inclusive ends) in `bytes` where a window holds the most pattern grams, best
    /// first, at most `limit`; only positions in `areas` (byte ranges) are looked at.
    static func peaks(
        of pattern: [UInt8], in areas: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>,
        maximumEdits: Int, limit: Int
    ) -> [Int] {
        guard pattern.count >= 3, limit > 0 else { return [] }
        // 65,536 one-bit buckets of the pattern's grams: a false positive only adds to a count.
        var filter = [UInt64](repeating: 0, count: 1024)
        var widest = 1
        for index in 2..<pattern.count {
            let gram = UInt32(pattern[index - 2]) << 16 | UInt32(pattern[index - 1]) << 8 | UInt32(pattern[index])
            let slot = bucket(gram)
            filter[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        for byte in pattern where byte >= 0xC0 { widest = max(widest, byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2) }
        // One edit of a scalar of `widest` bytes spoils at most `widest + 2` grams; inserted
        // text is at most 4 bytes a scalar.
        let grams = pattern.count - 2
        let threshold = max(1, grams - (widest + 2) * maximumEdits)
        let window = window(patternBytes: pattern.count, maximumEdits: maximumEdits)

        var peaks: [(end: Int, count: Int)] = []
        func record(_ peak: (end: Int, count: Int)) {
            peaks.append(peak)
            if peaks.count >= 8 * limit { keepBest() }
        }
        func keepBest() {
            peaks.sort { $0.count != $1.count ? $0.count > $1.count : $0.end < $1.end }
            peaks.removeLast(max(0, peaks.count - limit))
        }
        for area in areas {
            var ring = [Bool](repeating: false, count: window)
            var ringIndex = 0
            var count = 0
            var gram: UInt32 = 0
            var peak: (end: Int, count: Int)?
            var runStart = area.lowerBound
            for index in area {
                gram = (gram << 8 | UInt32(bytes[index])) & 0xFF_FFFF
                let slot = bucket(gram)
                let hit = index - area.lowerBound >= 2 && filter[slot >> 6] & (1 << UInt64(slot & 63)) != 0
                if ring[ringIndex] { count -= 1 }
                ring[ringIndex] = hit
                if hit { count += 1 }
                ringIndex = ringIndex + 1 == window ? 0 : ringIndex + 1
                if count >= threshold {
                    if let current = peak {
                        if count > current.count { peak = (index, count) }
                    } else {
                        peak = (index, count)
                        runStart = index
                    }
                    // A long stretch gives one peak per window, so two lookalikes close together
                    // are both proposed.
                    if index - runStart >= window, let current = peak {
                        record(current)
                        peak = nil
                    }
                } else if let current = peak {
                    record(current)
                    peak = nil
                }
            }
            if let current = peak { record(current) }
        }
        keepBest()
        return peaks.map(\.end)
    }

    /// The sliding window's length in bytes: the pattern and room for its edits.
    static func window(patternBytes: Int, maximumEdits: Int) -> Int {
        patternBytes + 4 * maximumEdits
    }

    private static func bucket(_ gram: UInt32) -> Int {
        Int((gram &* 0x9E37_79B1) >> 16)
    }
}
