import GlossCore
import Testing

@testable import GlossTUI

/// Services for the links article, recording what the run loop asked of the browser and saver.
final class LinkServices: ReaderServices {
    var opened: [(url: String, inTerminal: Bool)] = []
    var browserFailure: ServiceFailure?
    var saves: [(url: String, via: String)] = []
    var pendingSaves: [PageSaveUpdate] = []
    var openedPaths: [String] = []

    func loadLibrary() -> Result<[LibraryItem], ServiceFailure> {
        .success([LibraryItem(relativePath: "world/storm.md", title: "Storm closes the harbour")])
    }
    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        openedPaths.append(relativePath)
        return .success(OpenedArticle(relativePath: relativePath, article: LinkListReducerTests.article))
    }
    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? { nil }
    func loadAnnotations(relativePath: String) -> LoadedAnnotations {
        LoadedAnnotations(annotations: [], text: ArticleText(LinkListReducerTests.article))
    }
    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        .success([])
    }
    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure> { .success("") }
    func editExternally(_ text: String) -> Result<String, ServiceFailure> { .success(text) }
    func openInBrowser(_ url: String, inTerminal: Bool) -> ServiceFailure? {
        opened.append((url, inTerminal))
        return browserFailure
    }
    func startPageSave(url: String, via: String) -> ServiceFailure? {
        saves.append((url, via))
        pendingSaves.append(.saved(relativePath: "saved/tides.md", title: "Tide tables", existed: false))
        return nil
    }
    func takePageSaveUpdates() -> [PageSaveUpdate] {
        defer { pendingSaves = [] }
        return pendingSaves
    }
}

@Suite struct LinkRunLoopTests {
    @Test func theBrowserIsStartedAndAFailureIsShownWhileTheReaderKeepsRunning() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.enter, .char("L"), .char("2"), .enter])
        let services = LinkServices()
        services.browserFailure = ServiceFailure("could not start the browser \"nope\": not found")
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.opened.map(\.url) == ["https://maps.example/harbour"])
        #expect(services.opened.first?.inTerminal == false)
        #expect(terminal.releaseCount == 0)
        #expect(app.state.message?.text == "could not start the browser \"nope\": not found")
        #expect(app.state.message?.isError == true)
        #expect(app.state.linkList != nil)
    }

    @Test func aTextModeBrowserGetsTheTerminal() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.enter, .char("o")])
        let services = LinkServices()
        var state = AppState(size: terminal.size, world: Fixtures.world)
        state.linkSettings.browserInTerminal = true
        let app = App(state: state, terminal: terminal, services: services)
        app.run()
        #expect(services.opened.map(\.url) == ["https://ledger.example/storm"])
        #expect(terminal.releaseCount == 1)
    }

    @Test func oInTheLibraryOpensTheSelectedArticlesURL() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.char("o")])
        let services = LinkServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.opened.map(\.url) == ["https://ledger.example/storm"])
    }

    @Test func aSavedPageIsOfferedAndEnterReadsIt() {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: [.enter, .char("L"), .char("3"), .char("a"), .enter])
        let services = LinkServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(services.saves.map(\.url) == ["https://ledger.example/tides"])
        #expect(services.saves.map(\.via) == ["world/storm.md"])
        #expect(services.openedPaths == ["world/storm.md", "saved/tides.md"])
    }
}
