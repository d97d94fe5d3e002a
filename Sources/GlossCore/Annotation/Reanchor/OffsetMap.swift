/// Which parts of an old text reappear unchanged in a new one, and where: a diff in
/// Unicode-scalar offsets, used to carry annotation positions across an edit of the article.
public struct OffsetMap: Sendable, Hashable {
    /// `length` scalars at `oldStart` of the old text, equal to those at `newStart` of the new.
    public struct Segment: Sendable, Hashable {
        public var oldStart: Int
        public var newStart: Int
        public var length: Int

        public init(oldStart: Int, newStart: Int, length: Int) {
            self.oldStart = oldStart
            self.newStart = newStart
            self.length = length
        }

        var oldEnd: Int { oldStart + length }
        var newEnd: Int { newStart + length }
    }

    /// Non-empty segments in increasing order in both texts; two segments never touch in both.
    public let segments: [Segment]
    /// The old text's length in scalars.
    public let oldLength: Int
    /// The new text's length in scalars.
    public let newLength: Int
    /// The parts of the new text that are not an unchanged copy of old text: insertions and
    /// replacements, and an empty range where old text was only deleted. In increasing order.
    public let changedRanges: [Range<Int>]

    /// The diff of two normalized article texts (see `ArticleText`).
    public init(from old: String, to new: String) {
        var oldText = old
        var newText = new
        self = oldText.withUTF8 { oldBytes in
            newText.withUTF8 { newBytes in
                TextDiff.offsetMap(old: ScalarText(oldBytes), new: ScalarText(newBytes))
            }
        }
    }

    /// Segments in increasing order; adjacent ones are merged and empty ones dropped.
    init(segments: [Segment], oldLength: Int, newLength: Int) {
        var merged: [Segment] = []
        merged.reserveCapacity(segments.count)
        for segment in segments where segment.length > 0 {
            if let last = merged.last, last.oldEnd == segment.oldStart, last.newEnd == segment.newStart {
                merged[merged.count - 1].length += segment.length
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
        self.oldLength = oldLength
        self.newLength = newLength
        self.changedRanges = Self.changedRanges(of: merged, oldLength: oldLength, newLength: newLength)
    }

    /// Where the scalar at `oldOffset` is in the new text; nil when it was deleted or replaced.
    public func newOffset(ofScalarAt oldOffset: Int) -> Int? {
        guard let segment = segment(containingOld: oldOffset) else { return nil }
        return segment.newStart + (oldOffset - segment.oldStart)
    }

    /// Where `oldRange` is in the new text, when its first and last scalars both survived; the
    /// text in between may have changed. An empty range maps when the scalar after it survived.
    public func newRange(of oldRange: Range<Int>) -> Range<Int>? {
        guard let start = newOffset(ofScalarAt: oldRange.lowerBound) else { return nil }
        guard !oldRange.isEmpty else { return start..<start }
        guard let last = newOffset(ofScalarAt: oldRange.upperBound - 1), last >= start else { return nil }
        return start..<(last + 1)
    }

    private static func changedRanges(of segments: [Segment], oldLength: Int, newLength: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var oldEnd = 0
        var newEnd = 0
        for segment in segments + [Segment(oldStart: oldLength, newStart: newLength, length: 0)] {
            if segment.oldStart > oldEnd || segment.newStart > newEnd {
                ranges.append(newEnd..<max(newEnd, segment.newStart))
            }
            oldEnd = segment.oldEnd
            newEnd = segment.newEnd
        }
        return ranges
    }

    /// True when `newRange` lies inside one segment: it is a copy of old text that was not
    /// changed, so it is where that old text went and nothing else moved there.
    func isUnchanged(_ newRange: Range<Int>) -> Bool {
        guard let segment = segment(containingNew: newRange.lowerBound) else { return false }
        return newRange.upperBound <= segment.newEnd
    }

    /// The smallest range of the new text holding every scalar of `oldRange` that survived; nil
    /// when none did.
    func newImage(of oldRange: Range<Int>) -> Range<Int>? {
        var index = lastIndex(where: { $0.oldStart <= oldRange.lowerBound }) ?? 0
        var image: Range<Int>?
        while index < segments.count, segments[index].oldStart < oldRange.upperBound {
            let segment = segments[index]
            let start = max(segment.oldStart, oldRange.lowerBound)
            let end = min(segment.oldEnd, oldRange.upperBound)
            if start < end {
                let piece = (segment.newStart + start - segment.oldStart)..<(segment.newStart + end - segment.oldStart)
                image = image.map { min($0.lowerBound, piece.lowerBound)..<max($0.upperBound, piece.upperBound) } ?? piece
            }
            index += 1
        }
        return image
    }

    /// How many scalars of `newRange` are copies of the old text inside `own`, and how many are
    /// copies of old text outside it, counting only segments of `ReanchorPolicy.minimumDescent`
    /// scalars or more there: inside rewritten text a diff pairs stray spaces and short words
    /// with any old text, which says nothing about where the text came from.
    func descent(of newRange: Range<Int>, own: Range<Int>) -> (own: Int, other: Int) {
        var fromOwn = 0
        var fromOther = 0
        var index = lastIndex(where: { $0.newStart <= newRange.lowerBound }) ?? 0
        while index < segments.count, segments[index].newStart < newRange.upperBound {
            let segment = segments[index]
            let start = max(segment.newStart, newRange.lowerBound)
            let end = min(segment.newEnd, newRange.upperBound)
            if start < end {
                // The same stretch in the old text, and how much of it lies inside `own`.
                let oldStart = segment.oldStart + (start - segment.newStart)
                let oldEnd = oldStart + (end - start)
                let inside = max(0, min(oldEnd, own.upperBound) - max(oldStart, own.lowerBound))
                fromOwn += inside
                if segment.length >= ReanchorPolicy.minimumDescent { fromOther += (end - start) - inside }
            }
            index += 1
        }
        return (fromOwn, fromOther)
    }

    /// True when the diff shows `newRange` to be mostly a copy of old text other than `own`
    /// (more of it than of `own`, and over a quarter of it): that text is where other old text
    /// went, edited or not, so it cannot be where the text at `own` went.
    func descendsFromOtherText(_ newRange: Range<Int>, own: Range<Int>) -> Bool {
        let (fromOwn, fromOther) = descent(of: newRange, own: own)
        return fromOther > fromOwn && fromOther * ReanchorPolicy.otherDescentShare > newRange.count
    }

    private func segment(containingOld offset: Int) -> Segment? {
        let index = lastIndex(where: { $0.oldStart <= offset })
        guard let index, offset < segments[index].oldEnd else { return nil }
        return segments[index]
    }

    private func segment(containingNew offset: Int) -> Segment? {
        let index = lastIndex(where: { $0.newStart <= offset })
        guard let index, offset < segments[index].newEnd else { return nil }
        return segments[index]
    }

    /// Binary search for the last segment satisfying `isAtOrBefore`, which must hold for a
    /// prefix of `segments`.
    private func lastIndex(where isAtOrBefore: (Segment) -> Bool) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrBefore(segments[mid]) { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }
}
