import Testing

@testable import GlossTUI

@Suite("Library state")
struct LibraryReducerTests {
    @Test func movesAndClamps() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("j"), .down, .char("j"), .char("j"), .char("j")], on: &state)
        #expect(state.library.selected == 3)
        _ = Fixtures.press([.char("g")], on: &state)
        #expect(state.library.selected == 0)
        _ = Fixtures.press([.end], on: &state)
        #expect(state.library.selected == 3)
    }

    @Test func enterOpensTheSelectedArticle() {
        var state = Fixtures.state()
        let effects = Fixtures.press([.char("j"), .enter], on: &state)
        #expect(effects == [.openArticle(relativePath: "tokyo.md")])
        #expect(state.pendingOpen == "tokyo.md")
    }

    @Test func unreadableArticleShowsWhy() {
        var state = Fixtures.state()
        let effects = Fixtures.press([.char("G"), .char("l")], on: &state)
        #expect(effects.isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("binary file") == true)
    }

    @Test func filterAsYouTypeAndEscClears() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("/")] + Fixtures.type("estu"), on: &state)
        #expect(state.library.visible.count == 1)
        #expect(state.library.selectedItem?.relativePath == "notes.txt")
        _ = Fixtures.press([.enter], on: &state)
        #expect(state.prompt == nil)
        #expect(state.library.filter == "estu")
        _ = Fixtures.press([.escape], on: &state)
        #expect(state.library.visible.count == 4)
        #expect(state.library.selectedItem?.relativePath == "notes.txt")
    }

    @Test func filterMatchesSourceAndTagsAndCJK() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("/")] + Fixtures.type("energy"), on: &state)
        #expect(state.library.visible.count == 1)
        _ = Fixtures.press([.ctrl("u")] + Fixtures.type("東京"), on: &state)
        #expect(state.library.selectedItem?.relativePath == "tokyo.md")
        _ = Fixtures.press([.ctrl("u")] + Fixtures.type("metro wire"), on: &state)
        #expect(state.library.selectedItem?.relativePath == "tokyo.md")
    }

    @Test func helpOpensAndAnyKeyCloses() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("?")], on: &state)
        #expect(state.isHelpVisible)
        _ = Fixtures.press([.char("j")], on: &state)
        #expect(state.isHelpVisible)
        #expect(state.helpScroll == 1)
        _ = Fixtures.press([.escape], on: &state)
        #expect(!state.isHelpVisible)
    }

    @Test func quitKeys() {
        var state = Fixtures.state()
        #expect(Fixtures.press([.char("q")], on: &state) == [.quit])
        #expect(Fixtures.press([.char("Q")], on: &state) == [.quit])
    }
}

@Suite("Fast typing")
struct FastTypingTests {
    @Test func escapeFollowedQuicklyByAKeyIsReplayed() {
        var state = Fixtures.reader()
        _ = Fixtures.press([.char("?")], on: &state)
        #expect(state.isHelpVisible)
        let effects = Fixtures.press([.alt("Q")], on: &state)
        #expect(!state.isHelpVisible)
        #expect(effects.last == .quit)
    }
}
