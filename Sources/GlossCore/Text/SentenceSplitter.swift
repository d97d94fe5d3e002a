/// Splits text into sentences with the rules described on `TextBoundaries.sentenceRanges`.
struct SentenceSplitter {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func ranges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var index = 0
        let count = scalars.count

        func close(at end: Int) {
            if let begin = start {
                let trimmed = trimmedEnd(end, notBefore: begin)
                if begin < trimmed { ranges.append(begin..<trimmed) }
            }
            start = nil
        }

        while index < count {
            let scalar = scalars[index]
            if Punctuation.isLineBreak(scalar) {
                close(at: index)
                index += 1
                continue
            }
            if start == nil {
                if scalar.properties.isWhitespace {
                    index += 1
                    continue
                }
                start = index
            }
            if Punctuation.isCJKTerminator(scalar) {
                let end = endOfTerminator(from: index)
                close(at: end)
                index = end
            } else if Punctuation.isLatinTerminator(scalar) {
                let end = endOfTerminator(from: index)
                if end == count || (scalars[end].properties.isWhitespace && endsSentence(terminatorAt: index, next: end)) {
                    close(at: end)
                }
                index = end
            } else {
                index += 1
            }
        }
        close(at: count)
        return ranges
    }

    /// Past the run of terminators, closing quotes/brackets and combining marks starting at `index`.
    private func endOfTerminator(from index: Int) -> Int {
        var end = index + 1
        while end < scalars.count, Punctuation.isTerminator(scalars[end]) { end += 1 }
        while end < scalars.count, Punctuation.isCloser(scalars[end]) || Punctuation.isExtender(scalars[end]) {
            end += 1
        }
        return end
    }

    private func trimmedEnd(_ end: Int, notBefore start: Int) -> Int {
        var end = min(end, scalars.count)
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return end
    }

    /// Whether the terminator at `index`, with whitespace at `next`, ends its sentence.
    private func endsSentence(terminatorAt index: Int, next: Int) -> Bool {
        guard let word = nextWordStart(from: next) else { return true }
        let first = scalars[word]
        if Punctuation.isLineBreak(first) { return true }
        if first.properties.isLowercase { return false }
        // Only a lone period can close an abbreviation; "?!" and "..." cannot.
        guard scalars[index] == ".", index + 1 < scalars.count, !Punctuation.isTerminator(scalars[index + 1]) else {
            return true
        }
        let token = wordBefore(index)
        guard !token.isEmpty else { return true }
        return !Abbreviations.isAbbreviation(token, beforeDigit: first.properties.numericType != nil)
    }

    /// The first scalar of the next word, skipping whitespace (but not line breaks) and
    /// opening quotes or brackets.
    private func nextWordStart(from index: Int) -> Int? {
        var index = index
        while index < scalars.count {
            let scalar = scalars[index]
            if Punctuation.isLineBreak(scalar) { return index }
            if !scalar.properties.isWhitespace, !Punctuation.isOpener(scalar) { return index }
            index += 1
        }
        return nil
    }

    /// The token ending just before `index`, without the opening quotes or brackets before it.
    private func wordBefore(_ index: Int) -> [Unicode.Scalar] {
        var begin = index
        while begin > 0, !scalars[begin - 1].properties.isWhitespace { begin -= 1 }
        while begin < index, Punctuation.isOpener(scalars[begin]) || Punctuation.isCloser(scalars[begin]) {
            begin += 1
        }
        return Array(scalars[begin..<index])
    }
}
