/// Myers' O((N+M)·D) shortest edit script on token ids, reporting the runs the two sequences
/// share. Gives up (nil) past an edit or work limit rather than go quadratic on unrelated texts.
enum MyersDiff {
    /// `length` equal tokens at `old` in the old sequence and `new` in the new one.
    struct Run: Equatable {
        var old: Int
        var new: Int
        var length: Int
    }

    /// The equal runs of a shortest edit script, in order; nil when it needs more than
    /// `maximumEdits` insertions plus deletions or more than `maximumWork` steps.
    static func equalRuns(
        _ old: [Int32], _ new: [Int32],
        maximumEdits: Int = ReanchorPolicy.maximumDiffEdits, maximumWork: Int = ReanchorPolicy.maximumDiffWork,
        allowAnchoring: Bool = true
    ) -> [Run]? {
        // Common ends cost nothing to find and are most of a local edit.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var oldEnd = old.count
        var newEnd = new.count
        while oldEnd > head, newEnd > head, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        var runs: [Run] = []
        if head > 0 { runs.append(Run(old: 0, new: 0, length: head)) }
        if head < oldEnd, head < newEnd {
            let middle = Middle(old: old, new: new, oldRange: head..<oldEnd, newRange: head..<newEnd)
            if let found = middle.equalRuns(maximumEdits: maximumEdits, maximumWork: maximumWork) {
                runs += found
            } else if allowAnchoring, let found = anchoredRuns(
                old, new, oldRange: head..<oldEnd, newRange: head..<newEnd,
                maximumEdits: maximumEdits, maximumWork: maximumWork) {
                runs += found
            } else {
                return nil
            }
        }
        if oldEnd < old.count { runs.append(Run(old: oldEnd, new: newEnd, length: old.count - oldEnd)) }
        return runs
    }

    /// When edits are spread all over (many small revisions), Myers gives up; patience-style
    /// anchoring still finds the shared lines: tokens that occur exactly once in both
    /// sequences, kept in the longest order-preserving chain, split the problem into small
    /// gaps, each diffed on its own. A gap too different to diff counts as replaced.
    static func anchoredRuns(
        _ old: [Int32], _ new: [Int32], oldRange: Range<Int>, newRange: Range<Int>, maximumEdits: Int, maximumWork: Int
    ) -> [Run]? {
        var counts: [Int32: (old: Int, new: Int, oldIndex: Int, newIndex: Int)] = [:]
        for index in oldRange {
            let entry = counts[old[index]] ?? (0, 0, index, 0)
            counts[old[index]] = (entry.old + 1, entry.new, entry.oldIndex, entry.newIndex)
        }
        for index in newRange {
            guard let entry = counts[new[index]] else { continue }
            counts[new[index]] = (entry.old, entry.new + 1, entry.oldIndex, index)
        }
        var pairs: [(old: Int, new: Int)] = []
        for index in oldRange {
            if let entry = counts[old[index]], entry.old == 1, entry.new == 1 { pairs.append((index, entry.newIndex)) }
        }
        guard !pairs.isEmpty else { return nil }
        let anchors = longestIncreasingChain(pairs)
        var runs: [Run] = []
        var oldStart = oldRange.lowerBound
        var newStart = newRange.lowerBound
        func diffGap(oldEnd: Int, newEnd: Int) {
            guard oldStart < oldEnd, newStart < newEnd else { return }
            let gapOld = Array(old[oldStart..<oldEnd])
            let gapNew = Array(new[newStart..<newEnd])
            let found = equalRuns(
                gapOld, gapNew, maximumEdits: maximumEdits, maximumWork: maximumWork, allowAnchoring: false) ?? []
            for run in found { runs.append(Run(old: run.old + oldStart, new: run.new + newStart, length: run.length)) }
        }
        for anchor in anchors {
            diffGap(oldEnd: anchor.old, newEnd: anchor.new)
            if let last = runs.last, last.old + last.length == anchor.old, last.new + last.length == anchor.new {
                runs[runs.count - 1].length += 1
            } else {
                runs.append(Run(old: anchor.old, new: anchor.new, length: 1))
            }
            oldStart = anchor.old + 1
            newStart = anchor.new + 1
        }
        diffGap(oldEnd: oldRange.upperBound, newEnd: newRange.upperBound)
        return runs
    }

    /// The longest chain of `pairs` (in increasing `old` order) whose `new` also increases:
    /// patience sorting, O(n log n).
    static func longestIncreasingChain(_ pairs: [(old: Int, new: Int)]) -> [(old: Int, new: Int)] {
        var tails: [Int] = []  // index into pairs of the smallest tail of each chain length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].new < pair.new { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(old: Int, new: Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            chain.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return chain.reversed()
    }

    /// The part between the common ends, where the search happens.
    private struct Middle {
        let old: [Int32]
        let new: [Int32]
        let oldRange: Range<Int>
        let newRange: Range<Int>

        func equalRuns(maximumEdits: Int, maximumWork: Int) -> [Run]? {
            let n = oldRange.count
            let m = newRange.count
            let limit = min(n + m, maximumEdits)
            let center = limit + 1
            // `furthest[center + k]`: furthest x reached on diagonal k = x − y.
            var furthest = [Int](repeating: 0, count: 2 * limit + 3)
            // After each round d, furthest x on diagonals −d...d, stored at trace[d*d...].
            var trace: [Int] = []
            var work = 0
            for d in 0...limit {
                for k in stride(from: -d, through: d, by: 2) {
                    let down = k == -d || (k != d && furthest[center + k - 1] < furthest[center + k + 1])
                    var x = down ? furthest[center + k + 1] : furthest[center + k - 1] + 1
                    var y = x - k
                    while x < n, y < m, old[oldRange.lowerBound + x] == new[newRange.lowerBound + y] {
                        x += 1
                        y += 1
                    }
                    work += 1 + x - (down ? furthest[center + k + 1] : furthest[center + k - 1] + 1)
                    furthest[center + k] = x
                    if x >= n, y >= m {
                        trace += furthest[(center - d)...(center + d)]
                        return backtrack(trace: trace, edits: d)
                    }
                }
                trace += furthest[(center - d)...(center + d)]
                if work > maximumWork { return nil }
            }
            return nil
        }

        /// Walks from the end back to the start through the recorded rounds, collecting the
        /// diagonal (equal) stretches.
        private func backtrack(trace: [Int], edits: Int) -> [Run] {
            func reached(_ d: Int, _ k: Int) -> Int { trace[d * d + k + d] }
            var x = oldRange.count
            var y = newRange.count
            var runs: [Run] = []
            for d in stride(from: edits, to: 0, by: -1) {
                let k = x - y
                let down = k == -d || (k != d && reached(d - 1, k - 1) < reached(d - 1, k + 1))
                let previousK = down ? k + 1 : k - 1
                let previousX = reached(d - 1, previousK)
                // The point just after this round's single edit, where the equal stretch begins.
                let snakeX = down ? previousX : previousX + 1
                if x > snakeX {
                    runs.append(Run(
                        old: oldRange.lowerBound + snakeX, new: newRange.lowerBound + snakeX - k,
                        length: x - snakeX))
                }
                x = previousX
                y = previousX - previousK
            }
            if x > 0 { runs.append(Run(old: oldRange.lowerBound, new: newRange.lowerBound, length: x)) }
            return runs.reversed()
        }
    }
}
