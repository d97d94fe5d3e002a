import GlossCore

/// A word of an article: its block and its index among that block's words.
struct WordPosition: Hashable, Sendable, Comparable {
    var block: Int
    var word: Int

    static func < (lhs: WordPosition, rhs: WordPosition) -> Bool {
        lhs.block != rhs.block ? lhs.block < rhs.block : lhs.word < rhs.word
    }
}

/// The words of an article's blocks, split only for the blocks a motion visits, so a key
/// press costs the length of a paragraph or two rather than of the whole article.
struct SelectionWordIndex {
    let blocks: [Block]
    private var cache: [Int: SelectionWords] = [:]

    init(_ blocks: [Block]) {
        self.blocks = blocks
    }

    mutating func words(in block: Int) -> SelectionWords {
        if let cached = cache[block] { return cached }
        let words = SelectionWords(text: blocks.indices.contains(block) ? blocks[block].text : "")
        cache[block] = words
        return words
    }

    /// The nearest block after `block` that has words.
    mutating func nextBlock(after block: Int) -> Int? {
        var candidate = max(block + 1, 0)
        while candidate < blocks.count {
            if !words(in: candidate).isEmpty { return candidate }
            candidate += 1
        }
        return nil
    }

    /// The nearest block before `block` that has words.
    mutating func previousBlock(before block: Int) -> Int? {
        var candidate = min(block - 1, blocks.count - 1)
        while candidate >= 0 {
            if !words(in: candidate).isEmpty { return candidate }
            candidate -= 1
        }
        return nil
    }

    mutating func next(_ position: WordPosition) -> WordPosition? {
        if position.word < words(in: position.block).lastIndex {
            return WordPosition(block: position.block, word: position.word + 1)
        }
        return nextBlock(after: position.block).map { WordPosition(block: $0, word: 0) }
    }

    mutating func previous(_ position: WordPosition) -> WordPosition? {
        if position.word > 0 { return WordPosition(block: position.block, word: position.word - 1) }
        return previousBlock(before: position.block).map { WordPosition(block: $0, word: words(in: $0).lastIndex) }
    }

    /// Where a selection beginning at `position` starts: the first scalar of its word.
    mutating func startPoint(of position: WordPosition) -> TextPoint {
        let words = words(in: position.block).words
        let offset = words.indices.contains(position.word) ? words[position.word].lowerBound : 0
        return TextPoint(block: position.block, offset: offset)
    }

    /// Where a selection ending with `position` ends: just past its word.
    mutating func endPoint(of position: WordPosition) -> TextPoint {
        let words = words(in: position.block).words
        let offset = words.indices.contains(position.word) ? words[position.word].upperBound : 0
        return TextPoint(block: position.block, offset: offset)
    }

    /// The word containing `point`, else the first one after it in reading order.
    mutating func word(atOrAfter point: TextPoint) -> WordPosition? {
        guard !blocks.isEmpty, point.block < blocks.count else { return nil }
        let block = max(point.block, 0)
        let offset = point.block < 0 ? 0 : point.offset
        if let index = words(in: block).startWord(at: offset) { return WordPosition(block: block, word: index) }
        return nextBlock(after: block).map { WordPosition(block: $0, word: 0) }
    }

    /// The word holding the scalar just before `point`, else the last one before that.
    mutating func word(endingAtOrBefore point: TextPoint) -> WordPosition? {
        guard !blocks.isEmpty, point.block >= 0 else { return nil }
        let block = min(point.block, blocks.count - 1)
        let offset = point.block >= blocks.count ? Int.max : point.offset
        if let index = words(in: block).endWord(at: offset) { return WordPosition(block: block, word: index) }
        return previousBlock(before: block).map { WordPosition(block: $0, word: words(in: $0).lastIndex) }
    }
}
