import GlossCore
import Testing

@testable import GlossTUI

/// How highlights and the visual selection look in the article text, cell by cell.
@Suite("Highlight rendering")
struct HighlightRenderingTests {
    func reader() -> AppState {
        Fixtures.reader(width: 80, height: 24, focus: 1, paneVisible: false)
    }

    /// The cells of the first screen row whose text starts with `prefix`, from the prefix on.
    func cells(ofRowStartingWith prefix: String, in buffer: Buffer) throws -> [Cell] {
        let row = try #require(buffer.lines.firstIndex { $0.contains(prefix) })
        let column = try #require(buffer.lines[row].range(of: prefix)).lowerBound.utf16Offset(in: buffer.lines[row])
        return (column..<buffer.width).compactMap { buffer.cell(x: $0, y: row) }
    }

    func words(_ cells: [Cell]) -> [Cell] { cells.filter { $0.text != " " && !$0.isContinuation } }

    @Test func aParagraphHighlightIsABackgroundColourOnEveryLetter() throws {
        var state = reader()
        let before = ScreenRenderer.render(state).buffer
        #expect(words(try cells(ofRowStartingWith: "Paragraph 1.", in: before)).allSatisfy { $0.style.background == .default })
        _ = Fixtures.press([.char("h")], on: &state)
        let buffer = ScreenRenderer.render(state).buffer
        let row = words(try cells(ofRowStartingWith: "Paragraph 1.", in: buffer))
        #expect(!row.isEmpty)
        #expect(row.allSatisfy { $0.style.background == .yellow && $0.style.foreground == .black })
        // The next paragraph is untouched.
        #expect(words(try cells(ofRowStartingWith: "Paragraph 2.", in: buffer)).allSatisfy { $0.style.background == .default })
    }

    @Test func theInnermostOfOverlappingHighlightsIsOnTop() throws {
        var state = reader()
        // Whole paragraph in yellow, then its first sentence ("Paragraph 1.") in blue.
        _ = Fixtures.press([.char("h"), .char("v"), .char("3")], on: &state)
        let row = words(try cells(ofRowStartingWith: "Paragraph 1.", in: ScreenRenderer.render(state).buffer))
        let firstSentence = "Paragraph1.".count
        #expect(row.prefix(firstSentence).allSatisfy { $0.style.background == .blue })
        #expect(row.dropFirst(firstSentence).allSatisfy { $0.style.background == .yellow })
        // `c` recolours the innermost one.
        _ = Fixtures.press([.char("c")], on: &state)
        let recoloured = words(try cells(ofRowStartingWith: "Paragraph 1.", in: ScreenRenderer.render(state).buffer))
        #expect(recoloured.prefix(firstSentence).allSatisfy { $0.style.background == .red })
        #expect(recoloured.dropFirst(firstSentence).allSatisfy { $0.style.background == .yellow })
    }

    @Test func monochromeTerminalsUnderlineHighlights() throws {
        var state = reader()
        state.theme = state.theme.monochrome
        _ = Fixtures.press([.char("h")], on: &state)
        let row = words(try cells(ofRowStartingWith: "Paragraph 1.", in: ScreenRenderer.render(state).buffer))
        #expect(row.allSatisfy { $0.style.attributes.contains(.underline) && $0.style.background == .default })
    }

    @Test func theVisualSelectionIsShownLive() throws {
        var state = reader()
        _ = Fixtures.press([.char("v")], on: &state)
        let row = words(try cells(ofRowStartingWith: "Paragraph 1.", in: ScreenRenderer.render(state).buffer))
        let firstSentence = "Paragraph1.".count
        #expect(row.prefix(firstSentence).allSatisfy { $0.style.attributes.contains(.reverse) })
        #expect(row.dropFirst(firstSentence).allSatisfy { !$0.style.attributes.contains(.reverse) })
        #expect(ScreenRenderer.render(state).buffer.lines.last?.contains("-- VISUAL --") == true)
    }
}
