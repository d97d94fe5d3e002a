/// Finds a query in a block's text or across an article's blocks.
public enum TextSearch {
    /// Unicode-scalar offset ranges of the query in `text`: non-overlapping, in order.
    public static func matches(of query: SearchQuery, in text: String) -> [Range<Int>] {
        var matcher = ScalarMatcher(query)
        return matcher.matches(in: text)
    }

    /// Matches over all blocks in reading order, stopping after `limit`.
    public static func allMatches(in blocks: [Block], query: SearchQuery, limit: Int = .max) -> [SearchMatch] {
        var matcher = ScalarMatcher(query)
        var found: [SearchMatch] = []
        guard !matcher.isEmpty else { return found }
        for (index, block) in blocks.enumerated() where found.count < limit {
            matcher.scan(block.text) { range in
                found.append(SearchMatch(block: index, range: range))
                return found.count < limit
            }
        }
        return found
    }

    /// The match after (or, with `forward` false, before) `position` in reading order, going
    /// round the end of the article if needed; `wrapped` tells that it did. A nil position
    /// starts at the top (or the bottom going backward). Nil when nothing matches at all.
    public static func next(
        after position: SearchMatch?, in blocks: [Block], query: SearchQuery, forward: Bool = true
    ) -> (match: SearchMatch, wrapped: Bool)? {
        guard let position else {
            return forward
                ? nearest(from: 0, offset: 0, in: blocks, query: query, forward: true)
                : nearest(from: blocks.count - 1, offset: .max, in: blocks, query: query, forward: false)
        }
        var matcher = ScalarMatcher(query)
        return find(
            in: blocks, matcher: &matcher, block: position.block, offset: position.range.lowerBound,
            inclusive: false, forward: forward)
    }

    /// The first match starting at or after (`forward`) or at or before (backward) scalar
    /// `offset` of block `block`, going round the end of the article if needed.
    public static func nearest(
        from block: Int, offset: Int = 0, in blocks: [Block], query: SearchQuery, forward: Bool = true
    ) -> (match: SearchMatch, wrapped: Bool)? {
        var matcher = ScalarMatcher(query)
        return find(in: blocks, matcher: &matcher, block: block, offset: offset, inclusive: true, forward: forward)
    }

    private static func find(
        in blocks: [Block], matcher: inout ScalarMatcher, block: Int, offset: Int, inclusive: Bool,
        forward: Bool
    ) -> (match: SearchMatch, wrapped: Bool)? {
        guard !blocks.isEmpty, !matcher.isEmpty else { return nil }
        let origin = min(max(block, 0), blocks.count - 1)
        // A block outside the article starts from its nearest end.
        let offset: Int = block < 0 ? (forward ? 0 : -1) : (block >= blocks.count ? .max : offset)
        if forward {
            let isAfter: (Int) -> Bool = { inclusive ? $0 >= offset : $0 > offset }
            if let range = first(in: blocks[origin].text, matcher: &matcher, where: isAfter) {
                return (SearchMatch(block: origin, range: range), false)
            }
            for index in (origin + 1)..<blocks.count {
                if let range = first(in: blocks[index].text, matcher: &matcher, where: { _ in true }) {
                    return (SearchMatch(block: index, range: range), false)
                }
            }
            for index in 0...origin {
                if let range = first(in: blocks[index].text, matcher: &matcher, where: { _ in true }) {
                    return (SearchMatch(block: index, range: range), true)
                }
            }
        } else {
            let isBefore: (Int) -> Bool = { inclusive ? $0 <= offset : $0 < offset }
            if let range = last(in: blocks[origin].text, matcher: &matcher, where: isBefore) {
                return (SearchMatch(block: origin, range: range), false)
            }
            for index in stride(from: origin - 1, through: 0, by: -1) {
                if let range = last(in: blocks[index].text, matcher: &matcher, where: { _ in true }) {
                    return (SearchMatch(block: index, range: range), false)
                }
            }
            for index in stride(from: blocks.count - 1, through: origin, by: -1) {
                if let range = last(in: blocks[index].text, matcher: &matcher, where: { _ in true }) {
                    return (SearchMatch(block: index, range: range), true)
                }
            }
        }
        return nil
    }

    /// The first match whose start satisfies `accepts`, scanning no further than needed.
    private static func first(
        in text: String, matcher: inout ScalarMatcher, where accepts: (Int) -> Bool
    ) -> Range<Int>? {
        var found: Range<Int>?
        matcher.scan(text) { range in
            if accepts(range.lowerBound) { found = range }
            return found == nil
        }
        return found
    }

    /// The last match whose start satisfies `accepts`; starts are increasing, so the scan stops
    /// at the first one that does not.
    private static func last(
        in text: String, matcher: inout ScalarMatcher, where accepts: (Int) -> Bool
    ) -> Range<Int>? {
        var found: Range<Int>?
        matcher.scan(text) { range in
            guard accepts(range.lowerBound) else { return false }
            found = range
            return true
        }
        return found
    }
}
