import Testing

@testable import GlossCore

@Suite("Line lookup")
struct LayoutLineIndexTests {
    @Test func everyShownOffsetMapsToTheLineThatShowsIt() {
        let text = sampleParagraphs[1]
        let lines = TextWrapper.wrap(text, width: 23)
        for (index, line) in lines.enumerated() {
            for glyph in line.glyphs {
                #expect(lines.lineIndex(containing: glyph.offset) == index)
            }
        }
    }

    @Test func droppedSpacesMapToTheLineBeforeTheWrap() {
        let lines = TextWrapper.wrap("aaaa   bbbb", width: 5)
        #expect(drawn(lines) == ["aaaa", "bbbb"])
        #expect(lines.lineIndex(containing: 5) == 0)
        #expect(lines.lineIndex(containing: 7) == 1)
    }

    @Test func outOfRangeOffsetsClampToTheEnds() {
        let lines = TextWrapper.wrap("one two three", width: 4)
        #expect(lines.lineIndex(containing: -3) == 0)
        #expect(lines.lineIndex(containing: 13) == lines.count - 1)
        #expect(lines.lineIndex(containing: 1_000) == lines.count - 1)
        #expect([WrappedLine]().lineIndex(containing: 0) == nil)
    }

    @Test func columnOfOffsetCountsWideGlyphs() {
        let lines = TextWrapper.wrap("日本 go", width: 20)
        #expect(lines[0].column(ofOffset: 0) == 0)
        #expect(lines[0].column(ofOffset: 1) == 2)
        #expect(lines[0].column(ofOffset: 3) == 5)
        #expect(lines[0].column(ofOffset: 9) == nil)
    }
}
