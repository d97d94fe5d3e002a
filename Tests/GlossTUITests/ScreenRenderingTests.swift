import GlossCore
import Testing

@testable import GlossTUI

@Suite("Whole screens")
struct ScreenRenderingTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func library(width: Int, height: Int) {
        var state = Fixtures.state(width: width, height: height)
        _ = Fixtures.press([.char("j")], on: &state)
        expectSnapshot(ScreenRenderer.render(state).buffer, named: "library-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func reader(width: Int, height: Int) {
        var state = Fixtures.reader(width: width, height: height)
        _ = Fixtures.press([.char("j"), .char("j")], on: &state)
        expectSnapshot(ScreenRenderer.render(state).buffer, named: "reader-\(width)x\(height)")
    }

    @Test func readerWithHighlightsNotesAndTheFocusedPane() {
        var state = Fixtures.reader(width: 120, height: 40, focus: 1)
        // ¶ 2 whole in yellow with a note; the first sentence of ¶ 4 in blue; then the pane.
        _ = Fixtures.press([.char("a")] + Fixtures.type("Tidal power pays? #energy") + [.enter], on: &state)
        _ = Fixtures.press([.char("j"), .char("j"), .char("v"), .char("3"), .tab], on: &state)
        expectSnapshot(ScreenRenderer.render(state).buffer, named: "annotated-120x40")
        #expect(state.mode == .pane)
    }

    @Test func visualModeHelpShowsTheVisualKeys() {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("v"), .char("?")], on: &state)
        let buffer = ScreenRenderer.render(state).buffer
        #expect(buffer.lines.contains { $0.contains("switch active end") })
        #expect(buffer.lines.contains { $0.contains("create highlight in colour 1") })
    }

    @Test func searchPromptShowsCursorAndMatches() throws {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("/")] + Fixtures.type("moon"), on: &state)
        let frame = ScreenRenderer.render(state)
        expectSnapshot(frame.buffer, named: "search-80x24")
        let cursor = try #require(frame.cursor)
        #expect(cursor.y == 23)
        #expect(cursor.x == 5)
        // The match is drawn in the search style.
        let row = try #require(frame.buffer.lines.firstIndex { $0.contains("moon") })
        let column = try #require(frame.buffer.lines[row].range(of: "moon")).lowerBound
        let x = frame.buffer.lines[row].distance(from: frame.buffer.lines[row].startIndex, to: column)
        #expect(frame.buffer.cell(x: x, y: row)?.style.background == Theme.defaults.style(.searchMatch).background)
    }

    @Test func helpListsTheLiveKeymap() {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("?")], on: &state)
        let buffer = ScreenRenderer.render(state).buffer
        expectSnapshot(buffer, named: "help-reader-80x24")
        #expect(buffer.lines.contains { $0.contains("next heading") })
    }

    @Test func tooSmallWindow() {
        let state = Fixtures.reader(width: 39, height: 9)
        let buffer = ScreenRenderer.render(state).buffer
        expectSnapshot(buffer, named: "too-small-39x9")
        #expect(buffer.trimmedLines.contains { $0.contains("window too small") })
    }

    @Test func escapeSequencesNeverReachTheScreen() {
        var state = Fixtures.state()
        let hostile = Article(
            metadata: ArticleMetadata(title: "evil\u{1B}]52;c;aGk=\u{07}"), format: .plainLines,
            blocks: [Block(kind: .paragraph, text: "clear \u{1B}[2J screen \u{9B}31m and bell \u{07} del \u{7F}")])
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "evil.txt", article: hostile)))
        let buffer = ScreenRenderer.render(state).buffer
        let scalars = buffer.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(buffer.lines.joined().contains("␛[2J"))
    }

    @Test func wideCharactersAreNeverSplitAtTheEdge() {
        var buffer = Buffer(width: 5, height: 1)
        let written = buffer.put("ab東京", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer.lines == ["ab東 "])
        buffer.put("x", x: 3, y: 0)
        #expect(buffer.lines == ["ab x "])
    }
}
