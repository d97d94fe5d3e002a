import GlossCore
import Testing

@testable import GlossTUI

/// The first frame at start-up is the article itself: an empty reader drawn before the article is
/// read would cost a whole frame's write before the first screen that counts.
@Suite("The first frame")
struct FirstFrameTests {
    private func framesOfRun(from screen: ScreenKind, startup: [Effect], keys: [Key]) -> [[String]] {
        let terminal = MemoryTerminal(width: 80, height: 24, keys: keys)
        var frames: [[String]] = []
        terminal.afterDraw = { buffer in frames.append(buffer.trimmedLines) }
        let state = AppState(size: terminal.size, screen: screen, quitsWithReader: screen == .reader)
        let app = App(state: state, terminal: terminal, services: FakeServices())
        app.run(startup: startup)
        return frames
    }

    @Test func startingOnAnArticleDrawsTheArticleFirst() throws {
        let frames = framesOfRun(from: .reader, startup: [.openArticle(relativePath: "tidal.md")], keys: [.char("Q")])
        let first = try #require(frames.first)
        let firstWords = try #require(Fixtures.article.blocks.first?.text.split(separator: " ").prefix(3).joined(separator: " "))
        #expect(first.contains { $0.contains(firstWords) }, "the first frame: \(first)")
        #expect(first.last?.contains("¶ 1/") == true)
    }

    @Test func openingFromTheLibraryStillShowsTheLibraryWhileTheArticleLoads() throws {
        let frames = framesOfRun(from: .library, startup: [], keys: [.enter, .char("Q")])
        #expect(frames.count >= 2)
        let beforeOpening = try #require(frames.first { frame in frame.contains { $0.contains("tidal") } })
        #expect(beforeOpening.last?.contains("¶") == false, "a library frame comes first: \(beforeOpening)")
    }
}
