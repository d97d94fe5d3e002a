import GlossCore
import Testing

@testable import GlossTUI

/// The run loop keeps what could not be saved when it ends, for the caller to put somewhere
/// safe (the CLI writes a recovery file): nothing the user was told is kept may vanish on quit.
@Suite("Unsaved changes when the run loop ends")
struct UnsavedOnQuitTests {
    @Test func aChangeWhoseSavesFailedIsHandedBackWhenTheReaderQuits() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("h"), .char("Q")])
        let services = FakeServices()
        services.failSaves = true
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        let kept = app.unsavedAnnotations["tidal.md"]
        #expect(kept?.changes.count == 1)
        #expect(kept?.failure.isEmpty == false)
        // Both the change itself and the retry on quit were tried.
        #expect(services.saveCalls == 2)
    }

    @Test func nothingIsHandedBackOnceASaveSucceeded() {
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.enter, .char("h"), .char("Q")])
        let services = FakeServices()
        let app = App(state: AppState(size: terminal.size, world: Fixtures.world), terminal: terminal, services: services)
        app.run()
        #expect(app.unsavedAnnotations.isEmpty)
        #expect(services.stored["tidal.md"]?.count == 1)
    }
}
