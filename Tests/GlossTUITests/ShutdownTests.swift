import GlossCore
import Testing

@testable import GlossTUI

/// When gloss must stop without a quit key (SIGTERM at shutdown, SIGHUP when the terminal
/// closes, input ending), nothing typed is lost: the run loop saves on the way out.
@Suite("Saving on a forced stop")
struct ShutdownTests {
    func run(_ keys: [Key], failSaves: Bool = false) -> (App, FakeServices) {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: keys)
        let services = FakeServices()
        services.failSaves = failSaves
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        return (app, services)
    }

    @Test func aNoteBeingTypedIsSavedAsTheNote() {
        let (app, services) = run([.enter, .char("j"), .char("a")] + Fixtures.type("typed when the #signal came"))
        #expect(app.state.noteEditor == nil)
        let stored = services.stored["tidal.md"] ?? []
        #expect(stored.count == 1)
        #expect(stored.first?.note == "typed when the #signal came")
        #expect(stored.first?.tags == ["signal"])
        #expect(services.saved.last?.block == 1)
    }

    @Test func anEditorOpenedButUnchangedSavesNothingMore() {
        let (_, services) = run([.enter, .char("h"), .char("a")])
        #expect(services.stored["tidal.md"]?.first?.note == "")
        #expect(services.saveCalls == 1)
    }

    @Test func changesWhoseSaveFailedAreSentOnceMore() {
        let (app, services) = run([.enter, .char("h")], failSaves: true)
        #expect(services.saveCalls == 2)
        // Still failing: the change stays in memory, as after any failed save.
        #expect(app.state.reader?.annotations.unsaved.count == 1)
    }
}
