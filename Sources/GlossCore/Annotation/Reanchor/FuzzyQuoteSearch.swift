/// Step four of re-anchoring: an approximate occurrence of a changed quote (a typo fixed, a
/// word replaced), accepted only when both it and its context are similar enough and no other
/// occurrence comes close.
///
/// Text that the diff shows to descend from other old text, edited or not, is never a candidate
/// (an edited lookalike next to a deleted sentence is where that lookalike went), and a candidate's
/// context must agree as much as the quote's length asks (`ContextScore.admits`).
///
/// Bounds: only quotes of `minimumFuzzyQuoteLength...maximumFuzzyQuoteLength` scalars. With a
/// diff, only text near the diff's changes is searched (`AnchorDiff.searchAreas`); without one,
/// the whole text. Either way one linear q-gram pass
/// proposes at most `maximumFuzzyCandidates` windows (fewer for long quotes, within
/// `fuzzyAlignmentCells`), each aligned in O(quote · window).
enum FuzzyQuoteSearch {
    private struct Candidate {
        var range: Range<Int>
        var quoteSimilarity: Double
        var context: ContextScore
        var score: Double { (quoteSimilarity + context.combined) / 2 }
    }

    /// The new range of the quote, or nil when no candidate is similar and clear enough.
    /// `diffCandidate` is where the diff put the quote's ends, if it did, though the text changed.
    static func locate(
        _ target: QuoteTarget, in text: ScalarText, diff: AnchorDiff?, diffCandidate: Range<Int>?
    ) -> Range<Int>? {
        let length = target.exactScalars.count
        guard length >= ReanchorPolicy.minimumFuzzyQuoteLength,
              length <= ReanchorPolicy.maximumFuzzyQuoteLength
        else { return nil }
        // d ≤ 0.2 · max(length, match) and match ≤ length + d give d ≤ length / 4.
        let edits = length / 4
        let reach = length + edits
        let areas = diff.map { $0.searchAreas(reach: reach).map { text.byteRange(ofScalars: $0) } }
            ?? [0..<text.bytes.count]
        // A window's count peaks somewhere between the match's end and its start plus the
        // window, so the region spans the whole window and some slack on both sides.
        let window = QGramSeeds.window(patternBytes: target.exactBytes.count, maximumEdits: edits)
        let slack = 2 * edits
        let regionLength = window + 2 * slack
        let limit = max(2, min(
            ReanchorPolicy.maximumFuzzyCandidates, ReanchorPolicy.fuzzyAlignmentCells / (length * regionLength)))
        let peaks = QGramSeeds.peaks(
            of: target.exactBytes, in: areas, of: text.bytes, maximumEdits: edits, limit: limit)
        var regions = peaks.map { peak -> Range<Int> in
            text.scalarOffset(ofByte: peak + 1 - window - slack)..<text.scalarOffset(ofByte: peak + 1 + slack)
        }
        if let diffCandidate {
            regions.append(
                max(0, diffCandidate.lowerBound - edits)..<min(text.scalarCount, diffCandidate.upperBound + edits))
        }
        var candidates: [Candidate] = []
        for region in merged(regions) {
            let window = text.scalars(inScalars: region)
            let matches = EditDistance.matches(of: target.exactScalars, in: window, limit: edits)
            for match in bestDisjoint(matches, patternLength: length) {
                let range = (region.lowerBound + match.range.lowerBound)..<(region.lowerBound + match.range.upperBound)
                if let diff, !diff.allows(range) { continue }
                let context = ContextScore(of: range, for: target, in: text)
                guard context.admits(target) else { continue }
                candidates.append(Candidate(
                    range: range, quoteSimilarity: EditDistance.similarity(of: match, patternLength: length),
                    context: context))
            }
        }
        var ranked: [Candidate] = []
        for candidate in candidates.sorted(by: { $0.score > $1.score })
        where !ranked.contains(where: { $0.range.overlaps(candidate.range) }) {
            ranked.append(candidate)
        }
        guard let best = ranked.first, best.context.combined >= ReanchorPolicy.minimumContextSimilarity else {
            return nil
        }
        if ranked.count > 1, best.score - ranked[1].score < ReanchorPolicy.fuzzyLead { return nil }
        return best.range
    }

    /// The region's good-enough matches, best first and not overlapping: similarity, then
    /// length nearest the pattern's, then position decide.
    private static func bestDisjoint(_ matches: [EditDistance.Match], patternLength: Int) -> [EditDistance.Match] {
        let good = matches.filter {
            EditDistance.similarity(of: $0, patternLength: patternLength) >= ReanchorPolicy.minimumQuoteSimilarity
        }
        let sorted = good.sorted {
            let left = EditDistance.similarity(of: $0, patternLength: patternLength)
            let right = EditDistance.similarity(of: $1, patternLength: patternLength)
            if left != right { return left > right }
            let leftGap = abs($0.range.count - patternLength)
            let rightGap = abs($1.range.count - patternLength)
            return leftGap != rightGap ? leftGap < rightGap : $0.range.lowerBound < $1.range.lowerBound
        }
        var chosen: [EditDistance.Match] = []
        for match in sorted where !chosen.contains(where: { $0.range.overlaps(match.range) }) {
            chosen.append(match)
            if chosen.count == 3 { break }
        }
        return chosen
    }

    /// Overlapping or touching ranges joined, in increasing order.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
