/// Step three of re-anchoring: the quote's exact occurrences in the current text, told apart by
/// how well the text around each agrees with the stored prefix and suffix.
enum ExactQuoteSearch {
    private struct Hit {
        var range: Range<Int>
        var byteRange: Range<Int>
        var distance: Int
        var context: ContextScore?
    }

    /// The best occurrence of the quote: `.exact` when it wins clearly and at least one side of
    /// its context agrees, `.fuzzy` (for review) when it ties with another or neither side agrees.
    /// Occurrences that `map` shows to be unchanged old text are skipped: the quote was not
    /// there (or mapping would have found it), so they can only be lookalikes. Nil when none is left.
    static func locate(
        _ target: QuoteTarget, in text: ScalarText, near reference: Int, map: OffsetMap?
    ) -> (range: Range<Int>, status: AnchorStatus)? {
        guard !target.exactBytes.isEmpty else { return nil }
        let byteStarts = occurrences(of: target.exactBytes, in: text.bytes, limit: ReanchorPolicy.maximumExactHits)
        guard !byteStarts.isEmpty else { return nil }
        let starts = text.scalarOffsets(ofAscendingBytes: byteStarts)
        let length = target.exactScalars.count
        var hits: [Hit] = []
        for (start, byteStart) in zip(starts, byteStarts) {
            let range = start..<(start + length)
            if let map, map.isUnchanged(range) { continue }
            hits.append(Hit(
                range: range, byteRange: byteStart..<(byteStart + target.exactBytes.count),
                distance: abs(start - reference), context: nil))
        }
        if hits.count > ReanchorPolicy.maximumScoredHits {
            let agreement = hits.map {
                ContextScore.adjacentAgreement(atBytes: $0.byteRange, for: target, in: text.bytes)
            }
            let order = hits.indices.sorted {
                (agreement[$0], -hits[$0].distance) > (agreement[$1], -hits[$1].distance)
            }
            hits = order.prefix(ReanchorPolicy.maximumScoredHits).map { hits[$0] }
        }
        for index in hits.indices {
            hits[index].context = ContextScore(of: hits[index].range, for: target, in: text)
        }
        hits.sort {
            let left = $0.context?.combined ?? 0
            let right = $1.context?.combined ?? 0
            return left != right ? left > right : $0.distance < $1.distance
        }
        guard let best = hits.first, let context = best.context else { return nil }
        let isTie = hits.count > 1
            && context.combined - (hits[1].context?.combined ?? 0) < ReanchorPolicy.exactTieMargin
        return (best.range, isTie || context.bothDisagree ? .fuzzy : .exact)
    }

    /// Byte offsets where `pattern` starts in `bytes`, overlaps included, at most `limit` of them.
    /// Knuth–Morris–Pratt, so the scan is linear whatever the pattern.
    static func occurrences(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return [] }
        var failure = [Int](repeating: 0, count: pattern.count)
        var border = 0
        for index in pattern.indices.dropFirst() {
            while border > 0, pattern[index] != pattern[border] { border = failure[border - 1] }
            if pattern[index] == pattern[border] { border += 1 }
            failure[index] = border
        }
        var found: [Int] = []
        var matched = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            while matched > 0, pattern[matched] != byte { matched = failure[matched - 1] }
            guard pattern[matched] == byte else { continue }
            matched += 1
            if matched == pattern.count {
                found.append(index + 1 - pattern.count)
                if found.count >= limit { break }
                matched = failure[matched - 1]
            }
        }
        return found
    }
}
