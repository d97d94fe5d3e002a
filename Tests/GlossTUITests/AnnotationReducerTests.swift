import GlossCore
import Testing

@testable import GlossTUI

/// Highlights, colours, notes and undo through the reducer, as keys would drive them.
@Suite("Annotation keys in the reader")
struct AnnotationReducerTests {
    /// The reader focused on ¶ 2 (block 1), the first ordinary paragraph.
    func reader(width: Int = 100) -> AppState {
        Fixtures.reader(width: width, height: 30, focus: 1)
    }

    func savedChanges(_ effects: [Effect]) -> [AnnotationChange] {
        effects.flatMap { effect -> [AnnotationChange] in
            if case .saveAnnotations(_, let changes) = effect { return changes }
            return []
        }
    }

    @Test func hHighlightsTheWholeParagraphAndSavesAtOnce() throws {
        var state = reader()
        let effects = Fixtures.press([.char("h")], on: &state)
        let view = try #require(state.reader)
        let created = try #require(view.annotations.annotations.first)
        #expect(view.annotations.annotations.count == 1)
        #expect(created.anchor.blockIndex == 1)
        #expect(created.anchor.quote.exact == Fixtures.article.blocks[1].text)
        #expect(created.anchor.position.range == view.annotations.text.range(ofBlock: 1))
        #expect(created.color == "yellow")
        #expect(savedChanges(effects) == [.upsert(created)])
        #expect(state.message?.text == "highlighted ¶ 2")
    }

    @Test func hAgainRemovesItAndUndoBringsItBackUnderANewID() throws {
        var state = reader()
        _ = Fixtures.press([.char("h")], on: &state)
        let original = try #require(state.reader?.annotations.annotations.first)
        let removal = Fixtures.press([.char("h")], on: &state)
        #expect(state.reader?.annotations.annotations.isEmpty == true)
        #expect(savedChanges(removal).map(\.annotation.deleted).last == true)

        _ = Fixtures.press([.char("u")], on: &state)
        let restored = try #require(state.reader?.annotations.annotations.first)
        #expect(restored.anchor == original.anchor)
        #expect(restored.id != original.id, "a tombstoned id can never be stored again")
        #expect(state.message?.text == "undone: remove highlight")

        _ = Fixtures.press([.ctrl("r")], on: &state)
        #expect(state.reader?.annotations.annotations.isEmpty == true)
        _ = Fixtures.press([.ctrl("r")], on: &state)
        #expect(state.message?.text == "nothing to redo")
    }

    @Test func cCyclesThroughTheConfiguredColours() throws {
        var state = reader()
        _ = Fixtures.press([.char("h"), .char("c")], on: &state)
        #expect(state.reader?.annotations.annotations.first?.color == "green")
        _ = Fixtures.press([.char("c"), .char("c"), .char("c")], on: &state)
        #expect(state.reader?.annotations.annotations.first?.color == "yellow")
        _ = Fixtures.press([.char("j"), .char("c")], on: &state)
        #expect(state.message?.text == "no highlight here (h highlights the paragraph)")
    }

    @Test func undoReachesBackOverAHundredSteps() throws {
        var state = reader()
        _ = Fixtures.press([.char("h")], on: &state)
        _ = Fixtures.press(Array(repeating: .char("c"), count: 120), on: &state)
        _ = Fixtures.press(Array(repeating: .char("u"), count: 120), on: &state)
        #expect(state.reader?.annotations.annotations.first?.color == "yellow")
        _ = Fixtures.press([.char("u")], on: &state)
        #expect(state.reader?.annotations.annotations.isEmpty == true)
        _ = Fixtures.press(Array(repeating: .ctrl("r"), count: 121), on: &state)
        // 120 cycles through four colours end where they began.
        #expect(state.reader?.annotations.annotations.first?.color == "yellow")
        #expect(state.reader?.annotations.history.redoSteps.isEmpty == true)
    }

    @Test func aWithoutAHighlightCreatesOneAndOpensTheEditor() throws {
        var state = reader()
        _ = Fixtures.press([.char("a")], on: &state)
        let editing = try #require(state.noteEditor)
        let created = try #require(state.reader?.annotations.annotations.first)
        #expect(editing.annotationID == created.id)
        let effects = Fixtures.press(Fixtures.type("Tide 潮 🌊 #energy") + [.enter], on: &state)
        #expect(state.noteEditor == nil)
        let saved = try #require(state.reader?.annotations.annotations.first)
        #expect(saved.note == "Tide 潮 🌊 #energy")
        #expect(saved.tags == ["energy"])
        #expect(savedChanges(effects).last == .upsert(saved))
        _ = Fixtures.press([.char("u")], on: &state)
        #expect(state.reader?.annotations.annotations.first?.note == "")
    }

    @Test func capitalAAsksTheRunLoopForTheExternalEditor() throws {
        var state = reader()
        _ = Fixtures.press([.char("h")], on: &state)
        let id = try #require(state.reader?.annotations.annotations.first?.id)
        let effects = Fixtures.press([.char("A")], on: &state)
        #expect(effects == [.editNoteExternally(annotationID: id, text: "")])
        _ = reduce(&state, .noteEditedExternally(annotationID: id, text: "from vi"))
        #expect(state.reader?.annotations.annotations.first?.note == "from vi")
    }

    @Test func aFailedSaveKeepsTheChangeAndSendsItAgainWithTheNext() throws {
        var state = reader()
        _ = Fixtures.press([.char("h")], on: &state)
        _ = reduce(&state, .annotationsSaveFailed(relativePath: "tidal.md", message: "No space left on device"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("No space left on device") == true)
        #expect(state.reader?.annotations.annotations.count == 1)
        let next = Fixtures.press([.char("c")], on: &state)
        #expect(savedChanges(next).count == 2, "the unconfirmed creation is re-sent with the colour change")
        let stored = AnnotationMerge.apply(savedChanges(next), to: [])
        _ = reduce(&state, .annotationsSaved(relativePath: "tidal.md", stored: stored))
        #expect(state.reader?.annotations.unsaved.isEmpty == true)
        #expect(state.reader?.annotations.annotations.first?.color == "green")
    }

    @Test func aSaveBringsInAnotherProcessesAnnotations() throws {
        var state = reader()
        let effects = Fixtures.press([.char("h")], on: &state)
        let text = try #require(state.reader?.annotations.text)
        let anchor = try #require(AnnotationAnchor(range: 0..<6, in: text))
        let other = Annotation(id: "other", created: Timestamp(millisecondsSince1970: 1), anchor: anchor)
        let stored = AnnotationMerge.apply(savedChanges(effects) + [.upsert(other)], to: [])
        _ = reduce(&state, .annotationsSaved(relativePath: "tidal.md", stored: stored))
        #expect(state.reader?.annotations.annotations.map(\.id).contains("other") == true)
        #expect(state.reader?.annotations.annotations.count == 2)
    }

    @Test func readOnlyAnnotationsRefuseChanges() throws {
        var state = Fixtures.state(width: 100, height: 30)
        _ = reduce(&state, .articleOpened(OpenedArticle(
            relativePath: "tidal.md", article: Fixtures.article, savedFocus: 1, isReadOnly: true)))
        let effects = Fixtures.press([.char("h")], on: &state)
        #expect(effects.isEmpty)
        #expect(state.reader?.annotations.annotations.isEmpty == true)
        #expect(state.message?.isError == true)
    }

    @Test func leavingAndQuittingRetryUnsavedChanges() throws {
        var state = reader()
        _ = Fixtures.press([.char("h")], on: &state)
        _ = reduce(&state, .annotationsSaveFailed(relativePath: "tidal.md", message: "disk full"))
        let quit = Fixtures.press([.char("Q")], on: &state)
        #expect(savedChanges(quit).count == 1)
        #expect(quit.last == .quit)
    }

    @Test func onlyAFirstOpeningMarksTheArticleRead() {
        var state = Fixtures.state(width: 100, height: 30)
        let again = reduce(&state, .articleOpened(OpenedArticle(
            relativePath: "tidal.md", article: Fixtures.article, savedFocus: 4, annotationsPending: true)))
        #expect(again == [.loadAnnotations(relativePath: "tidal.md")])
    }

    @Test func annotationKeysWaitUntilTheAnnotationsAreLoaded() throws {
        var state = Fixtures.state(width: 100, height: 30)
        let effects = reduce(&state, .articleOpened(OpenedArticle(
            relativePath: "tidal.md", article: Fixtures.article, annotationsPending: true)))
        #expect(effects == [.loadAnnotations(relativePath: "tidal.md"), .markOpened(relativePath: "tidal.md")])
        #expect(Fixtures.press([.char("h")], on: &state).isEmpty)
        #expect(state.message?.text == "annotations are still loading")
        _ = reduce(&state, .annotationsLoaded(
            relativePath: "tidal.md",
            LoadedAnnotations(annotations: [], text: ArticleText(Fixtures.article), messages: ["2 notes re-anchored"])))
        #expect(state.message?.text == "2 notes re-anchored")
        _ = Fixtures.press([.char("h")], on: &state)
        #expect(state.reader?.annotations.annotations.count == 1)
    }
}
