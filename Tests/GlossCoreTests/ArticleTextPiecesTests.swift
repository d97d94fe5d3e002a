@testable import GlossCore
import GlossTestSupport
import Testing

/// The normalized text read from its pieces must be exactly the joined text's, and the pieces
/// must be the blocks' own strings when those are already NFC (the article held once).
@Suite struct ArticleTextPiecesTests {
    static let blocks = [
        "Plain ASCII paragraph.", "", "Ünïcödé 🎉 text with e\u{301} and 👩‍👩‍👧", "日本語のテキスト。",
        "cafe\u{301} au lait", "x", "last one, with a tab\tinside",
    ]

    /// The scalars `range` of `text`, clamped like the pieces' reader.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }

    @Test func everySliceOfThePiecesEqualsTheSameSliceOfTheJoinedText() {
        let text = ArticleText(blockTexts: Self.blocks)
        let joined = text.text
        #expect(joined.unicodeScalars.count == text.scalarCount)
        #expect(joined.utf8.count == text.utf8Count)
        for lower in -2...(text.scalarCount + 1) {
            for upper in lower...(text.scalarCount + 2) where upper - lower <= 40 || upper == text.scalarCount {
                #expect(text.string(inScalars: lower..<upper) == Self.slice(joined, lower..<upper))
            }
        }
    }

    @Test func holdsAgreesWithTheJoinedTextsScalarIndex() {
        let text = ArticleText(blockTexts: Self.blocks)
        var joined = text.text
        joined.withUTF8 { bytes in
            let indexed = ScalarText(bytes)
            var random = SeededGenerator(seed: 19)
            for _ in 0..<2_000 {
                let lower = random.integer(in: 0...text.scalarCount)
                let upper = min(text.scalarCount + 1, lower + random.integer(in: 0...30))
                let range = lower..<upper
                // Half the patterns are the text there, half that text with one byte changed.
                var pattern = Array(indexed.string(inScalars: range).utf8)
                if random.chance(50), !pattern.isEmpty { pattern[random.index(below: pattern.count)] ^= 0x01 }
                #expect(text.holds(pattern, atScalars: range) == indexed.holds(pattern, atScalars: range))
            }
        }
    }

    @Test func theFingerprintOfThePiecesIsTheFingerprintOfTheJoinedText() {
        for blocks in [Self.blocks, [], [""], ["one"], ["a", "", "b"]] {
            let text = ArticleText(blockTexts: blocks)
            #expect(ArticleFingerprint.sha256(of: text) == ArticleFingerprint.sha256(of: text.text))
        }
    }

    @Test func piecesShareTheBlocksStorageWhenTheTextIsAlreadyNFC() {
        let nfc = String(repeating: "A long ASCII paragraph, long enough to live on the heap. ", count: 4)
        let accented = "Déjà vu, already NFC: " + nfc
        let decomposed = "De\u{301}ja\u{300} vu"
        let text = ArticleText(blockTexts: [nfc, accented, decomposed])
        #expect(Self.storage(of: text.piece(0)) == Self.storage(of: nfc))
        #expect(Self.storage(of: text.piece(1)) == Self.storage(of: accented))
        #expect(Array(text.piece(2).unicodeScalars).count == 7)
        #expect(text.piece(2).utf8.elementsEqual(ArticleText.nfc(decomposed).utf8))
        #expect(text.longestNonASCIIPiece == accented.utf8.count)
    }

    static func storage(of string: String) -> UnsafePointer<UInt8>? {
        string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    @Test func anAnchorTakesItsQuoteAndContextFromThePieces() throws {
        let text = ArticleText(blockTexts: Self.blocks)
        let joined = text.text
        for range in [0..<5, 20..<30, 22..<60, 0..<text.scalarCount, text.scalarCount..<text.scalarCount] {
            let anchor = try #require(AnnotationAnchor(range: range, in: text))
            let expected = try #require(TextQuoteSelector(in: joined, range: range))
            #expect(anchor.quote == expected)
        }
        #expect(AnnotationAnchor(range: 0..<(text.scalarCount + 1), in: text) == nil)
    }

    /// Anchors re-anchored on unchanged text read from the pieces come out as the joined text's
    /// scalar index gives them: corrupted ones included.
    @Test func unchangedTextAnchoringOnPiecesMatchesTheJoinedText() throws {
        let text = ArticleText(blockTexts: Self.blocks)
        var joined = text.text
        var random = SeededGenerator(seed: 5)
        var anchors: [AnnotationAnchor] = []
        for _ in 0..<300 {
            let lower = random.integer(in: 0...(text.scalarCount - 1))
            let upper = min(text.scalarCount, lower + random.integer(in: 1...25))
            var anchor = try #require(AnnotationAnchor(range: lower..<upper, in: text))
            if random.chance(30) { anchor.position = TextPositionSelector(start: lower + 1, end: upper + 1) }
            if random.chance(20) { anchor.status = random.pick([.fuzzy, .orphan, .mapped]) }
            anchors.append(anchor)
        }
        let pieces = UnchangedTextAnchoring(article: text, text: text)
        joined.withUTF8 { bytes in
            let indexed = UnchangedTextAnchoring(article: text, text: ScalarText(bytes))
            for anchor in anchors {
                #expect(pieces.reanchorOnUnchangedText(anchor) == indexed.reanchorOnUnchangedText(anchor))
            }
        }
    }
}
