import GlossCore
import Testing

@testable import GlossTUI

@Suite("Reader state")
struct ReaderReducerTests {
    @Test func opensAtSavedFocusAndShowsIt() throws {
        let state = Fixtures.reader(focus: 12)
        let view = try #require(state.reader)
        #expect(state.screen == .reader)
        #expect(view.focus == 12)
        let visible = try #require(view.viewport.visibleBlocks(in: view.layout))
        #expect(visible.contains(12))
    }

    @Test func jAndKMoveFocusAndScroll() throws {
        var state = Fixtures.reader(height: 12)
        _ = Fixtures.press(Array(repeating: .char("j"), count: 8), on: &state)
        var view = try #require(state.reader)
        #expect(view.focus == 8)
        #expect(try #require(view.viewport.visibleBlocks(in: view.layout)).contains(8))
        #expect(view.viewport.top.block > 0)
        _ = Fixtures.press(Array(repeating: .up, count: 20), on: &state)
        view = try #require(state.reader)
        #expect(view.focus == 0)
        #expect(view.viewport.top == .start)
    }

    @Test func focusNeverLeavesTheArticle() throws {
        var state = Fixtures.reader()
        let count = try #require(state.reader).blockCount
        _ = Fixtures.press(Array(repeating: .char("j"), count: count + 5), on: &state)
        #expect(state.reader?.focus == count - 1)
        #expect(state.reader?.percent == 100)
    }

    @Test func bottomAndTop() throws {
        var state = Fixtures.reader(height: 12)
        _ = Fixtures.press([.char("G")], on: &state)
        var view = try #require(state.reader)
        #expect(view.focus == view.blockCount - 1)
        #expect(view.viewport.top == view.viewport.maxTop(in: view.layout))
        _ = Fixtures.press([.char("g")], on: &state)
        view = try #require(state.reader)
        #expect(view.focus == 0)
        #expect(view.viewport.top == .start)
    }

    @Test func pageDownFocusesFirstParagraphStartingOnScreen() throws {
        var state = Fixtures.reader(height: 12)
        _ = Fixtures.press([.char(" ")], on: &state)
        let view = try #require(state.reader)
        #expect(view.viewport.top > .start)
        #expect(view.focus == view.viewport.firstBlockStartingOnScreen(in: view.layout))
        _ = Fixtures.press([.char("b")], on: &state)
        #expect(state.reader?.viewport.top == .start)
    }

    @Test func headingsJump() throws {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("]")], on: &state)
        #expect(state.reader?.focus == 10)
        _ = Fixtures.press([.char("]")], on: &state)
        #expect(state.message?.text == "no heading below")
        _ = Fixtures.press([.char("[")], on: &state)
        #expect(state.reader?.focus == 0)
    }

    @Test func incrementalSearchMovesFocusAndEscRestores() throws {
        var state = Fixtures.reader(height: 12)
        _ = Fixtures.press([.char("/")] + Fixtures.type("lighthouse"), on: &state)
        var view = try #require(state.reader)
        let last = view.blockCount - 1
        #expect(view.focus == last)
        #expect(view.search?.current?.block == last)
        _ = Fixtures.press([.escape], on: &state)
        view = try #require(state.reader)
        #expect(state.prompt == nil)
        #expect(view.focus == 0)
        #expect(view.search == nil)
    }

    @Test func searchNextWrapsWithAMessage() throws {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("/")] + Fixtures.type("moon") + [.enter], on: &state)
        #expect(state.reader?.focus == 9)
        _ = Fixtures.press([.char("n")], on: &state)
        #expect(state.reader?.focus == 9)
        #expect(state.message?.text == "search hit BOTTOM, continuing at TOP")
        _ = Fixtures.press([.char("N")], on: &state)
        #expect(state.message?.text.contains("TOP") == true)
    }

    @Test func smartCaseSearch() throws {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("/")] + Fixtures.type("HARBOR") + [.enter], on: &state)
        #expect(state.message?.text == "not found: HARBOR")
        _ = Fixtures.press([.char("/")] + Fixtures.type("harbor") + [.enter], on: &state)
        #expect(state.reader?.search?.current != nil)
    }

    @Test func backSavesPositionAndReturnsToLibrary() throws {
        var state = Fixtures.reader()
        let effects = Fixtures.press([.char("j"), .char("j"), .char("q")], on: &state)
        #expect(state.screen == .library)
        #expect(effects.contains(.saveReadingPosition(relativePath: "tidal.md", block: 2, percent: 11)))
        #expect(state.library.items.first?.progress == 11)
    }

    @Test func backQuitsWhenStartedOnOneArticle() {
        var state = AppState(size: Size(width: 80, height: 24), screen: .reader, quitsWithReader: true)
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "x.md", article: Fixtures.article)))
        let effects = Fixtures.press([.char("q")], on: &state)
        #expect(effects.last == .quit)
    }

    @Test func resizeKeepsTheFocusedParagraphOnScreen() throws {
        var state = Fixtures.reader(width: 120, height: 40)
        _ = Fixtures.press(Array(repeating: .char("j"), count: 14), on: &state)
        _ = reduce(&state, .resize(Size(width: 50, height: 12)))
        let view = try #require(state.reader)
        #expect(view.focus == 14)
        #expect(try #require(view.viewport.visibleBlocks(in: view.layout)).contains(14))
        #expect(view.layout.width == state.textArea.width)
    }

    @Test func unboundKeyExplainsItself() {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("z")], on: &state)
        #expect(state.message?.text.contains("not bound") == true)
    }

    @Test func emptyArticleDoesNotMove() throws {
        var state = Fixtures.state()
        let empty = Article(metadata: ArticleMetadata(title: "Empty"), format: .plainLines, blocks: [])
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "e.txt", article: empty)))
        _ = Fixtures.press([.char("j"), .char("G"), .char(" "), .char("]"), .char("n")], on: &state)
        #expect(state.reader?.focus == 0)
        let effects = Fixtures.press([.char("q")], on: &state)
        #expect(effects.isEmpty)
    }
}
