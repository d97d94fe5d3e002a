import GlossCore
import Testing

@testable import GlossTUI

/// The library with feed folders: groups, unread markers, date order, filtering on feed names
/// and tags, and `R` fetching in the background.
@Suite("Library feeds")
struct LibraryFeedsTests {
    static let items: [LibraryItem] = [
        LibraryItem(relativePath: "ars/2026-11-20-old.md", title: "Old chips story", source: "Ars", date: "2026-11-20", tags: ["tech"], progress: 10, group: "Ars"),
        LibraryItem(relativePath: "local.md", title: "A local article", date: "2026-01-01", progress: 50),
        LibraryItem(relativePath: "ars/2026-11-23-new.md", title: "New chips story", source: "Ars", date: "2026-11-23", tags: ["tech"], group: "Ars"),
        LibraryItem(relativePath: "bbc/undated-x.md", title: "Undated BBC piece", source: "BBC", tags: ["world"], group: "BBC"),
        LibraryItem(relativePath: "bbc/2026-11-22-y.md", title: "BBC tide report", source: "BBC", date: "2026-11-22T08:00:00Z", tags: ["world"], group: "BBC"),
    ]

    func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(size: Size(width: width, height: height), world: Fixtures.world)
        _ = reduce(&state, .libraryLoaded(Self.items))
        return state
    }

    func titles(_ state: AppState) -> [String] {
        state.library.visible.map { state.library.items[$0].title }
    }

    @Test func groupsComeAfterLooseArticlesAndSortNewestFirst() {
        let state = state()
        #expect(titles(state) == ["A local article", "New chips story", "Old chips story", "BBC tide report", "Undated BBC piece"])
        #expect(state.library.rows == [
            .item(0), .heading("Ars", count: 2, unread: 1), .item(1), .item(2),
            .heading("BBC", count: 2, unread: 2), .item(3), .item(4),
        ])
    }

    @Test func screenShowsHeadingsWithUnreadCountsAndNewMarkers() {
        let lines = ScreenRenderer.render(state()).buffer.lines
        let heading = try? #require(lines.first { $0.contains("── Ars") })
        #expect(heading?.contains("Ars · 2 · 1 unread") == true)
        #expect(lines.contains { $0.contains("BBC · 2 · 2 unread") })
        let newStory = lines.first { $0.contains("New chips story") } ?? ""
        let oldStory = lines.first { $0.contains("Old chips story") } ?? ""
        #expect(newStory.contains("new"))
        #expect(oldStory.contains("10%"))
        #expect(!oldStory.contains("new"))
    }

    @Test func openingAndLeavingMarksAnArticleRead() {
        var state = state()
        _ = Fixtures.press([.char("j")], on: &state)
        #expect(state.library.selectedItem?.title == "New chips story")
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "ars/2026-11-23-new.md", article: Fixtures.article)))
        let effects = Fixtures.press([.char("q")], on: &state)
        #expect(effects.contains { if case .saveReadingPosition("ars/2026-11-23-new.md", _, _) = $0 { true } else { false } })
        #expect(state.library.selectedItem?.isUnread == false)
        #expect(state.library.rows.contains(.heading("Ars", count: 2, unread: 0)))
    }

    @Test func filterMatchesFeedNamesAndTags() {
        var state = state()
        _ = Fixtures.press([.char("/")] + Fixtures.type("bbc"), on: &state)
        #expect(titles(state) == ["BBC tide report", "Undated BBC piece"])
        _ = Fixtures.press([.escape, .escape], on: &state)
        state.library.filter = "tech"
        #expect(titles(state) == ["New chips story", "Old chips story"])
        #expect(state.library.rows.first == .heading("Ars", count: 2, unread: 1))
    }

    @Test func scrollingShowsTheHeadingOfTheFirstItemInAGroup() {
        // 10 rows: header (2) + 7 list lines + the status line.
        var state = state(width: 60, height: 10)
        _ = Fixtures.press([.char("G")], on: &state)
        #expect(state.library.selectedItem?.title == "Undated BBC piece")
        var lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.contains { $0.contains("Undated BBC piece") })
        _ = Fixtures.press([.char("k")], on: &state)
        lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.contains { $0.contains("── BBC") })
        _ = Fixtures.press([.char("g")], on: &state)
        #expect(state.library.top == 0)
        lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.contains { $0.contains("A local article") })
    }

    @Test func rFetchesInTheBackgroundOnceAtATime() {
        var state = state()
        #expect(Fixtures.press([.char("R")], on: &state) == [.fetchFeeds])
        #expect(state.feedFetch != nil)
        #expect(Fixtures.press([.char("R")], on: &state).isEmpty)
        #expect(state.message?.text == "feeds are already being fetched")
        _ = reduce(&state, .feedFetch(.progress(done: 1, total: 3, current: "BBC")))
        _ = Fixtures.press([.char("j")], on: &state)
        let status = ScreenRenderer.render(state).buffer.lines.last ?? ""
        #expect(status.contains("fetching feeds 2/3 · BBC…"))
        // Reading goes on while the fetch runs.
        #expect(state.library.selected == 1)
    }

    @Test func readingGoesOnWhileTheFetchRuns() {
        var state = state()
        _ = Fixtures.press([.char("R")], on: &state)
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "local.md", article: Fixtures.article)))
        _ = reduce(&state, .feedFetch(.progress(done: 1, total: 4, current: "BBC")))
        _ = Fixtures.press([.char("j")], on: &state)
        #expect(state.reader?.focus == 1)
        #expect(ScreenRenderer.render(state).buffer.lines.last?.contains("feeds 1/4…") == true)
        let effects = reduce(&state, .feedFetch(.finished(summary: "fetched 4 feeds: 1 new, 0 updated", failures: [])))
        #expect(effects == [.reloadLibrary])
        #expect(state.screen == .reader)
        #expect(state.message?.text == "fetched 4 feeds: 1 new, 0 updated")
    }

    @Test func finishedFetchReloadsTheLibraryAndShowsPerFeedErrors() {
        var state = state(width: 120)
        _ = Fixtures.press([.char("R")], on: &state)
        let effects = reduce(&state, .feedFetch(.finished(
            summary: "fetched 3 feeds: 4 new, 1 updated; 1 failed",
            failures: [FeedFailure(name: "BBC", message: "the server answered HTTP 500 (server error)")])))
        #expect(effects == [.reloadLibrary])
        #expect(state.feedFetch == nil)
        #expect(state.message?.isError == true)
        var lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.last?.contains("4 new, 1 updated; 1 failed · BBC: the server answered HTTP 500") == true)
        // Once the message is gone, the feed's heading still says what went wrong.
        _ = Fixtures.press([.char("j")], on: &state)
        lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.contains { $0.contains("── BBC · 2 · 2 unread · fetch failed: the server answered HTTP 500 (server error) ─") })
        #expect(!lines.contains { $0.contains("Ars") && $0.contains("fetch failed") })
        _ = Fixtures.press([.char("R")], on: &state)
        _ = reduce(&state, .feedFetch(.finished(summary: "fetched 3 feeds: 0 new, 0 updated", failures: [])))
        #expect(!ScreenRenderer.render(state).buffer.lines.contains { $0.contains("fetch failed") })
    }

    @Test func fetchThatCannotStartSaysWhy() {
        var state = state()
        _ = Fixtures.press([.char("R")], on: &state)
        _ = reduce(&state, .feedFetch(.unavailable("no feeds configured")))
        #expect(state.feedFetch == nil)
        #expect(state.message == StatusMessage("no feeds configured", isError: true, needsWholeLine: true))
        #expect(Fixtures.press([.char("R")], on: &state) == [.fetchFeeds])
    }

    @Test func helpListsR() {
        var state = state(width: 80, height: 50)
        _ = Fixtures.press([.char("?")], on: &state)
        let lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines.contains { $0.contains("R") && $0.contains("fetch feeds in the background") })
    }

    @Test func runLoopTakesInFetchNewsAndReloadsTheLibrary() {
        let services = FetchingServices()
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.char("R")])
        let app = App(state: AppState(size: Size(width: 80, height: 24), world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.fetches == 1)
        #expect(services.loads == 2)
        #expect(app.state.feedFetch == nil)
        #expect(app.state.library.items.count == Self.items.count)
        #expect(app.state.message?.text == "fetched 2 feeds: 5 new, 0 updated")
    }
}

/// Services whose fetch finishes at once: the library gains the feed articles afterwards.
final class FetchingServices: ReaderServices {
    var fetches = 0
    var loads = 0
    private var updates: [FeedFetchUpdate] = []

    func loadLibrary() -> Result<[LibraryItem], ServiceFailure> {
        loads += 1
        return .success(fetches == 0 ? [] : LibraryFeedsTests.items)
    }

    func startFeedFetch() -> ServiceFailure? {
        fetches += 1
        updates = [.progress(done: 0, total: 2, current: "Ars"), .finished(summary: "fetched 2 feeds: 5 new, 0 updated", failures: [])]
        return nil
    }

    func takeFeedFetchUpdates() -> [FeedFetchUpdate] {
        defer { updates = [] }
        return updates
    }

    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> { .failure(ServiceFailure("unused")) }
    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? { nil }
    func loadAnnotations(relativePath: String) -> LoadedAnnotations {
        LoadedAnnotations(annotations: [], text: ArticleText(Fixtures.article))
    }
    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> { .success([]) }
    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure> { .failure(ServiceFailure("unused")) }
    func editExternally(_ text: String) -> Result<String, ServiceFailure> { .failure(ServiceFailure("unused")) }
}

/// Services whose fetch never finishes, so input can end while it runs.
final class EndlessFetchServices: FakeServices {
    override func startFeedFetch() -> ServiceFailure? { nil }
}

@Suite("Background fetch and shutdown")
struct BackgroundFetchShutdownTests {
    @Test func aNoteBeingTypedDuringAFetchIsSavedWhenInputEnds() {
        let keys: [Key] = [.char("R"), .enter, .char("h"), .char("a")] + Fixtures.type("typed while fetching")
        let terminal = MemoryTerminal(width: 100, height: 30, keys: keys)
        terminal.typesAhead = true
        let services = EndlessFetchServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(app.state.feedFetch != nil, "the fetch was still running when input ended")
        #expect(services.stored["tidal.md"]?.contains { $0.note == "typed while fetching" } == true)
        #expect(services.saved.last?.path == "tidal.md")
    }
}
