import GlossCore

/// The words of one block and which of them begin and end its sentences, the stops that
/// selection motions move between.
struct SelectionWords: Sendable {
    /// Scalar ranges of the block's words, in order.
    let words: [Range<Int>]
    /// Indices into `words` of each sentence's first word, increasing; always holds 0.
    let sentenceFirsts: [Int]
    /// Indices into `words` of each sentence's last word, increasing; always holds the last word.
    let sentenceLasts: [Int]
    /// Whether the sentence splitter found any sentence at all.
    let hasSentences: Bool

    init(text: String) {
        let words = TextBoundaries.wordRanges(in: text)
        let sentences = words.isEmpty ? [] : TextBoundaries.sentenceRanges(in: text)
        self.words = words
        hasSentences = !sentences.isEmpty
        guard !words.isEmpty else {
            sentenceFirsts = []
            sentenceLasts = []
            return
        }
        // Both lists are sorted, so one walk maps every sentence to the words it touches; a
        // sentence boundary inside a word (rare) snaps outward to that word.
        var firsts: [Int] = [0]
        var lasts: [Int] = []
        var wordIndex = 0
        for sentence in sentences {
            while wordIndex < words.count, words[wordIndex].upperBound <= sentence.lowerBound { wordIndex += 1 }
            guard wordIndex < words.count else { break }
            if wordIndex > (firsts.last ?? -1) { firsts.append(wordIndex) }
            var last = wordIndex
            while last + 1 < words.count, words[last + 1].lowerBound < sentence.upperBound { last += 1 }
            if last > (lasts.last ?? -1) { lasts.append(last) }
            wordIndex = last
        }
        if lasts.last != words.count - 1 { lasts.append(words.count - 1) }
        sentenceFirsts = firsts
        sentenceLasts = lasts
    }

    var isEmpty: Bool { words.isEmpty }
    var lastIndex: Int { words.count - 1 }

    /// The word a selection starting at `offset` begins with: the one containing it, else the
    /// next one; nil when no word starts at or after it.
    func startWord(at offset: Int) -> Int? {
        let index = firstIndex { $0.upperBound > offset }
        return index < words.count ? index : nil
    }

    /// The word a selection ending (exclusively) at `offset` ends with: the one containing the
    /// scalar before it, else the previous one; nil when no word ends before it.
    func endWord(at offset: Int) -> Int? {
        let index = firstIndex { $0.lowerBound >= offset }
        return index > 0 ? index - 1 : nil
    }

    /// The first word satisfying a predicate that is false then true along the words.
    private func firstIndex(where isAtOrPast: (Range<Int>) -> Bool) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(words[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
