import GlossCore
import Testing

@testable import GlossTUI

@Suite("Library search screen")
struct LibrarySearchScreenTests {
    static let hits = [
        SearchHit(
            path: "tidal.md", title: "Harbor Cities Bet on Tidal Power", paragraph: 19, kind: .text,
            snippet: "The final paragraph mentions a «lighthouse» keeper."),
        SearchHit(
            path: "notes.txt", title: "Field notes from the estuary", paragraph: 2, kind: .note,
            snippet: "ask the «lighthouse» keeper", quote: "the keeper"),
    ]

    static func answered(_ query: String, in state: inout AppState) {
        _ = reduce(&state, .librarySearchResults(query: query, .success(LibrarySearchAnswer(hits: hits))))
    }

    @Test func sOpensTheScreenFromTheLibraryAndTheReaderAndEscReturns() {
        var library = Fixtures.state()
        _ = Fixtures.press([.char("S")], on: &library)
        #expect(library.librarySearch != nil)
        _ = Fixtures.press([.escape], on: &library)
        #expect(library.librarySearch == nil)
        #expect(library.screen == .library)

        var reader = Fixtures.reader(focus: 5)
        _ = Fixtures.press([.char("S")], on: &reader)
        #expect(reader.librarySearch != nil)
        _ = Fixtures.press(Fixtures.type("tide") + [.escape], on: &reader)
        #expect(reader.librarySearch == nil)
        #expect(reader.screen == .reader)
        #expect(reader.reader?.focus == 5)
    }

    @Test func typingAsksTheRunLoopToSearchOnceForTypedAheadKeys() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("S")], on: &state)
        #expect(Fixtures.press([.char("l")], on: &state) == [.searchLibrary(query: "l")])
        #expect(state.librarySearch?.notice == AppState.firstSearchNotice)
        state.isInputPending = true
        #expect(Fixtures.press(Fixtures.type("igh"), on: &state).isEmpty)
        state.isInputPending = false
        #expect(Fixtures.press([.char("t")], on: &state) == [.searchLibrary(query: "light")])
        // Only punctuation: nothing to search, no effect.
        #expect(Fixtures.press([.ctrl("u"), .char("-")], on: &state).isEmpty)
    }

    @Test func resultsForAnOlderQueryAreDropped() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("S")] + Fixtures.type("lighthouse"), on: &state)
        Self.answered("light", in: &state)
        #expect(state.librarySearch?.hits.isEmpty == true)
        Self.answered("lighthouse", in: &state)
        #expect(state.librarySearch?.hits.count == 2)
    }

    @Test func arrowsMoveAndJKMoveOnceTheListHasFocus() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("S")] + Fixtures.type("lighthouse"), on: &state)
        Self.answered("lighthouse", in: &state)
        _ = Fixtures.press([.down], on: &state)
        #expect(state.librarySearch?.selected == 1)
        _ = Fixtures.press([.tab, .char("k")], on: &state)
        #expect(state.librarySearch?.selected == 0)
        #expect(state.librarySearch?.field.text == "lighthouse")
        _ = Fixtures.press([.char("j")], on: &state)
        #expect(state.librarySearch?.selected == 1)
    }

    @Test func enterOpensTheArticleAtTheParagraphWithTheMatchSearched() throws {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("S")] + Fixtures.type("lighthouse"), on: &state)
        Self.answered("lighthouse", in: &state)
        let effects = Fixtures.press([.enter], on: &state)
        #expect(effects == [.openArticle(relativePath: "tidal.md")])
        #expect(state.librarySearch == nil)
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "tidal.md", article: Fixtures.article)))
        let view = try #require(state.reader)
        #expect(view.focus == 18)
        #expect(view.search?.query == "lighthouse")
        #expect(view.search?.current?.block == 18)
        #expect(state.landing == nil)
        // n continues the search in the article (it wraps to the same, only match).
        _ = Fixtures.press([.char("n")], on: &state)
        #expect(state.reader?.search?.current?.block == 18)
    }

    @Test func theScreenShowsTheQueryTheResultsAndTheMarkedMatch() throws {
        var state = Fixtures.state(width: 90, height: 10)
        _ = Fixtures.press([.char("S")] + Fixtures.type("lighthouse"), on: &state)
        Self.answered("lighthouse", in: &state)
        let frame = ScreenRenderer.render(state)
        let lines = frame.buffer.lines
        #expect(lines[0].hasPrefix(" Search: lighthouse"))
        #expect(lines[1].hasPrefix(" 2 matches"))
        #expect(lines[2].hasPrefix(" ▸ Harbor Cities Bet on Tidal Power · tidal.md · ¶ 19"))
        #expect(lines[3].hasPrefix("     The final paragraph mentions a lighthouse keeper."))
        #expect(lines[4].contains("notes.txt · ¶ 2 · note on “the keeper”"))
        #expect(frame.cursor?.y == 0)
        #expect(frame.cursor?.x == 19)
        // The match is drawn in the search-match style, the marks themselves are not drawn.
        let range = try #require(lines[3].range(of: "lighthouse"))
        let matchStart = lines[3].distance(from: lines[3].startIndex, to: range.lowerBound)
        #expect(frame.buffer.cell(x: matchStart, y: 3)?.style == state.theme.style(.searchMatch))
        #expect(frame.buffer.cell(x: matchStart - 2, y: 3)?.style != state.theme.style(.searchMatch))
    }

    @Test func hostileTextInResultsIsDrawnAsPlaceholders() {
        var state = Fixtures.state(width: 60, height: 10)
        _ = Fixtures.press([.char("S"), .char("x")], on: &state)
        let hit = SearchHit(path: "e\u{1B}[2J.md", title: "Bad\u{07}", paragraph: 1, kind: .text, snippet: "«x»\u{1B}]0;t")
        _ = reduce(&state, .librarySearchResults(query: "x", .success(LibrarySearchAnswer(hits: [hit]))))
        let text = ScreenRenderer.render(state).buffer.lines.joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }
}

@Suite("Library search screen, typed ahead")
struct LibrarySearchTypeAheadTests {
    @Test func enterBeforeTheResultsOpensTheBestOneWhenTheyCome() {
        var state = Fixtures.state()
        _ = Fixtures.press([.char("S")], on: &state)
        state.isInputPending = true
        _ = Fixtures.press(Fixtures.type("lighthouse"), on: &state)
        state.isInputPending = false
        #expect(Fixtures.press([.enter], on: &state) == [.searchLibrary(query: "lighthouse")])
        let effects = reduce(
            &state,
            .librarySearchResults(query: "lighthouse", .success(LibrarySearchAnswer(hits: LibrarySearchScreenTests.hits))))
        #expect(effects == [.openArticle(relativePath: "tidal.md")])
        #expect(state.landing?.block == 18)
    }
}
