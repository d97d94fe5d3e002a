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
        maximumEdits: Int = ReanchorPolicy.maximumDiffEdits, maximumWork: Int = ReanchorPolicy.maximumDiffWork
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
            guard let found = middle.equalRuns(maximumEdits: maximumEdits, maximumWork: maximumWork) else {
                return nil
            }
            runs += found
        }
        if oldEnd < old.count { runs.append(Run(old: oldEnd, new: newEnd, length: old.count - oldEnd)) }
        return runs
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
