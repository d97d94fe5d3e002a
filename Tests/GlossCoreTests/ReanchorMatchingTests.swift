import Testing

@testable import GlossCore

@Suite("Reanchor: scalar offsets, edit distance, fuzzy search")
struct ReanchorMatchingTests {
    private func values(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func editDistanceAndSimilarity() {
        #expect(EditDistance.distance(values("kitten"), values("sitting")) == 3)
        #expect(EditDistance.distance(values(""), values("abc")) == 3)
        #expect(EditDistance.similarity(values("abcd"), values("abcd")) == 1)
        #expect(EditDistance.similarity(values(""), values("")) == 1)
        #expect(EditDistance.similarity(values("abcd"), values("wxyz")) == 0)
        #expect(EditDistance.similarity(values("abcde"), values("abcdx")) == 0.8)
    }

    @Test func wordsAreCountedAcrossScripts() {
        #expect(QuoteTarget.words(in: "the bridge".unicodeScalars) == 2)
        #expect(QuoteTarget.words(in: "$4.2 million".unicodeScalars) == 2)
        #expect(QuoteTarget.words(in: "the mayor's office, well-known".unicodeScalars) == 4)
        #expect(QuoteTarget.words(in: "cafe\u{301} au lait".unicodeScalars) == 3)
        #expect(QuoteTarget.words(in: "東京の天気".unicodeScalars) == 5)
        #expect(QuoteTarget.words(in: "🙂 — !".unicodeScalars) == 0)
    }

    @Test func theShorterTheQuoteTheMoreContextACopyNeeds() throws {
        let text = "Officials closed the bridge on Route 9 at noon. Update: repairs to the bridge will take weeks."
        var bytes = text
        try bytes.withUTF8 { buffer in
            let scalars = ScalarText(buffer)
            let copy = try ReanchorFixture.range(of: "the bridge", in: text, occurrence: 1)
            let own = try ReanchorFixture.range(of: "the bridge", in: text)
            let stored = TextQuoteSelector(exact: "the bridge", prefix: "Officials closed ", suffix: " on Route 9 at noon.")
            let target = QuoteTarget(stored)
            #expect(target.wordCount == 2)
            #expect(ContextScore(of: own, for: target, in: scalars).admits(target))
            #expect(!ContextScore(of: copy, for: target, in: scalars).admits(target))
            // A long quote is admitted for review whatever its context.
            let long = QuoteTarget(TextQuoteSelector(exact: "repairs to the bridge will take weeks", prefix: "zzz", suffix: "zzz"))
            let range = try ReanchorFixture.range(of: "repairs to the bridge will take weeks", in: text)
            #expect(ContextScore(of: range, for: long, in: scalars).admits(long))
            // No stored prefix agrees only at the start of the text.
            let opening = QuoteTarget(TextQuoteSelector(exact: "the bridge", prefix: "", suffix: "zzzz"))
            #expect(!ContextScore(of: own, for: opening, in: scalars).admits(opening))
        }
    }

    @Test func approximateMatchesReportTheirRangeAndCost() {
        let text = values("we saw strong demand for cloud services there")
        let matches = EditDistance.matches(of: values("strong demmand"), in: text, limit: 2)
        let best = matches.min { $0.distance < $1.distance }
        #expect(best == EditDistance.Match(range: 7..<20, distance: 1))
        #expect(EditDistance.matches(of: values("strong demmand"), in: values("nothing alike at all"), limit: 2).isEmpty)
    }

    @Test func scalarAndByteOffsetsAgreeWithAWalkOfTheString() throws {
        var random = ReanchorRandom(seed: 19)
        let text = (0..<60).map { _ in random.paragraph(length: 400) }.joined(separator: "\n\n")
        let scalars = Array(text.unicodeScalars)
        var byteStarts: [Int] = []
        var byte = 0
        for scalar in scalars {
            byteStarts.append(byte)
            byte += String(scalar).utf8.count
        }
        byteStarts.append(byte)
        #expect(byte > 3 * ScalarText.stride)
        var copy = text
        copy.withUTF8 { bytes in
            let indexed = ScalarText(bytes)
            #expect(!indexed.isASCII)
            #expect(indexed.scalarCount == scalars.count)
            var offsets: [Int] = []
            for offset in stride(from: 0, through: scalars.count, by: 37) + [scalars.count] {
                #expect(indexed.byteOffset(ofScalar: offset) == byteStarts[offset])
                #expect(indexed.scalarOffset(ofByte: byteStarts[offset]) == offset)
                offsets.append(offset)
            }
            var cursor = ScalarCursor(indexed)
            #expect(offsets.map { cursor.scalarOffset(ofByte: byteStarts[$0]) } == offsets)
            let range = 5000..<5100
            #expect(indexed.string(inScalars: range) == String(String.UnicodeScalarView(scalars[range])))
        }
    }

    @Test func aQuoteFoundAThousandTimesIsPlacedByItsContext() throws {
        var random = ReanchorRandom(seed: 37)
        var blocks = (0..<1000).map { _ in
            "\(random.sentence(words: 6)) The value is fixed. \(random.sentence(words: 6))"
        }
        let old = ArticleText(blockTexts: blocks)
        let anchor = try ReanchorFixture.anchor(quoting: "The value is fixed.", in: old, occurrence: 700)
        blocks[0] = "A new opening. " + blocks[0]
        let new = ArticleText(blockTexts: blocks)
        let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: false)
        #expect(found.status == .exact)
        #expect(found.blockIndex == 700)
        #expect(found.position.start == anchor.position.start + 15)
    }

    @Test func anUnchangedCopyIsNotTakenForADeletedHighlight() throws {
        let sentence = "Prices will rise again next year."
        let old = ArticleText(blockTexts: [
            "Forecast", "In January the bank said: \(sentence)", "Traders shrugged.", "Later, others agreed. \(sentence)",
        ])
        let new = ArticleText(blockTexts: ["Forecast", "Traders shrugged.", "Later, others agreed. \(sentence)"])
        let anchor = try ReanchorFixture.anchor(quoting: sentence, in: old, occurrence: 0)
        // The diff shows the remaining copy is the other, untouched sentence: not this one.
        let withDiff = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: true)
        #expect(withDiff.status == .orphan)
        #expect(withDiff.position == anchor.position)
        // Without it, the copy is all there is, and its context disagrees: offered for review.
        let withoutDiff = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: false)
        #expect(withoutDiff.status == .fuzzy)
        #expect(withoutDiff.blockIndex == 2)
    }

    @Test func editedQuotesAreFoundWhereTheyAre() throws {
        var random = ReanchorRandom(seed: 23)
        for round in 0..<30 {
            let paragraphs = (0..<8).map { _ in random.paragraph(length: 300) }
            let old = ArticleText(blockTexts: paragraphs)
            let oldScalars = Array(old.text.unicodeScalars)
            let length = Int.random(in: 20...120, using: &random)
            let start = Int.random(in: 0...(oldScalars.count - length), using: &random)
            let anchor = try #require(AnnotationAnchor(range: start..<(start + length), in: old))
            // One to length/20 edits inside the quote, away from its ends.
            var quote = Array(anchor.quote.exact.unicodeScalars)
            for _ in 0..<max(1, length / 20) {
                let at = Int.random(in: 3..<(quote.count - 3), using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: quote[at] = "#"
                case 1: quote.remove(at: at)
                default: quote.insert("#", at: at)
                }
            }
            var newScalars = oldScalars
            newScalars.replaceSubrange(start..<(start + length), with: quote)
            let new = ArticleText(blockTexts: String(String.UnicodeScalarView(newScalars)).components("\n\n"))
            let expected = start..<(start + quote.count)
            for keepSnapshot in [true, false] {
                let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: keepSnapshot)
                #expect(found.status == .fuzzy, "round \(round), snapshot \(keepSnapshot)")
                #expect(abs(found.position.start - expected.lowerBound) <= 2, "round \(round)")
                #expect(abs(found.position.end - expected.upperBound) <= 2, "round \(round)")
                ReanchorFixture.expectConsistent(found, in: new)
            }
        }
    }
}
