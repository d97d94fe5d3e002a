import Testing

@testable import GlossCore

@Suite("Wrapping large paragraphs")
struct WrapLargeTests {
    @Test func twoMegabyteParagraphWrapsToTheExpectedLineCount() {
        // 400,000 words of 4 letters: 16 words fit in 80 columns (79 with their spaces).
        let text = String(repeating: "abcd ", count: 400_000)
        #expect(text.utf8.count == 2_000_000)
        let lines = TextWrapper.wrap(text, width: 80)
        #expect(lines.count == 25_000)
        #expect(lines.allSatisfy { $0.width == 79 })
        #expect(lines.last?.range.upperBound == 2_000_000)
        #expect(TextWrapper.lineCount(text, width: 80) == 25_000)
    }

    @Test func twoMegabyteWordIsHardBroken() {
        let text = String(repeating: "x", count: 2_000_000)
        #expect(TextWrapper.lineCount(text, width: 100) == 20_000)
    }

    @Test func lineCountMatchesWrapOnMixedText() {
        let text = sampleParagraphs.joined(separator: " ") + " 日本語の文章です。" + String(repeating: "👍🏽 e\u{301}", count: 30)
        for width in [1, 3, 7, 19, 40, 100] {
            #expect(TextWrapper.lineCount(text, width: width, firstIndent: 2) == TextWrapper.wrap(text, width: width, firstIndent: 2).count)
            #expect(wrapProblems(text, TextWrapper.wrap(text, width: width), width: width) == [])
        }
    }
}
