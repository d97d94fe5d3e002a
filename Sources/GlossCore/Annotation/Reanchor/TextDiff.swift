/// Diffs two texts into an `OffsetMap` without going quadratic on large ones.
///
/// The common prefix and suffix are trimmed first, to whole lines: most edits are local, so this
/// usually leaves a few lines. The middle is diffed line by line, and each changed run of lines
/// word by word; at both levels an insertion or deletion that could sit in several places is
/// slid to the one on the best boundaries (`DiffSlider`). A diff that exceeds its limits (see
/// `ReanchorPolicy`) leaves its part counted as replaced, which only means annotations there are
/// found by quote search instead of mapped.
enum TextDiff {
    static func offsetMap(old: ScalarText, new: ScalarText) -> OffsetMap {
        let oldBytes = old.bytes
        let newBytes = new.bytes
        let shorter = min(oldBytes.count, newBytes.count)
        var prefix = commonPrefixLength(oldBytes, newBytes, limit: shorter)
        // Cut at the start of a line: cutting inside one would glue the words an insertion
        // begins with to the old text before it ("The board h|eard …" instead of before "The").
        // The lines cut off are diffed with the middle, word by word, and slid to good boundaries.
        while prefix > 0, !(startsLine(oldBytes, at: prefix) && startsLine(newBytes, at: prefix)) { prefix -= 1 }
        var suffix = 0
        while suffix < shorter - prefix,
              oldBytes[oldBytes.count - 1 - suffix] == newBytes[newBytes.count - 1 - suffix] {
            suffix += 1
        }
        // Likewise the common end starts a line in both texts (or is empty).
        while suffix > 0, !(startsLine(oldBytes, at: oldBytes.count - suffix)
            && startsLine(newBytes, at: newBytes.count - suffix)) {
            suffix -= 1
        }

        let prefixScalars = old.scalarOffset(ofByte: prefix)
        let suffixScalars = old.scalarCount - old.scalarOffset(ofByte: oldBytes.count - suffix)
        var segments = [OffsetMap.Segment(oldStart: 0, newStart: 0, length: prefixScalars)]
        let middle = Hunk(
            oldBytes: prefix..<(oldBytes.count - suffix), oldScalar: prefixScalars,
            newBytes: prefix..<(newBytes.count - suffix), newScalar: prefixScalars)
        if !middle.oldBytes.isEmpty, !middle.newBytes.isEmpty {
            var interner = TokenInterner()
            segments += diffLines(middle, old: oldBytes, new: newBytes, interner: &interner)
        }
        segments.append(OffsetMap.Segment(
            oldStart: old.scalarCount - suffixScalars, newStart: new.scalarCount - suffixScalars,
            length: suffixScalars))
        return OffsetMap(segments: segments, oldLength: old.scalarCount, newLength: new.scalarCount)
    }

    /// True at the start of the text and just after a run of newlines (not inside one: line
    /// tokens keep their blank lines).
    private static func startsLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index == 0 || (bytes[index - 1] == 0x0A && (index == bytes.count || bytes[index] != 0x0A))
    }

    /// How many leading bytes (at most `limit`) the two texts share, compared eight at a time.
    private static func commonPrefixLength(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int {
        var index = 0
        if let aBase = a.baseAddress, let bBase = b.baseAddress {
            let aRaw = UnsafeRawPointer(aBase)
            let bRaw = UnsafeRawPointer(bBase)
            while index + 8 <= limit,
                  aRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    == bRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                index += 8
            }
        }
        while index < limit, a[index] == b[index] { index += 1 }
        return index
    }

    /// A changed stretch: byte ranges in both texts and the scalar offsets where they start.
    private struct Hunk {
        var oldBytes: Range<Int>
        var oldScalar: Int
        var newBytes: Range<Int>
        var newScalar: Int
    }

    private static func diffLines(
        _ hunk: Hunk, old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>,
        interner: inout TokenInterner
    ) -> [OffsetMap.Segment] {
        let oldLines = DiffTokens(
            old, range: hunk.oldBytes, scalarStart: hunk.oldScalar, granularity: .lines, interner: &interner)
        let newLines = DiffTokens(
            new, range: hunk.newBytes, scalarStart: hunk.newScalar, granularity: .lines, interner: &interner)
        guard let found = MyersDiff.equalRuns(oldLines.ids, newLines.ids) else {
            return diffWords(hunk, old: old, new: new, interner: &interner)
        }
        let runs = DiffSlider.slid(found, old: oldLines, new: newLines, oldBytes: old, newBytes: new)
        return segments(of: runs, oldLines, newLines) { changed in
            diffWords(changed, old: old, new: new, interner: &interner)
        }
    }

    private static func diffWords(
        _ hunk: Hunk, old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>,
        interner: inout TokenInterner
    ) -> [OffsetMap.Segment] {
        guard hunk.oldBytes.count + hunk.newBytes.count <= ReanchorPolicy.maximumWordDiffBytes else {
            return commonEnds(hunk, old: old, new: new)
        }
        let oldWords = DiffTokens(
            old, range: hunk.oldBytes, scalarStart: hunk.oldScalar, granularity: .words, interner: &interner)
        let newWords = DiffTokens(
            new, range: hunk.newBytes, scalarStart: hunk.newScalar, granularity: .words, interner: &interner)
        guard let found = MyersDiff.equalRuns(oldWords.ids, newWords.ids) else {
            return commonEnds(hunk, old: old, new: new)
        }
        let runs = DiffSlider.slid(found, old: oldWords, new: newWords, oldBytes: old, newBytes: new)
        // A word replaced by another may still share its first or last letters with it
        // ("demmand", "demand"): those are kept, so positions inside the word still map.
        return segments(of: runs, oldWords, newWords) { replaced in commonEnds(replaced, old: old, new: new) }
    }

    /// The segments of `runs`, and of each stretch replaced between two of them (or before the
    /// first, or after the last) as `replaced` diffs it.
    private static func segments(
        of runs: [MyersDiff.Run], _ old: DiffTokens, _ new: DiffTokens, replaced: (Hunk) -> [OffsetMap.Segment]
    ) -> [OffsetMap.Segment] {
        var segments: [OffsetMap.Segment] = []
        var oldToken = 0
        var newToken = 0
        for run in runs + [MyersDiff.Run(old: old.count, new: new.count, length: 0)] {
            if run.old > oldToken, run.new > newToken {
                segments += replaced(Hunk(
                    oldBytes: old.byteStarts[oldToken]..<old.byteStarts[run.old], oldScalar: old.scalarStarts[oldToken],
                    newBytes: new.byteStarts[newToken]..<new.byteStarts[run.new], newScalar: new.scalarStarts[newToken]))
            }
            if run.length > 0 { segments.append(segment(old, new, run)) }
            oldToken = run.old + run.length
            newToken = run.new + run.length
        }
        return segments
    }

    /// The scalars a replaced stretch shares at its start and at its end (cut on scalar
    /// boundaries, not overlapping), as up to two segments.
    private static func commonEnds(
        _ hunk: Hunk, old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>
    ) -> [OffsetMap.Segment] {
        let oldStart = hunk.oldBytes.lowerBound
        let newStart = hunk.newBytes.lowerBound
        let shorter = min(hunk.oldBytes.count, hunk.newBytes.count)
        var prefix = 0
        while prefix < shorter, old[oldStart + prefix] == new[newStart + prefix] { prefix += 1 }
        while prefix > 0, ScalarText.isContinuation(old, at: oldStart + prefix)
            || ScalarText.isContinuation(new, at: newStart + prefix) {
            prefix -= 1
        }
        var suffix = 0
        while suffix < shorter - prefix,
              old[hunk.oldBytes.upperBound - 1 - suffix] == new[hunk.newBytes.upperBound - 1 - suffix] {
            suffix += 1
        }
        while suffix > 0, ScalarText.isContinuation(old, at: hunk.oldBytes.upperBound - suffix) { suffix -= 1 }
        let prefixScalars = ScalarText.countScalars(in: old, oldStart..<(oldStart + prefix))
        let suffixScalars = ScalarText.countScalars(
            in: old, (hunk.oldBytes.upperBound - suffix)..<hunk.oldBytes.upperBound)
        let oldScalars = ScalarText.countScalars(in: old, hunk.oldBytes)
        let newScalars = ScalarText.countScalars(in: new, hunk.newBytes)
        return [
            OffsetMap.Segment(oldStart: hunk.oldScalar, newStart: hunk.newScalar, length: prefixScalars),
            OffsetMap.Segment(
                oldStart: hunk.oldScalar + oldScalars - suffixScalars, newStart: hunk.newScalar + newScalars - suffixScalars,
                length: suffixScalars),
        ]
    }

    /// The scalar segment of a run of equal tokens; equal tokens have equal scalar lengths.
    private static func segment(_ old: DiffTokens, _ new: DiffTokens, _ run: MyersDiff.Run) -> OffsetMap.Segment {
        let oldStart = old.scalarStarts[run.old]
        return OffsetMap.Segment(
            oldStart: oldStart, newStart: new.scalarStarts[run.new],
            length: old.scalarStarts[run.old + run.length] - oldStart)
    }
}
