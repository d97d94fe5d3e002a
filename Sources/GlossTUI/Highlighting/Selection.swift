import GlossCore

/// The text picked in visual mode: whole words from `start` up to `end`, possibly across
/// consecutive blocks, with one end (the active one) moved by motions.
public struct Selection: Hashable, Sendable {
    /// Inclusive, at the start of a word.
    public private(set) var start: TextPoint
    /// Exclusive, at the end of a word; never before the end of the word at `start`.
    public private(set) var end: TextPoint
    /// Whether motions move `end` (true at first) or `start`.
    public private(set) var activeIsEnd: Bool

    /// The end that motions move.
    public var active: TextPoint { activeIsEnd ? end : start }

    /// The first sentence of `block` (its words; if the block has no sentence, its first word);
    /// nil when the block has no words.
    public init?(firstSentenceOf block: Int, in blocks: [Block]) {
        guard blocks.indices.contains(block) else { return nil }
        let words = SelectionWords(text: blocks[block].text)
        guard let first = words.words.first else { return nil }
        let lastWord = words.hasSentences ? (words.sentenceLasts.first ?? 0) : 0
        guard words.words.indices.contains(lastWord) else { return nil }
        start = TextPoint(block: block, offset: first.lowerBound)
        end = TextPoint(block: block, offset: words.words[lastWord].upperBound)
        activeIsEnd = true
    }

    /// The words that `start..<end` touches, snapped outward to whole words; an empty range
    /// selects the word at `start`. Nil when the range holds no word.
    public init?(start: TextPoint, end: TextPoint, in blocks: [Block]) {
        var index = SelectionWordIndex(blocks)
        guard let first = index.word(atOrAfter: start) else { return nil }
        let last = end > start ? index.word(endingAtOrBefore: end) : first
        guard let last, first <= last else { return nil }
        self.start = index.startPoint(of: first)
        self.end = index.endPoint(of: last)
        activeIsEnd = true
    }

    /// Moves the active end by `motion`, never past the other end, so at least one word stays
    /// selected. Returns false when the selection did not change (for example `j` in the last
    /// paragraph, or a motion already stopped by the other end); `swapEnds` always succeeds.
    @discardableResult
    public mutating func apply(_ motion: SelectionMotion, in blocks: [Block]) -> Bool {
        if motion == .swapEnds {
            activeIsEnd.toggle()
            return true
        }
        var index = SelectionWordIndex(blocks)
        guard let first = index.word(atOrAfter: start),
              let last = index.word(endingAtOrBefore: end), first <= last
        else { return false }
        let moved: (start: WordPosition, end: WordPosition)
        if activeIsEnd {
            guard let target = index.endTarget(of: motion, from: last) else { return false }
            moved = (first, max(target, first))
        } else {
            guard let target = index.startTarget(of: motion, from: first) else { return false }
            moved = (min(target, last), last)
        }
        let newStart = index.startPoint(of: moved.start)
        let newEnd = index.endPoint(of: moved.end)
        guard newStart != start || newEnd != end else { return false }
        start = newStart
        end = newEnd
        return true
    }

    /// The selected scalar range in each covered block, in order (blocks with no words in
    /// between are skipped). Inner blocks are covered from their first to their last word.
    public func blockRanges(in blocks: [Block]) -> [(block: Int, range: Range<Int>)] {
        guard !blocks.isEmpty, start.block < blocks.count, end.block >= 0 else { return [] }
        var ranges: [(block: Int, range: Range<Int>)] = []
        for block in max(start.block, 0)...min(end.block, blocks.count - 1) {
            let text = blocks[block].text.unicodeScalars
            let leading = text.prefix { $0.properties.isWhitespace }.count
            let trailing = text.reversed().prefix { $0.properties.isWhitespace }.count
            let count = text.count
            let lower = block == start.block ? min(max(start.offset, 0), count) : leading
            let upper = block == end.block ? min(max(end.offset, 0), count) : count - trailing
            if lower < upper { ranges.append((block, lower..<upper)) }
        }
        return ranges
    }
}
