import Testing

@testable import GlossCore

@Suite("Wrapping prose")
struct WrapTests {
    @Test func wrapsGreedilyAtSpaces() {
        let lines = TextWrapper.wrap("the quick brown fox jumps", width: 10)
        #expect(drawn(lines) == ["the quick", "brown fox", "jumps"])
        #expect(lines.map(\.range) == [0..<10, 10..<20, 20..<25])
        #expect(lines.map(\.width) == [9, 9, 5])
    }

    @Test(arguments: [1, 2, 5, 13, 20, 37, 80])
    func sampleArticleKeepsEveryInvariant(width: Int) {
        for paragraph in sampleParagraphs {
            let lines = TextWrapper.wrap(paragraph, width: width)
            #expect(wrapProblems(paragraph, lines, width: width) == [], "width \(width)")
            #expect(TextWrapper.lineCount(paragraph, width: width) == lines.count)
        }
    }

    @Test func keepsInnerSpacesAndDropsTrailingOnes() {
        #expect(drawn(TextWrapper.wrap("a  b", width: 10)) == ["a  b"])
        let trailing = TextWrapper.wrap("a   ", width: 10)
        #expect(drawn(trailing) == ["a"])
        #expect(trailing.map(\.range) == [0..<4])
        let atWrap = TextWrapper.wrap("aaaa      bbbb", width: 6)
        #expect(drawn(atWrap) == ["aaaa", "bbbb"])
        #expect(atWrap.map(\.range) == [0..<10, 10..<14])
    }

    @Test func leadingSpacesAfterANewlineAreKeptWhenTheyFit() {
        #expect(drawn(TextWrapper.wrap("a\n  b", width: 10)) == ["a", "  b"])
        #expect(drawn(TextWrapper.wrap("  ab", width: 3)) == ["ab"])
        #expect(drawn(TextWrapper.wrap("  ab", width: 4)) == ["  ab"])
    }

    @Test func breaksAWordLongerThanTheLine() {
        #expect(drawn(TextWrapper.wrap("abcdefghij", width: 4)) == ["abcd", "efgh", "ij"])
        #expect(drawn(TextWrapper.wrap("ab abcdefghij", width: 4)) == ["ab", "abcd", "efgh", "ij"])
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        let lines = TextWrapper.wrap("aa漢字", width: 3)
        #expect(drawn(lines) == ["aa", "漢", "字"])
        #expect(drawn(TextWrapper.wrap("a漢字", width: 4)) == ["a漢", "字"])
        #expect(drawn(TextWrapper.wrap("abc漢", width: 4)) == ["abc", "漢"])
    }

    @Test func cjkBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        #expect(drawn(TextWrapper.wrap("日本語の文章です", width: 6)) == ["日本語", "の文章", "です"])
        let lines = TextWrapper.wrap("日本語。次の文。", width: 6)
        #expect(drawn(lines) == ["日本", "語。次", "の文。"])
        #expect(!drawn(TextWrapper.wrap("「日本語」と言った。", width: 8)).contains { $0.hasPrefix("」") || $0.hasPrefix("。") })
    }

    @Test func combiningMarksStayWithTheirBase() {
        let text = String(repeating: "e\u{301}", count: 4)
        let lines = TextWrapper.wrap(text, width: 2)
        #expect(lines.count == 2)
        for glyph in lines.flatMap(\.glyphs) {
            #expect(glyph.text == "e\u{301}")
            #expect(glyph.scalarCount == 2)
            #expect(glyph.width == 1)
        }
        #expect(lines.map(\.range) == [0..<4, 4..<8])
    }

    @Test func emojiSequencesAreSingleGlyphs() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let lines = TextWrapper.wrap(family + family + "🇯🇵", width: 2)
        #expect(lines.count == 3)
        #expect(lines.map { $0.glyphs.count } == [1, 1, 1])
        #expect(lines[0].glyphs[0] == Glyph(text: family, width: 2, offset: 0, scalarCount: 5))
        #expect(lines[2].glyphs[0].offset == 10)
        #expect(lines[2].glyphs[0].scalarCount == 2)
    }

    @Test func tabIsOneSpaceInProse() {
        let lines = TextWrapper.wrap("a\tb", width: 10)
        #expect(lines[0].glyphs.map(\.text) == ["a", " ", "b"])
        #expect(lines[0].glyphs[1].offset == 1)
        #expect(drawn(TextWrapper.wrap("aaaa\tbbbb", width: 4)) == ["aaaa", "bbbb"])
    }

    @Test(arguments: [1, 0, -5])
    func widthOneOrLessNeverOverflowsNorLoops(width: Int) {
        let lines = TextWrapper.wrap("ab 漢 c", width: width)
        #expect(drawn(lines) == ["a", "b", TextWrapper.narrowSubstitute, "c"])
        #expect(lines.allSatisfy { $0.width <= 1 })
        #expect(lines[2].glyphs[0].offset == 3)
        #expect(wrapProblems("ab 漢 c", lines, width: 1) == [])
    }

    @Test func newlinesForceBreaks() {
        #expect(drawn(TextWrapper.wrap("a\nb", width: 80)) == ["a", "b"])
        let blank = TextWrapper.wrap("a\n\nb", width: 80)
        #expect(drawn(blank) == ["a", "", "b"])
        #expect(blank.map(\.range) == [0..<2, 2..<3, 3..<4])
        let crlf = TextWrapper.wrap("a\r\nb\u{2028}c", width: 80)
        #expect(drawn(crlf) == ["a", "b", "c"])
        #expect(crlf.map(\.range) == [0..<3, 3..<5, 5..<6])
    }

    @Test func aFinalNewlineEndsTheLastLine() {
        let lines = TextWrapper.wrap("a\n", width: 80)
        #expect(drawn(lines) == ["a"])
        #expect(lines.map(\.range) == [0..<2])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrapper.wrap("", width: 10) == [WrappedLine(glyphs: [], width: 0, range: 0..<0)])
        #expect(TextWrapper.lineCount("", width: 10) == 1)
        #expect(TextWrapper.wrap("   ", width: 10).map(\.range) == [0..<3])
    }

    @Test func controlCharactersBecomePlaceholderGlyphs() {
        let lines = TextWrapper.wrap("a\u{1B}[0mb\u{202E}", width: 80)
        #expect(drawn(lines) == ["a\u{241B}[0mb\u{21C4}"])
        #expect(lines[0].glyphs[1] == Glyph(text: "\u{241B}", width: 1, offset: 1, scalarCount: 1))
        #expect(lines[0].width == 7)
    }

    @Test func firstIndentNarrowsOnlyTheFirstLine() {
        let lines = TextWrapper.wrap("aaa bbb ccc", width: 7, firstIndent: 4)
        #expect(drawn(lines) == ["aaa", "bbb ccc"])
        #expect(wrapProblems("aaa bbb ccc", lines, width: 7, firstIndent: 4) == [])
        #expect(TextWrapper.lineCount("aaa bbb ccc", width: 7, firstIndent: 4) == 2)
        let wide = TextWrapper.wrap("漢字", width: 4, firstIndent: 3)
        #expect(drawn(wide) == ["", "漢字"])
        #expect(wide.map(\.range) == [0..<0, 0..<2])
        #expect(TextWrapper.lineCount("漢字", width: 4, firstIndent: 3) == 2)
    }

    @Test func hyphensAndDashesOfferBreaks() {
        #expect(drawn(TextWrapper.wrap("well-known", width: 6)) == ["well-", "known"])
        #expect(drawn(TextWrapper.wrap("program—moves", width: 9)) == ["program—", "moves"])
        #expect(drawn(TextWrapper.wrap("a -5", width: 3)) == ["a", "-5"])
        #expect(drawn(TextWrapper.wrap("U.S.A.", width: 3)) == ["U.S", ".A."])
    }

    @Test func spansBecomeGlyphStyles() {
        let spans = [
            InlineSpan(range: 0..<5, style: .emphasis),
            InlineSpan(range: 3..<9, style: .strong),
            InlineSpan(range: 9..<13, style: .link),
        ]
        let lines = TextWrapper.wrap("plain bold link", spans: spans, width: 6)
        #expect(drawn(lines) == ["plain", "bold", "link"])
        let styles = Dictionary(uniqueKeysWithValues: lines.flatMap(\.glyphs).map { ($0.offset, $0.style) })
        let expected: [Int: InlineStyle] = [
            0: .emphasis, 1: .emphasis, 2: .emphasis, 3: [.emphasis, .strong], 4: [.emphasis, .strong],
            6: .strong, 7: .strong, 8: .strong, 9: .link, 11: .link, 12: .link, 13: [], 14: [],
        ]
        #expect(styles == expected)
    }
}
