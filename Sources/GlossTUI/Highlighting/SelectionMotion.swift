/// A visual-mode motion of the active end of a `Selection`.
public enum SelectionMotion: Sendable, Hashable {
    /// `)`: to the end of the next sentence (or the start of the next one for the start end).
    case sentenceForward
    /// `(`: to the end of the previous sentence (or the start of the current/previous one).
    case sentenceBackward
    /// `w`: one word on.
    case wordForward
    /// `b`: one word back.
    case wordBackward
    /// `o`: makes the other end the active one.
    case swapEnds
    /// `j`: into the next block that has words.
    case nextParagraph
    /// `k`: into the previous block that has words.
    case previousParagraph
    /// `0`: to the start of the active end's block.
    case paragraphStart
    /// `$`: to the end of the active end's block.
    case paragraphEnd
}

extension SelectionWordIndex {
    /// Where `motion` takes the selection's last word, before clamping to the first one.
    mutating func endTarget(of motion: SelectionMotion, from end: WordPosition) -> WordPosition? {
        let words = words(in: end.block)
        switch motion {
        case .wordForward:
            return next(end)
        case .wordBackward:
            return previous(end)
        case .sentenceForward:
            if let last = words.sentenceLasts.first(where: { $0 > end.word }) {
                return WordPosition(block: end.block, word: last)
            }
            return firstSentenceEnd(after: end.block)
        case .sentenceBackward:
            if let last = words.sentenceLasts.last(where: { $0 < end.word }) {
                return WordPosition(block: end.block, word: last)
            }
            return lastWord(before: end.block)
        case .nextParagraph:
            return firstSentenceEnd(after: end.block)
        case .previousParagraph:
            return lastWord(before: end.block)
        case .paragraphStart:
            return WordPosition(block: end.block, word: 0)
        case .paragraphEnd:
            return WordPosition(block: end.block, word: words.lastIndex)
        case .swapEnds:
            return end
        }
    }

    /// Where `motion` takes the selection's first word, before clamping to the last one.
    mutating func startTarget(of motion: SelectionMotion, from start: WordPosition) -> WordPosition? {
        let words = words(in: start.block)
        switch motion {
        case .wordForward:
            return next(start)
        case .wordBackward:
            return previous(start)
        case .sentenceForward:
            if let first = words.sentenceFirsts.first(where: { $0 > start.word }) {
                return WordPosition(block: start.block, word: first)
            }
            return firstWord(after: start.block)
        case .sentenceBackward:
            if let first = words.sentenceFirsts.last(where: { $0 < start.word }) {
                return WordPosition(block: start.block, word: first)
            }
            return lastSentenceStart(before: start.block)
        case .nextParagraph:
            return firstWord(after: start.block)
        case .previousParagraph:
            return lastSentenceStart(before: start.block)
        case .paragraphStart:
            return WordPosition(block: start.block, word: 0)
        case .paragraphEnd:
            return WordPosition(block: start.block, word: words.lastIndex)
        case .swapEnds:
            return start
        }
    }

    private mutating func firstSentenceEnd(after block: Int) -> WordPosition? {
        guard let next = nextBlock(after: block) else { return nil }
        return WordPosition(block: next, word: words(in: next).sentenceLasts.first ?? 0)
    }

    private mutating func firstWord(after block: Int) -> WordPosition? {
        nextBlock(after: block).map { WordPosition(block: $0, word: 0) }
    }

    private mutating func lastWord(before block: Int) -> WordPosition? {
        guard let previous = previousBlock(before: block) else { return nil }
        return WordPosition(block: previous, word: words(in: previous).lastIndex)
    }

    private mutating func lastSentenceStart(before block: Int) -> WordPosition? {
        guard let previous = previousBlock(before: block) else { return nil }
        return WordPosition(block: previous, word: words(in: previous).sentenceFirsts.last ?? 0)
    }
}
