import Testing

@testable import GlossCore

/// Random articles, random edits of the kinds editors make, highlights on random passages; the
/// edit remembers where every word of the new text came from, so the test knows the truth:
/// - a highlight whose passage the edit deleted never ends attached to text that descends from
///   other old text (a lookalike, edited or not);
/// - a highlight whose passage survived verbatim ends on it (on one of its copies, if the edit
///   duplicated it) when it can be recognized: more than four words, or its stored context still
///   next to it on one side. Otherwise (a word or two of a short sentence that moved) it may be
///   orphaned, which the rules prefer to guessing, but it never lands on other old text.
@Suite("Reanchor: edits with known provenance")
struct ReanchorPropertyTests {
    @Test func deletedPassagesNeverLandOnOtherTextAndSurvivingOnesStay() throws {
        var random = ReanchorRandom(seed: 1812)
        var checked = (deleted: 0, survived: 0, recognized: 0, attachedDeleted: 0)
        for round in 0..<150 {
            var article = ProvenanceArticle(random: &random)
            let old = article.text()
            let passages = (0..<10).compactMap { _ in article.randomPassage(&random) }
            for _ in 0..<Int.random(in: 1...4, using: &random) { article.edit(&random) }
            let new = article.text()
            guard old.article.text != new.article.text else { continue }
            let annotations = try passages.enumerated().map { index, passage in
                let range = try #require(old.range(of: passage))
                return Annotation(
                    id: "\(index)", created: ReanchorFixture.created,
                    anchor: try #require(AnnotationAnchor(range: range, in: old.article)))
            }
            let result = ReanchorFixture.reanchor(annotations, from: old.article, to: new.article, keepSnapshot: true)
            #expect(result.map(\.id) == annotations.map(\.id))
            for (passage, (before, annotation)) in zip(passages, zip(annotations, result)) {
                let anchor = annotation.anchor
                let label = "round \(round): \(old.article.text.debugDescription) → \(new.article.text.debugDescription), passage \(passage), got \(anchor.status) \(anchor.position.range) \(anchor.quote.exact.debugDescription)"
                let range = anchor.position.range
                let fromOther = new.scalarsDescending(in: range, fromOtherThan: passage.sentence)
                let survivors = new.ranges(ofSurviving: passage)
                if !survivors.isEmpty {
                    checked.survived += 1
                    // Recognizable: long enough to be taken anywhere, or with the stored context
                    // still next to it on one side. A word or two whose surroundings all
                    // changed (a short sentence moved) may be orphaned, but never moved off.
                    let quote = before.anchor.quote
                    let recognizable = QuoteTarget.words(in: quote.exact.unicodeScalars) > ReanchorPolicy.mediumQuoteWords
                        || survivors.contains { survivor in
                            let context = TextQuoteSelector(in: new.article.text, range: survivor)
                            return context?.prefix == quote.prefix || context?.suffix == quote.suffix
                        }
                    if recognizable {
                        checked.recognized += 1
                        #expect(survivors.contains(range) && anchor.status != .orphan, "survived: \(label)")
                    } else if anchor.status != .orphan {
                        #expect(survivors.contains(range) || 2 * fromOther <= range.count, "survived, moved off: \(label)")
                    }
                } else if new.isGone(passage) {
                    checked.deleted += 1
                    guard anchor.status != .orphan else { continue }
                    checked.attachedDeleted += 1
                    #expect(2 * fromOther <= range.count, "deleted, \(fromOther) scalars from other old text: \(label)")
                }
            }
        }
        // The generator really makes all kinds.
        #expect(checked.deleted > 100 && checked.recognized > 300 && checked.attachedDeleted > 0, "\(checked)")
    }
}

/// An article as paragraphs of sentences of words, each word remembering which old sentence
/// and word it is (nil for words the edit wrote).
struct ProvenanceArticle {
    struct Word: Equatable {
        var text: String
        var origin: Origin?
    }

    struct Origin: Hashable {
        var sentence: Int
        var word: Int
    }

    /// Words `words` of old sentence `sentence`.
    struct Passage: CustomStringConvertible {
        var sentence: Int
        var words: Range<Int>
        var description: String { "sentence \(sentence) words \(words)" }
    }

    /// The text made of the paragraphs, and where each word of it is.
    struct Rendered {
        var article: ArticleText
        /// Scalar range of each word, and the word, in reading order.
        var words: [(range: Range<Int>, word: Word, sentence: Int)]

        /// The passage's range in the old text (made before any edit, where origins are exact).
        func range(of passage: Passage) -> Range<Int>? {
            let covered = words.filter {
                $0.word.origin.map { $0.sentence == passage.sentence && passage.words.contains($0.word) } ?? false
            }
            guard let first = covered.first, let last = covered.last else { return nil }
            return first.range.lowerBound..<last.range.upperBound
        }

        /// Every place where all the passage's words follow one another unchanged, in one sentence.
        func ranges(ofSurviving passage: Passage) -> [Range<Int>] {
            var found: [Range<Int>] = []
            for start in words.indices where words[start].word.origin == Origin(sentence: passage.sentence, word: passage.words.lowerBound) {
                var end = start
                var ok = true
                for (offset, wordIndex) in passage.words.enumerated() {
                    let index = start + offset
                    guard index < words.count, words[index].sentence == words[start].sentence,
                          words[index].word.origin == Origin(sentence: passage.sentence, word: wordIndex)
                    else { ok = false; break }
                    end = index
                }
                if ok { found.append(words[start].range.lowerBound..<words[end].range.upperBound) }
            }
            return found
        }

        /// True when none of the passage's words is left.
        func isGone(_ passage: Passage) -> Bool {
            !words.contains { $0.word.origin.map { $0.sentence == passage.sentence && passage.words.contains($0.word) } ?? false }
        }

        /// Scalars of `range` in words that come from old sentences other than `sentence`.
        func scalarsDescending(in range: Range<Int>, fromOtherThan sentence: Int) -> Int {
            words.reduce(0) { total, entry in
                guard let origin = entry.word.origin, origin.sentence != sentence else { return total }
                let overlap = max(0, min(range.upperBound, entry.range.upperBound) - max(range.lowerBound, entry.range.lowerBound))
                return total + overlap
            }
        }
    }

    /// A small vocabulary, so that words, pairs and sentence openings recur as in news copy.
    static let vocabulary = [
        "the", "the", "the", "of", "of", "a", "to", "and", "in", "on", "said", "would", "not", "comment",
        "city", "council", "board", "plan", "vote", "mayor", "police", "water", "bridge", "crews", "report",
        "Monday", "Tuesday", "million", "$4.2", "40", "percent", "residents", "officials", "spokesman",
        "Zürich", "café", "東京", "🙂", "“quoted”", "it's",
    ]

    var paragraphs: [[[Word]]] = []
    private var nextSentence = 0

    init(random: inout ReanchorRandom) {
        var seen: Set<String> = []
        for _ in 0..<Int.random(in: 2...6, using: &random) {
            var sentences: [[Word]] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                var words: [String] = []
                // Old sentences are all different (though lookalikes abound).
                repeat {
                    words = Self.sentence(&random)
                } while !seen.insert(words.joined(separator: " ")).inserted
                let id = nextSentence
                nextSentence += 1
                sentences.append(words.enumerated().map { Word(text: $1, origin: Origin(sentence: id, word: $0)) })
            }
            paragraphs.append(sentences)
        }
    }

    static func sentence(_ random: inout ReanchorRandom) -> [String] {
        var words = (0..<Int.random(in: 4...11, using: &random)).map { _ in vocabulary.randomElement(using: &random) ?? "the" }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        words[words.count - 1] += "."
        return words
    }

    func text() -> Rendered {
        var blocks: [String] = []
        var words: [(range: Range<Int>, word: Word, sentence: Int)] = []
        var offset = 0
        var sentenceNumber = 0
        for paragraph in paragraphs {
            var block = ""
            for sentence in paragraph {
                if !block.isEmpty { block += " " }
                for (index, word) in sentence.enumerated() {
                    if index > 0 { block += " " }
                    let start = offset + block.unicodeScalars.count
                    block += word.text
                    words.append((start..<(offset + block.unicodeScalars.count), word, sentenceNumber))
                }
                sentenceNumber += 1
            }
            blocks.append(block)
            offset += block.unicodeScalars.count + ArticleText.separatorLength
        }
        return Rendered(article: ArticleText(blockTexts: blocks), words: words)
    }

    /// A run of words of one sentence; picked before the edit.
    func randomPassage(_ random: inout ReanchorRandom) -> Passage? {
        let sentences = paragraphs.flatMap { $0 }.filter { $0.allSatisfy { $0.origin != nil } }
        guard let sentence = sentences.randomElement(using: &random), let id = sentence.first?.origin?.sentence else { return nil }
        let length = Int.random(in: 1...sentence.count, using: &random)
        let start = Int.random(in: 0...(sentence.count - length), using: &random)
        return Passage(sentence: id, words: start..<(start + length))
    }

    private func location(_ random: inout ReanchorRandom) -> (paragraph: Int, sentence: Int)? {
        guard let paragraph = paragraphs.indices.randomElement(using: &random), !paragraphs[paragraph].isEmpty else { return nil }
        return (paragraph, Int.random(in: 0..<paragraphs[paragraph].count, using: &random))
    }

    /// One edit of the kinds the suite of cases covers.
    mutating func edit(_ random: inout ReanchorRandom) {
        guard let (p, s) = location(&random) else { return }
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            // A new sentence, often starting with the words of the one it goes before.
            var words = Self.sentence(&random)
            if Bool.random(using: &random) {
                let opening = paragraphs[p][s].prefix(min(3, paragraphs[p][s].count - 1)).map(\.text)
                words.replaceSubrange(0..<min(opening.count, words.count - 1), with: opening)
            }
            paragraphs[p].insert(words.map { Word(text: $0, origin: nil) }, at: s)
        case 1:
            // A new paragraph above.
            paragraphs.insert([Self.sentence(&random).map { Word(text: $0, origin: nil) }], at: p)
        case 2:
            paragraphs[p].remove(at: s)
        case 3:
            paragraphs.remove(at: p)
        case 4:
            // A word corrected.
            let word = Int.random(in: 0..<paragraphs[p][s].count, using: &random)
            paragraphs[p][s][word] = Word(text: Self.vocabulary.randomElement(using: &random) ?? "a", origin: nil)
        case 5:
            // A sentence deleted and its neighbour, a lookalike or not, lightly corrected.
            paragraphs[p].remove(at: s)
            guard !paragraphs[p].isEmpty else { break }
            let neighbour = min(s, paragraphs[p].count - 1)
            let word = Int.random(in: 0..<paragraphs[p][neighbour].count, using: &random)
            paragraphs[p][neighbour][word].text += "s"
            paragraphs[p][neighbour][word].origin = nil
        case 6:
            // A sentence duplicated elsewhere.
            let copy = paragraphs[p][s]
            guard let (q, t) = location(&random) else { return }
            paragraphs[q].insert(copy, at: t)
        case 7:
            // A sentence moved (or two swapped).
            let moved = paragraphs[p].remove(at: s)
            let q = Int.random(in: 0..<paragraphs.count, using: &random)
            paragraphs[q].insert(moved, at: Int.random(in: 0...paragraphs[q].count, using: &random))
        case 8:
            // A paragraph split, or two merged.
            if s > 0 {
                let tail = Array(paragraphs[p][s...])
                paragraphs[p].removeSubrange(s...)
                paragraphs.insert(tail, at: p + 1)
            } else if p + 1 < paragraphs.count {
                paragraphs[p] += paragraphs.remove(at: p + 1)
            }
        default:
            // A lookalike of a sentence added beside it: the same words, one changed.
            var words = paragraphs[p][s].map { Word(text: $0.text, origin: nil) }
            let word = Int.random(in: 0..<words.count, using: &random)
            words[word].text = Self.vocabulary.randomElement(using: &random) ?? "a"
            paragraphs[p].insert(words, at: s + 1)
        }
        paragraphs.removeAll { $0.isEmpty }
        if paragraphs.isEmpty { paragraphs = [[Self.sentence(&random).map { Word(text: $0, origin: nil) }]] }
    }
}
