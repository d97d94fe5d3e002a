import Testing

@testable import GlossCore
import GlossTestSupport

@Suite("Wrapping random text")
struct WrapRandomTests {
    static let pieces = [
        "a", "bc", "word", " ", "  ", "\t", "\n", "\r\n", "漢", "字", "。", "「", "」", "-", "—", ".", "(", ")",
        "e\u{301}", "👨\u{200D}👩\u{200D}👧", "🇯🇵", "👍🏽", "\u{1B}", "\u{9B}", "\u{202E}", "\u{200B}", "ｱ", "Ａ",
        "\u{915}\u{93E}", "\u{A0}",
    ]

    func randomText(_ random: inout SeededGenerator) -> String {
        (0..<random.index(below: 40)).map { _ in Self.pieces[random.index(below: Self.pieces.count)] }.joined()
    }

    @Test func proseKeepsItsInvariantsWhateverTheInput() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            let text = randomText(&random)
            let width = random.index(below: 14) - 1
            let indent = random.index(below: 4)
            let lines = TextWrapper.wrap(text, width: width, firstIndent: indent)
            let problems = wrapProblems(text, lines, width: width, firstIndent: indent)
            #expect(problems == [], "\(text.debugDescription) width \(width) indent \(indent)")
            #expect(TextWrapper.lineCount(text, width: width, firstIndent: indent) == lines.count)
            #expect(!drawn(lines).joined().unicodeScalars.contains(where: TerminalSafe.needsPlaceholder))
        }
    }

    @Test func codeKeepsItsInvariantsWhateverTheInput() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let text = randomText(&random)
            let width = random.index(below: 14) - 1
            let lines = TextWrapper.codeLines(text, width: width, tabWidth: 1 + random.index(below: 8))
            #expect(lines.first?.range.lowerBound == 0)
            #expect(lines.last?.range.upperBound == text.unicodeScalars.count)
            for (line, next) in zip(lines, lines.dropFirst()) {
                #expect(line.range.upperBound == next.range.lowerBound, "\(text.debugDescription)")
            }
            #expect(lines.allSatisfy { $0.width <= max(1, width) }, "\(text.debugDescription) width \(width)")
            #expect(TextWrapper.codeLineCount(text, width: width) == TextWrapper.codeLines(text, width: width).count)
            #expect(!drawn(lines).joined().unicodeScalars.contains(where: TerminalSafe.needsPlaceholder))
        }
    }
}
