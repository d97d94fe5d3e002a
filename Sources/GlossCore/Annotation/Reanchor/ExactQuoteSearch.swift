/// Step three of re-anchoring: the quote's exact occurrences in the current text, told apart by
/// how well the text around each agrees with the stored prefix and suffix.
enum ExactQuoteSearch {
    /// The occurrence taken, how sure the search is of it, and how well its context agrees.
    struct Found {
        var range: Range<Int>
        var status: AnchorStatus
        var context: ContextScore
    }

    private struct Hit {
        var range: Range<Int>
        /// Bytes of stored context that agree right next to the hit: a cheap pre-ranking.
        var adjacentAgreement: Int
        var distance: Int
        var context: ContextScore?
    }

    /// The best admissible occurrence of the quote: `.exact` when it wins clearly and at least
    /// one side of its context agrees, `.fuzzy` (for review) when it ties with another or neither
    /// side agrees. Admissible: the diff (when there is one) does not show it to descend from
    /// other old text, and its context agrees as much as the quote's length asks
    /// (`ContextScore.admits`). Nil when none is.
    ///
    /// One linear scan (with a diff, only of the areas where an admissible occurrence can be); of
    /// many occurrences (a short quote) only the `maximumScoredHits` with the most agreeing
    /// context next to them, then the nearest to `reference`, are scored fully.
    static func locate(
        _ target: QuoteTarget, in text: ScalarText, near reference: Int, diff: AnchorDiff?
    ) -> Found? {
        guard !target.exactBytes.isEmpty else { return nil }
        let length = target.exactScalars.count
        let kept = ReanchorPolicy.maximumScoredHits
        var hits: [Hit] = []
        func keepBest() {
            hits.sort { ($0.adjacentAgreement, -$0.distance) > ($1.adjacentAgreement, -$1.distance) }
            hits.removeLast(max(0, hits.count - kept))
        }
        var cursor = ScalarCursor(text)
        let areas = diff.map { $0.searchAreas(reach: length).map { text.byteRange(ofScalars: $0) } }
            ?? [0..<text.bytes.count]
        for area in areas {
            scan(for: target.exactBytes, in: UnsafeBufferPointer(rebasing: text.bytes[area])) { areaStart in
                let byteStart = area.lowerBound + areaStart
                let start = cursor.scalarOffset(ofByte: byteStart)
                let range = start..<(start + length)
                if let diff, !diff.allows(range) { return }
                let agreement = ContextScore.adjacentAgreement(
                    atBytes: byteStart..<(byteStart + target.exactBytes.count), for: target, in: text.bytes)
                hits.append(Hit(range: range, adjacentAgreement: agreement, distance: abs(start - reference)))
                if hits.count >= 8 * kept { keepBest() }
            }
        }
        if hits.count > kept { keepBest() }
        for index in hits.indices {
            hits[index].context = ContextScore(of: hits[index].range, for: target, in: text)
        }
        hits.removeAll { !($0.context?.admits(target) ?? false) }
        hits.sort {
            let left = $0.context?.combined ?? 0
            let right = $1.context?.combined ?? 0
            return left != right ? left > right : $0.distance < $1.distance
        }
        guard let best = hits.first, let context = best.context else { return nil }
        let isTie = hits.count > 1
            && context.combined - (hits[1].context?.combined ?? 0) < ReanchorPolicy.exactTieMargin
        return Found(range: best.range, status: isTie || context.bothDisagree ? .fuzzy : .exact, context: context)
    }

    /// Calls `found` with each byte offset where `pattern` starts in `bytes`, in order, overlaps
    /// included. Knuth–Morris–Pratt, so the scan is linear whatever the pattern.
    static func scan(for pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return }
        var failure = [Int](repeating: 0, count: pattern.count)
        var border = 0
        for index in pattern.indices.dropFirst() {
            while border > 0, pattern[index] != pattern[border] { border = failure[border - 1] }
            if pattern[index] == pattern[border] { border += 1 }
            failure[index] = border
        }
        var matched = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            while matched > 0, pattern[matched] != byte { matched = failure[matched - 1] }
            guard pattern[matched] == byte else { continue }
            matched += 1
            if matched == pattern.count {
                found(index + 1 - pattern.count)
                matched = failure[matched - 1]
            }
        }
    }
}
