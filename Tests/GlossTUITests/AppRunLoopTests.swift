import Glibc
import GlossCore
import Testing

@testable import GlossTUI

/// Services kept in memory, recording what the run loop asked for.
class FakeServices: ReaderServices {
    var library: Result<[LibraryItem], ServiceFailure> = .success(Fixtures.items)
    var saved: [(path: String, block: Int, percent: Int)] = []

    func loadLibrary() -> Result<[LibraryItem], ServiceFailure> { library }
    func loadLibrary(progress: (_ done: Int, _ total: Int) -> Void) -> Result<[LibraryItem], ServiceFailure> {
        loadLibrary()
    }

    /// When true, annotations come after the first screen, as the real services do it.
    var deferAnnotations = false
    var annotationLoads = 0

    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        guard relativePath == "tidal.md" else { return .failure(ServiceFailure("cannot read file")) }
        if opensPartially {
            var opening = Fixtures.article
            opening.blocks = Array(opening.blocks.prefix(4))
            return .success(OpenedArticle(
                relativePath: relativePath, article: opening, annotationsPending: true, isPartial: true))
        }
        return .success(OpenedArticle(
            relativePath: relativePath, article: Fixtures.article, annotations: stored[relativePath] ?? [],
            annotationsPending: deferAnnotations))
    }

    /// When true, articles open from their first blocks, as the real services open large files.
    var opensPartially = false
    var completions = 0
    var completion: Result<OpenedArticle, ServiceFailure>?

    func completeArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        completions += 1
        if let completion { return completion }
        return .success(OpenedArticle(
            relativePath: relativePath, article: Fixtures.article, annotations: stored[relativePath] ?? [],
            annotationsPending: true))
    }

    func loadAnnotations(relativePath: String) -> LoadedAnnotations {
        annotationLoads += 1
        return LoadedAnnotations(annotations: stored[relativePath] ?? [], text: ArticleText(Fixtures.article))
    }

    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? {
        saved.append((relativePath, block, percent))
        return nil
    }

    /// What "storage" holds per article; `failSaves` makes every save fail as a full disk would.
    var stored: [String: [Annotation]] = [:]
    var failSaves = false
    var saveCalls = 0
    var externalEdit: Result<String, ServiceFailure> = .failure(ServiceFailure("no editor"))
    var externalInputs: [String] = []

    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        saveCalls += 1
        if failSaves { return .failure(ServiceFailure("No space left on device")) }
        let merged = AnnotationMerge.apply(changes, to: stored[relativePath] ?? [])
        stored[relativePath] = merged
        return .success(merged)
    }

    var exported: [String?] = []
    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure> {
        exported.append(relativePath)
        return .success("exported to /exports/\(relativePath ?? "all")")
    }

    /// No feeds here; a subclass can start an endless fetch.
    func startFeedFetch() -> ServiceFailure? { ServiceFailure("fetching feeds is not available here") }
    func takeFeedFetchUpdates() -> [FeedFetchUpdate] { [] }

    func editExternally(_ text: String) -> Result<String, ServiceFailure> {
        externalInputs.append(text)
        return externalEdit
    }
}

@Suite("Run loop on a memory terminal")
struct AppRunLoopTests {
    @Test func openReadQuitSavesThePosition() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.enter, .char("j"), .char("j"), .char("Q")])
        let services = FakeServices()
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: services)
        app.run()
        #expect(app.state.screen == .reader)
        // Once when the article is first opened (it is read from then on), once on quitting.
        #expect(services.saved.count == 2)
        #expect(services.saved.first?.path == "tidal.md")
        #expect(services.saved.first?.block == 0)
        #expect(services.saved.last?.block == 2)
        #expect(terminal.screen.trimmedLines.last?.contains("¶ 3/19") == true)
    }

    @Test func annotationChangesAreSavedAsTheyHappen() {
        let keys: [Key] = [.enter, .char("j"), .char("h"), .char("c"), .char("u")]
        let terminal = MemoryTerminal(width: 100, height: 30, keys: keys)
        let services = FakeServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.saveCalls == 3, "create, recolour and undo each save at once")
        let stored = services.stored["tidal.md"] ?? []
        #expect(stored.count == 1)
        #expect(stored.first?.color == "yellow", "the undo of the recolour was saved too")
        #expect(app.state.reader?.annotations.unsaved.isEmpty == true)
    }

    @Test func aFailingDiskKeepsChangesInMemoryAndSaysSo() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("h")])
        let services = FakeServices()
        services.failSaves = true
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(app.state.reader?.annotations.annotations.count == 1)
        #expect(app.state.reader?.annotations.unsaved.count == 1)
        #expect(terminal.screen.trimmedLines.last?.contains("No space left on device") == true)
    }

    @Test func theExternalEditorReleasesTheTerminalAndItsTextBecomesTheNote() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("j"), .char("A")])
        let services = FakeServices()
        services.externalEdit = .success("written in vi #later")
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(terminal.releaseCount == 1)
        #expect(services.externalInputs == [""])
        #expect(app.state.reader?.annotations.annotations.first?.note == "written in vi #later")
        #expect(services.stored["tidal.md"]?.first?.tags == ["later"])
    }

    @Test func eExportsTheOpenArticleAndShowsWhereItWent() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("E"), .char("h"), .char("E")])
        let services = FakeServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.exported == ["tidal.md"], "nothing to export before the first highlight")
        #expect(terminal.screen.trimmedLines.last?.contains("exported to /exports/tidal.md") == true)
    }

    @Test func libraryExportsTheSelectedArticleOrAll() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.char("E"), .char("j"), .char("E"), .char("X")])
        let services = FakeServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.exported == ["tidal.md", nil], "tokyo.md has no highlights, so E skips it")
    }

    @Test func annotationsLoadedAfterTheFirstScreenAppearInTheSameRun() throws {
        let services = FakeServices()
        services.deferAnnotations = true
        let text = ArticleText(Fixtures.article)
        let range = try #require(text.range(ofBlock: 0))
        let anchor = try #require(AnnotationAnchor(range: range, in: text))
        services.stored["tidal.md"] = [Annotation(id: "kept", created: Timestamp(millisecondsSince1970: 1), anchor: anchor)]
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter])
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.annotationLoads == 1)
        #expect(app.state.reader?.annotations.isLoading == false)
        #expect(app.state.reader?.annotations.annotations.map(\.id) == ["kept"])
        #expect(terminal.screen.lines.contains { $0.contains("Notes 1") })
    }

    @Test func typedAheadSearchRunsOnceForTheWholeQuery() {
        var state = Fixtures.reader()
        state.isInputPending = true
        _ = Fixtures.press([.char("/")] + Fixtures.type("lightho"), on: &state)
        #expect(state.reader?.search == nil, "no search while more keys are waiting")
        state.isInputPending = false
        _ = Fixtures.press([.char("u")], on: &state)
        #expect(state.reader?.search?.query == "lighthou")
        #expect(state.reader?.focus == 18, "the lighthouse keeper is in the last paragraph")
        // Enter after typed-ahead keys still searches for the final text.
        state.isInputPending = true
        _ = Fixtures.press([.backspace, .backspace], on: &state)
        state.isInputPending = false
        _ = Fixtures.press([.enter], on: &state)
        #expect(state.reader?.search?.query == "lighth")
    }

    @Test func typedAheadKeysAreDrawnOnce() {
        let keys: [Key] = [.enter] + Array(repeating: .char("j"), count: 5)
        let terminal = MemoryTerminal(width: 100, height: 30, keys: keys)
        terminal.typesAhead = true
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: FakeServices())
        app.run()
        #expect(app.state.reader?.focus == 5)
        #expect(
            terminal.drawCount <= 4,
            "library, the reader after the whole batch, once after idle work (drawn \(terminal.drawCount) times)")
    }

    @Test func readingKeysGoFirstAndAnnotationKeysWaitForTheLoad() {
        let services = FakeServices()
        services.deferAnnotations = true
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("j"), .char("G"), .char("h")])
        terminal.typesAhead = true
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.annotationLoads == 1)
        #expect(app.state.reader?.focus == 18)
        #expect(app.state.reader?.annotations.annotations.count == 1, "h waited for the annotations, then highlighted")
        #expect(app.state.message?.text != "annotations are still loading")
    }

    @Test func resizeBetweenKeysRelaysOut() {
        let terminal = MemoryTerminal(width: 120, height: 40, keys: [.enter, .resize, .char("G")])
        terminal.beforeKey = { term, key in if key == .resize { term.resize(width: 50, height: 12) } }
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: FakeServices())
        app.run()
        #expect(terminal.screen.width == 50)
        #expect(app.state.reader?.layout.width == app.state.textArea.width)
        #expect(terminal.screen.trimmedLines.allSatisfy { DisplayWidth.of($0) <= 50 })
    }

    @Test func unreadableLibraryIsReportedNotBlank() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [])
        let services = FakeServices()
        services.library = .failure(ServiceFailure("No such file: /gone"))
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: services)
        app.run()
        #expect(terminal.screen.trimmedLines.last?.contains("No such file: /gone") == true)
    }

    @Test func openFailureShowsWhy() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.char("j"), .enter])
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: FakeServices())
        app.run()
        #expect(app.state.screen == .library)
        #expect(terminal.screen.trimmedLines.last?.contains("tokyo.md: cannot read file") == true)
    }
}

/// Services whose library scan is slow, as a first scan of 20,000 articles is.
final class SlowLibraryServices: FakeServices {
    override func loadLibrary(progress: (_ done: Int, _ total: Int) -> Void) -> Result<[LibraryItem], ServiceFailure> {
        // Past the delay after which the run loop shows progress (a sleep lasts at least this long).
        usleep(250_000)
        progress(250, 500)
        return library
    }
}

@Suite struct LibraryLoadingProgressTests {
    @Test func aSlowFirstScanShowsHowFarItIsBeforeTheList() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.char("Q")])
        var frames: [[String]] = []
        terminal.afterDraw = { frames.append($0.trimmedLines) }
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: SlowLibraryServices())
        app.run()
        #expect(frames.first?.contains { $0.contains("Loading… 250 of 500 articles") } == true)
        #expect(frames.last?.contains { $0.contains("Loading") } == false)
        #expect(app.state.library.loadingProgress == nil)
    }

    @Test func aQuickScanDrawsNoProgress() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.char("Q")])
        var frames: [[String]] = []
        terminal.afterDraw = { frames.append($0.trimmedLines) }
        App(state: AppState(size: terminal.size), terminal: terminal, services: FakeServices()).run()
        #expect(!frames.joined().contains { $0.contains("Loading") })
    }

    @Test func theLoadingLineCountsArticlesWithSeparators() {
        #expect(LibraryPane.loadingText(nil) == "Loading…")
        #expect(LibraryPane.loadingText(.init(done: 4250, total: 20000)) == "Loading… 4,250 of 20,000 articles")
    }
}
