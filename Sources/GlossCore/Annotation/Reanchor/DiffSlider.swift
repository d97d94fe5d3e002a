/// Moves each pure insertion or deletion of a diff to the equally short place that starts and
/// ends on the best boundaries.
///
/// An insertion that begins like the text after it ("The board heard …" before "The board
/// has …") can be placed in several ways at the same cost; a shortest edit script picks one
/// blindly, and the common words may end up paired with the inserted copy, carrying a highlight
/// onto new text. Sliding the insertion to start and end between sentences (or lines) keeps old
/// text with its old neighbours, as a writer would describe the edit. Like git's diff sliders.
enum DiffSlider {
    /// `runs`: equal runs of `old` and `new` in order. Each gap that is only an insertion (or
    /// only a deletion) is slid as far as equal tokens allow, to the best-scoring place; ties
    /// keep the place the diff chose. Linear in the tokens slid over.
    static func slid(
        _ runs: [MyersDiff.Run], old: DiffTokens, new: DiffTokens,
        oldBytes: UnsafeBufferPointer<UInt8>, newBytes: UnsafeBufferPointer<UInt8>
    ) -> [MyersDiff.Run] {
        var runs = runs
        var index = 0
        while index + 1 < runs.count {
            let before = runs[index]
            let after = runs[index + 1]
            let oldGap = after.old - (before.old + before.length)
            let newGap = after.new - (before.new + before.length)
            guard (oldGap == 0) != (newGap == 0) else {
                index += 1
                continue
            }
            let isInsertion = oldGap == 0
            let tokens = isInsertion ? new : old
            let bytes = isInsertion ? newBytes : oldBytes
            let start = isInsertion ? before.new + before.length : before.old + before.length
            let end = isInsertion ? after.new : after.old
            var left = 0
            while left < before.length, tokens.ids[start - 1 - left] == tokens.ids[end - 1 - left] { left += 1 }
            var right = 0
            while right < after.length, tokens.ids[start + right] == tokens.ids[end + right] { right += 1 }
            func score(_ shift: Int) -> Int {
                tokens.boundaryStrength(before: start + shift, in: bytes)
                    + tokens.boundaryStrength(before: end + shift, in: bytes)
            }
            var best = 0
            var bestScore = score(0)
            for shift in stride(from: right, through: -left, by: -1) where shift != 0 {
                let candidate = score(shift)
                if candidate > bestScore {
                    best = shift
                    bestScore = candidate
                }
            }
            guard best != 0 else {
                index += 1
                continue
            }
            // A shift of k moves k equal tokens from one run to the other.
            runs[index].length += best
            runs[index + 1].old += best
            runs[index + 1].new += best
            runs[index + 1].length -= best
            if runs[index + 1].length == 0 {
                runs.remove(at: index + 1)
            } else if runs[index].length == 0 {
                runs.remove(at: index)
            } else {
                index += 1
            }
        }
        return runs
    }
}
