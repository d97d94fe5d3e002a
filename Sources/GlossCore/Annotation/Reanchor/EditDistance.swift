/// Levenshtein distances on Unicode scalar values, for comparing quotes and their context.
enum EditDistance {
    /// An approximate occurrence of a pattern: where it is in the searched text and its cost.
    struct Match: Equatable {
        var range: Range<Int>
        var distance: Int
    }

    /// 1 − distance / longer length: 1 for equal sequences (two empty ones included), 0 for
    /// sequences with nothing in common.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longer)
    }

    /// The similarity of a match of a pattern of `patternLength` scalars.
    static func similarity(of match: Match, patternLength: Int) -> Double {
        let longer = max(patternLength, match.range.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(match.distance) / Double(longer)
    }

    /// The Levenshtein distance, in O(a·b) time and O(b) space; meant for short texts.
    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// For each end position in `text`, the cheapest occurrence of `pattern` ending there
    /// (a substring of `text` at the least edit distance from `pattern`), when it costs at most
    /// `limit` edits. O(pattern·text) time, stopping early once every row costs more than `limit`.
    static func matches(of pattern: [UInt32], in text: [UInt32], limit: Int) -> [Match] {
        guard !pattern.isEmpty, !text.isEmpty else { return [] }
        let width = text.count + 1
        // Row 0 costs nothing anywhere: an occurrence may start at any position.
        var previousCost = [Int](repeating: 0, count: width)
        var previousStart = Array(0..<width)
        var cost = [Int](repeating: 0, count: width)
        var start = [Int](repeating: 0, count: width)
        for i in 1...pattern.count {
            cost[0] = i
            start[0] = 0
            var rowMinimum = i
            let scalar = pattern[i - 1]
            for j in 1..<width {
                // Prefer the diagonal, so that ties keep the occurrence as long as the pattern.
                var best = previousCost[j - 1] + (scalar == text[j - 1] ? 0 : 1)
                var bestStart = previousStart[j - 1]
                if previousCost[j] + 1 < best {
                    best = previousCost[j] + 1
                    bestStart = previousStart[j]
                }
                if cost[j - 1] + 1 < best {
                    best = cost[j - 1] + 1
                    bestStart = start[j - 1]
                }
                cost[j] = best
                start[j] = bestStart
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return [] }
            swap(&previousCost, &cost)
            swap(&previousStart, &start)
        }
        var found: [Match] = []
        for j in 1..<width where previousCost[j] <= limit {
            found.append(Match(range: previousStart[j]..<j, distance: previousCost[j]))
        }
        return found
    }
}
