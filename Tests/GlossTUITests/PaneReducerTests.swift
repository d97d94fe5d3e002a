import GlossCore
import Testing

@testable import GlossTUI

/// The notes pane through keys: showing, focus, selection, jumping, deleting, filtering.
@Suite("Notes pane keys")
struct PaneReducerTests {
    /// A reader with whole-paragraph highlights on ¶ 2, ¶ 4 and ¶ 6, focus back on ¶ 1.
    func annotated(width: Int = 100) -> AppState {
        var state = Fixtures.reader(width: width, height: 30, focus: 1)
        _ = Fixtures.press([.char("h"), .char("j"), .char("j"), .char("h"), .char("j"), .char("j"), .char("h")], on: &state)
        _ = Fixtures.press([.char("g")], on: &state)
        return state
    }

    @Test func thePaneShowsOnWideWindowsAndHidesWithAHintOnNarrowOnes() {
        var state = Fixtures.reader(width: 100, height: 30)
        #expect(state.isPaneShown)
        let pane = state.paneArea
        #expect(pane?.width == 40)
        #expect(state.textArea.maxX <= 60)

        _ = reduce(&state, .resize(Size(width: 70, height: 30)))
        #expect(!state.isPaneShown)
        #expect(state.message?.text == "notes hidden: < 80 columns; t shows")
        #expect(state.textArea.width == 66)

        _ = Fixtures.press([.char("t")], on: &state)
        #expect(state.isPaneShown, "t shows the pane even on a narrow window")
        _ = Fixtures.press([.char("t")], on: &state)
        #expect(!state.isPaneShown)
    }

    @Test func paneWidthStaysWithinThirtyAndSixtyColumns() {
        let settings = PaneSettings()
        #expect(settings.paneColumns(windowWidth: 80) == 32)
        #expect(settings.paneColumns(windowWidth: 60) == 30)
        #expect(settings.paneColumns(windowWidth: 200) == 60)
    }

    @Test func tabFocusesThePaneAndEnterJumpsBack() throws {
        var state = annotated()
        _ = Fixtures.press([.tab], on: &state)
        #expect(state.mode == .pane)
        let entries = state.paneEntries
        #expect(entries.map(\.anchor.blockIndex) == [1, 3, 5])
        #expect(state.pane.selectedID == entries[0].id, "the first entry at or after the focus is selected")
        _ = Fixtures.press([.char("j"), .char("j"), .enter], on: &state)
        #expect(state.mode == .reader)
        #expect(state.reader?.focus == 5)
        _ = Fixtures.press([.char("k"), .char("k"), .tab], on: &state)
        #expect(state.pane.selectedID == entries[2].id, "the pane keeps its selection")
        _ = Fixtures.press([.char("k"), .char("k"), .char("k")], on: &state)
        #expect(state.pane.selectedID == entries[0].id)
    }

    @Test func dDeletesTheSelectedEntryAndSelectsTheNext() throws {
        var state = annotated()
        _ = Fixtures.press([.tab, .char("g")], on: &state)
        let first = state.paneEntries[0]
        let effects = Fixtures.press([.char("d")], on: &state)
        #expect(state.paneEntries.count == 2)
        #expect(!state.paneEntries.contains { $0.id == first.id })
        #expect(state.pane.selectedID == state.paneEntries.first?.id)
        #expect(effects.contains { if case .saveAnnotations = $0 { return true } else { return false } })
        _ = Fixtures.press([.char("u")], on: &state)
        #expect(state.paneEntries.count == 3)
    }

    @Test func editingAndRecolouringFromThePaneActOnTheSelection() throws {
        var state = annotated()
        _ = Fixtures.press([.tab, .char("G"), .char("c")], on: &state)
        let last = try #require(state.paneEntries.last)
        #expect(last.color == "green")
        _ = Fixtures.press([.char("e")] + Fixtures.type("moon") + [.enter], on: &state)
        #expect(state.reader?.annotations.annotation(withID: last.id)?.note == "moon")
    }

    @Test func slashFiltersEntriesByNoteText() throws {
        var state = annotated()
        _ = Fixtures.press([.tab, .char("g"), .char("e")] + Fixtures.type("tide #energy") + [.enter], on: &state)
        _ = Fixtures.press([.char("/")] + Fixtures.type("energy") + [.enter], on: &state)
        #expect(state.pane.filter == "energy")
        #expect(state.paneEntries.count == 1)
        _ = Fixtures.press([.escape], on: &state)
        #expect(state.pane.filter.isEmpty)
        #expect(state.mode == .pane)
        _ = Fixtures.press([.escape], on: &state)
        #expect(state.mode == .reader)
    }

    @Test func aTakesThePaneSelectionWhenItCoversTheFocusedParagraph() throws {
        var state = Fixtures.reader(width: 100, height: 30, focus: 1)
        _ = Fixtures.press([.char("h"), .char("v"), .enter], on: &state)
        let annotations = try #require(state.reader?.annotations.annotations)
        #expect(annotations.count == 2)
        let sentence = try #require(annotations.first { $0.anchor.position.range.count < 40 })
        state.pane.selectedID = sentence.id
        _ = Fixtures.press([.char("a")] + Fixtures.type("inner") + [.enter], on: &state)
        #expect(state.reader?.annotations.annotation(withID: sentence.id)?.note == "inner")
    }

    @Test func anOrphanedNoteIsListedAndCanBeReattachedToNewText() throws {
        var state = Fixtures.state(width: 100, height: 30)
        let text = ArticleText(Fixtures.article)
        var anchor = try #require(AnnotationAnchor(range: 0..<5, in: text))
        anchor.quote = TextQuoteSelector(exact: "a sentence that was edited away")
        anchor.status = .orphan
        let orphan = Annotation(
            id: "lost", created: Timestamp(millisecondsSince1970: 1), color: "blue", note: "still here", anchor: anchor)
        _ = reduce(&state, .articleOpened(OpenedArticle(
            relativePath: "tidal.md", article: Fixtures.article, savedFocus: 3, annotations: [orphan], text: text)))
        #expect(ScreenRenderer.render(state).buffer.lines.contains { $0.contains("Orphaned") })
        #expect(state.reader?.annotations.highlights(inBlock: 0).isEmpty == true, "an orphan draws no highlight")

        _ = Fixtures.press([.tab], on: &state)
        #expect(state.pane.selectedID == "lost")
        _ = Fixtures.press([.enter], on: &state)
        #expect(state.mode == .visual)
        let effects = Fixtures.press([.enter], on: &state)
        let attached = try #require(state.reader?.annotations.annotation(withID: "lost"))
        #expect(attached.anchor.status == .exact)
        #expect(attached.anchor.blockIndex == 3)
        #expect(attached.note == "still here")
        #expect(attached.color == "blue")
        #expect(attached.anchor.quote.exact == "Paragraph 3.")
        #expect(effects.contains { if case .saveAnnotations = $0 { return true } else { return false } })
        #expect(!ScreenRenderer.render(state).buffer.lines.contains { $0.contains("Orphaned") })
    }
}
