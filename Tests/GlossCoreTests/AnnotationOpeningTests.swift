import Testing

@testable import GlossCore

/// The shortcuts that make opening an article with many annotations fast give exactly what
/// the general code gives.
@Suite("Opening with many annotations: shortcuts agree with the general code")
struct AnnotationOpeningTests {
    // MARK: - Timestamps

    @Test func ownFormReadsAsTheGeneralScannerReadsIt() {
        var random = ReanchorRandom(seed: 5)
        for _ in 0..<2000 {
            let time = Timestamp(millisecondsSince1970: Int64.random(in: -62_000_000_000_000...253_000_000_000_000, using: &random))
            let text = time.description
            #expect(Timestamp.millisecondsOfOwnForm(text) == time.millisecondsSince1970, "\(text)")
            #expect(Timestamp.millisecondsOfAnyForm(text) == time.millisecondsSince1970, "\(text)")
        }
    }

    @Test func anythingButTheOwnFormIsLeftToTheGeneralScanner() {
        let others = [
            "2024-05-01t12:34:56.789Z", "2024-05-01T12:34:56.789z", "2024-05-01 12:34:56.789Z",
            "2024-05-01T12:34:56.78Z", "2024-05-01T12:34:56.7891Z", "2024-05-01T12:34:56Z",
            "2024-05-01T12:34:56.789+02:00", "2024-13-01T12:34:56.789Z", "2024-05-00T12:34:56.789Z",
            "2024-05-01T24:00:00.000Z", "2024-05-01T12:60:00.000Z", "2024-05-01T12:34:61.000Z",
            "2024-05-01T12:34:60.000Z", "2024-05-01T12:34:5x.789Z", "2024/05/01T12:34:56.789Z",
            "２024-05-01T12:34:56.789Z", "", "not a date at all, 24 b",
        ]
        for text in others {
            let own = Timestamp.millisecondsOfOwnForm(text)
            #expect(own == nil || own == Timestamp.millisecondsOfAnyForm(text), "\(text)")
            #expect(Timestamp(iso8601: text)?.millisecondsSince1970 == Timestamp.millisecondsOfAnyForm(text), "\(text)")
        }
        #expect(Timestamp(iso8601: "2024-05-01t12:34:56.789Z") != nil, "the general forms still read")
        #expect(Timestamp(iso8601: "2024-05-01T12:34:60.000Z") != nil, "a leap second still reads")
        #expect(Timestamp(iso8601: "2024-13-01T12:34:56.789Z") == nil)
    }

    // MARK: - Quote context

    @Test func contextIsCutToItsNearestScalarsAsBefore() {
        let limit = TextQuoteSelector.contextLength
        var random = ReanchorRandom(seed: 8)
        for _ in 0..<300 {
            let prefix = (0..<Int.random(in: 0...12, using: &random)).map { _ in random.word() }.joined(separator: " ")
            let suffix = (0..<Int.random(in: 0...12, using: &random)).map { _ in random.word() }.joined(separator: " ")
            let quote = TextQuoteSelector(exact: "x", prefix: prefix, suffix: suffix)
            #expect(quote.prefix == String(String.UnicodeScalarView(prefix.unicodeScalars.suffix(limit))))
            #expect(quote.suffix == String(String.UnicodeScalarView(suffix.unicodeScalars.prefix(limit))))
        }
        let emoji = String(repeating: "🙂", count: 40)
        #expect(TextQuoteSelector(exact: "x", prefix: emoji, suffix: emoji).prefix.unicodeScalars.count == limit)
        #expect(TextQuoteSelector(exact: "x", prefix: "e\u{301}" + String(repeating: "a", count: 31)).prefix
            == "\u{301}" + String(repeating: "a", count: 31), "cut by scalars, not characters")
    }

    // MARK: - Merging a file's own list

    @Test func aListWithDistinctIDsComesBackSortedAndRepeatsAreStillMerged() throws {
        let text = ArticleText(blockTexts: ["One two three four five six seven eight nine ten."])
        func annotation(_ id: String, _ range: Range<Int>, minute: Int64, deleted: Bool = false) throws -> Annotation {
            Annotation(
                id: id, created: Timestamp(millisecondsSince1970: 60_000 * minute),
                anchor: try #require(AnnotationAnchor(range: range, in: text)), deleted: deleted)
        }
        let distinct = [try annotation("c", 8..<13, minute: 1), try annotation("a", 0..<3, minute: 2),
                        try annotation("b", 0..<3, minute: 1)]
        #expect(AnnotationMerge.merge([], with: distinct).map(\.id) == ["b", "a", "c"])
        #expect(AnnotationMerge.merge(distinct, with: []).map(\.id) == ["b", "a", "c"])
        let repeated = distinct + [try annotation("a", 0..<3, minute: 1, deleted: true)]
        let merged = AnnotationMerge.merge([], with: repeated)
        #expect(merged.count == 3)
        #expect(merged.first { $0.id == "a" }?.deleted == true, "the tombstone still wins")
        #expect(merged.map(\.id) == ["a", "b", "c"], "the tombstone's own date places it")
    }

    // MARK: - Scalar offsets

    @Test func everyScalarOffsetFindsItsByteInMixedText() {
        var random = ReanchorRandom(seed: 23)
        let text = (0..<60).map { _ in random.paragraph(length: 200) }.joined(separator: "\n\n")
            + String(repeating: "日本🙂é", count: 300)
        var byteStarts: [Int] = []
        var byte = 0
        for scalar in text.unicodeScalars {
            byteStarts.append(byte)
            byte += String(scalar).utf8.count
        }
        byteStarts.append(byte)
        var copy = text
        copy.withUTF8 { bytes in
            let indexed = ScalarText(bytes)
            #expect(!indexed.isASCII)
            for offset in 0...indexed.scalarCount where indexed.byteOffset(ofScalar: offset) != byteStarts[offset] {
                Issue.record("scalar \(offset): byte \(indexed.byteOffset(ofScalar: offset)), expected \(byteStarts[offset])")
                return
            }
        }
    }

    // MARK: - Re-anchoring on unchanged text

    /// On unchanged text every anchor comes back as the text makes it: stored context that still
    /// holds is kept, stale or damaged context is taken from the text again.
    @Test func unchangedTextGivesTheAnchorsTheTextMakes() throws {
        var random = ReanchorRandom(seed: 31)
        let text = ArticleText(blockTexts: (0..<12).map { _ in random.paragraph(length: 90) })
        let fingerprint = ArticleFingerprint.sha256(of: text.text)
        var stored: [Annotation] = []
        var expected: [AnnotationAnchor] = []
        for index in 0..<120 {
            let start = Int.random(in: 0..<(text.scalarCount - 1), using: &random)
            let end = min(text.scalarCount, start + Int.random(in: 1...40, using: &random))
            let made = try #require(AnnotationAnchor(range: start..<end, in: text))
            var anchor = made
            switch index % 4 {
            case 1: anchor.quote.prefix = "stale context"
            case 2: anchor.quote.suffix = ""
            case 3: anchor.status = .mapped
            default: break
            }
            stored.append(Annotation(id: "n\(index)", created: Timestamp(millisecondsSince1970: 0), anchor: anchor))
            expected.append(made)
        }
        let result = Reanchorer.reanchor(
            stored, storedFingerprint: fingerprint, snapshot: text.text, current: text, currentFingerprint: fingerprint)
        #expect(result.map(\.anchor) == expected)
    }
}
