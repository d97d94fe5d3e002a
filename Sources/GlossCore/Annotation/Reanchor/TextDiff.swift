/// Diffs two texts into an `OffsetMap` without going quadratic on large ones.
///
/// The common prefix and suffix are trimmed byte by byte first: most edits are local, so this
/// usually leaves a few lines. The middle is diffed line by line, and each changed run of lines
/// word by word. A diff that exceeds its limits (see `ReanchorPolicy`) leaves its part counted as
/// replaced, which only means annotations there are found by quote search instead of mapped.
enum TextDiff {
    static func offsetMap(old: ScalarText, new: ScalarText) -> OffsetMap {
        let oldBytes = old.bytes
        let newBytes = new.bytes
        let shorter = min(oldBytes.count, newBytes.count)
        var prefix = commonPrefixLength(oldBytes, newBytes, limit: shorter)
        // Cut on a scalar boundary; the bytes before are equal, so it is one in both texts.
        while prefix > 0, ScalarText.isContinuation(oldBytes, at: prefix)
            || ScalarText.isContinuation(newBytes, at: prefix) {
            prefix -= 1
        }
        var suffix = 0
        while suffix < shorter - prefix,
              oldBytes[oldBytes.count - 1 - suffix] == newBytes[newBytes.count - 1 - suffix] {
            suffix += 1
        }
        while suffix > 0, ScalarText.isContinuation(oldBytes, at: oldBytes.count - suffix) { suffix -= 1 }

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
        guard let runs = MyersDiff.equalRuns(oldLines.ids, newLines.ids) else {
            return diffWords(hunk, old: old, new: new, interner: &interner)
        }
        var segments: [OffsetMap.Segment] = []
        var oldLine = 0
        var newLine = 0
        let end = MyersDiff.Run(old: oldLines.count, new: newLines.count, length: 0)
        for run in runs + [end] {
            if run.old > oldLine, run.new > newLine {
                let changed = Hunk(
                    oldBytes: oldLines.byteStarts[oldLine]..<oldLines.byteStarts[run.old],
                    oldScalar: oldLines.scalarStarts[oldLine],
                    newBytes: newLines.byteStarts[newLine]..<newLines.byteStarts[run.new],
                    newScalar: newLines.scalarStarts[newLine])
                segments += diffWords(changed, old: old, new: new, interner: &interner)
            }
            segments.append(segment(oldLines, newLines, run))
            oldLine = run.old + run.length
            newLine = run.new + run.length
        }
        return segments
    }

    private static func diffWords(
        _ hunk: Hunk, old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>,
        interner: inout TokenInterner
    ) -> [OffsetMap.Segment] {
        guard hunk.oldBytes.count + hunk.newBytes.count <= ReanchorPolicy.maximumWordDiffBytes else { return [] }
        let oldWords = DiffTokens(
            old, range: hunk.oldBytes, scalarStart: hunk.oldScalar, granularity: .words, interner: &interner)
        let newWords = DiffTokens(
            new, range: hunk.newBytes, scalarStart: hunk.newScalar, granularity: .words, interner: &interner)
        guard let runs = MyersDiff.equalRuns(oldWords.ids, newWords.ids) else { return [] }
        return runs.map { segment(oldWords, newWords, $0) }
    }

    /// The scalar segment of a run of equal tokens; equal tokens have equal scalar lengths.
    private static func segment(_ old: DiffTokens, _ new: DiffTokens, _ run: MyersDiff.Run) -> OffsetMap.Segment {
        let oldStart = old.scalarStarts[run.old]
        return OffsetMap.Segment(
            oldStart: oldStart, newStart: new.scalarStarts[run.new],
            length: old.scalarStarts[run.old + run.length] - oldStart)
    }
}
