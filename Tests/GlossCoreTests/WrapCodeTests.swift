import Testing

@testable import GlossCore

@Suite("Code block lines")
struct WrapCodeTests {
    @Test func keepsEachSourceLine() {
        let lines = TextWrapper.codeLines("let a = 1\n    return a", width: 40)
        #expect(drawn(lines) == ["let a = 1", "    return a"])
        #expect(lines.map(\.range) == [0..<10, 10..<22])
    }

    @Test func expandsTabsToTabStops() {
        #expect(drawn(TextWrapper.codeLines("\tx", width: 40)) == ["    x"])
        #expect(drawn(TextWrapper.codeLines("ab\tc", width: 40)) == ["ab  c"])
        #expect(drawn(TextWrapper.codeLines("abcd\te", width: 40, tabWidth: 4)) == ["abcd    e"])
        #expect(drawn(TextWrapper.codeLines("a\tb", width: 40, tabWidth: 8)) == ["a       b"])
        let tab = TextWrapper.codeLines("a\tb", width: 40)[0].glyphs
        #expect(tab.map(\.offset) == [0, 1, 1, 1, 2])
        #expect(tab.map(\.scalarCount) == [1, 1, 0, 0, 1])
    }

    @Test func hardBreaksLongLinesWithoutDroppingSpaces() {
        #expect(drawn(TextWrapper.codeLines("abcdefgh", width: 3)) == ["abc", "def", "gh"])
        let spaced = TextWrapper.codeLines("ab  cd", width: 3)
        #expect(drawn(spaced) == ["ab ", " cd"])
        #expect(spaced.map(\.range) == [0..<3, 3..<6])
    }

    @Test func aTabSplitByAHardBreakBelongsToTheLineItStartsOn() {
        let lines = TextWrapper.codeLines("ab\tc", width: 3)
        #expect(drawn(lines) == ["ab ", " c"])
        #expect(lines.map(\.range) == [0..<3, 3..<4])
        #expect(lines.lineIndex(containing: 2) == 0)
    }

    @Test func wideCharactersMoveToTheNextLine() {
        let lines = TextWrapper.codeLines("ab漢字", width: 3)
        #expect(drawn(lines) == ["ab", "漢", "字"])
        #expect(lines.allSatisfy { $0.width <= 3 })
        #expect(drawn(TextWrapper.codeLines("漢", width: 1)) == [TextWrapper.narrowSubstitute])
    }

    @Test func newlinesCRLFAndTheFinalNewline() {
        #expect(drawn(TextWrapper.codeLines("a\n", width: 10)) == ["a"])
        #expect(TextWrapper.codeLines("a\n", width: 10).map(\.range) == [0..<2])
        #expect(drawn(TextWrapper.codeLines("a\n\nb", width: 10)) == ["a", "", "b"])
        let crlf = TextWrapper.codeLines("a\r\nb", width: 10)
        #expect(drawn(crlf) == ["a", "b"])
        #expect(crlf.map(\.range) == [0..<3, 3..<4])
        #expect(TextWrapper.codeLines("", width: 10) == [WrappedLine(glyphs: [], width: 0, range: 0..<0)])
    }

    @Test func controlCharactersInCodeArePlaceholders() {
        #expect(drawn(TextWrapper.codeLines("echo \u{1B}[2J\u{7F}", width: 40)) == ["echo \u{241B}[2J\u{2421}"])
    }

    @Test(arguments: [0, 1, 2, 5, 17])
    func codeLineCountMatchesCodeLines(width: Int) {
        let code = "func f() {\n\tlet s = \"日本語 text\"\n\t\treturn s.count + 1 // 👍🏽\n}\n\n"
        let lines = TextWrapper.codeLines(code, width: width)
        #expect(TextWrapper.codeLineCount(code, width: width) == lines.count)
        #expect(lines.allSatisfy { $0.width <= max(1, width) })
        #expect(lines.first?.range.lowerBound == 0)
        #expect(lines.last?.range.upperBound == code.unicodeScalars.count)
        for (line, next) in zip(lines, lines.dropFirst()) { #expect(line.range.upperBound == next.range.lowerBound) }
    }
}
