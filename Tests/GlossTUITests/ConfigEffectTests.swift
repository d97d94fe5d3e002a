import Foundation
import GlossCore
import Testing

@testable import GlossTUI

/// One test per table of `config.toml`: a non-default value written in a real file, loaded the
/// way `gloss` loads it, changes what the reader draws or saves. A setting that is decoded and
/// then dropped on the way to the screen fails here. (`[export]`, `[library]` and the top-level
/// directories act in the command line: see ExportCommandTests, SecurityCLITests and CLITests.)
@Suite("Config settings take effect")
struct ConfigEffectTests {
    /// Loads `toml` from a real `config.toml` and opens the fixture article with it.
    func reader(_ toml: String, width: Int = 100, height: Int = 30, focus: Int = 1) throws -> AppState {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(explicit: file.path, environment: [:])
        var state = AppState(size: Size(width: width, height: height), config: config, world: Fixtures.world)
        _ = reduce(&state, .libraryLoaded(Fixtures.items))
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "tidal.md", article: Fixtures.article, savedFocus: focus)))
        return state
    }

    func borderColumn(_ buffer: Buffer) -> Int? {
        (0..<buffer.width).first { x in (0..<(buffer.height - 1)).allSatisfy { buffer.cell(x: x, y: $0)?.text == "│" } }
    }

    @Test func paneVisibleFalseOpensArticlesWithoutThePane() throws {
        let shown = ScreenRenderer.render(try reader("")).buffer
        #expect(borderColumn(shown) != nil)
        let hidden = ScreenRenderer.render(try reader("[pane]\nvisible = false\n")).buffer
        #expect(borderColumn(hidden) == nil)
    }

    @Test func paneWidthSetsThePaneColumns() throws {
        let buffer = ScreenRenderer.render(try reader("[pane]\nwidth = 50\n")).buffer
        #expect(borderColumn(buffer) == 100 - 50)
        let share = ScreenRenderer.render(try reader("[pane]\nwidth = \"30%\"\n")).buffer
        #expect(borderColumn(share) == 100 - 30)
    }

    @Test func paneMinWindowWidthHidesThePaneOnNarrowerWindows() throws {
        var state = try reader("[pane]\nmin-window-width = 120\n")
        #expect(borderColumn(ScreenRenderer.render(state).buffer) == nil)
        _ = reduce(&state, .resize(Size(width: 130, height: 30)))
        #expect(borderColumn(ScreenRenderer.render(state).buffer) != nil)
    }

    @Test func highlightColorsAndDefaultNameAndDrawNewHighlights() throws {
        var state = try reader(
            """
            [highlight]
            colors = ["yellow", { name = "mint", color = "cyan" }, "blue", "red"]
            default = 2
            """)
        _ = Fixtures.press([.char("h")], on: &state)
        let saved = try #require(state.reader?.annotations.annotations.first)
        #expect(saved.color == "mint")
        let buffer = ScreenRenderer.render(state).buffer
        // The focused paragraph, not its entry in the notes pane.
        let row = try #require(buffer.lines.firstIndex { $0.hasPrefix("▎ Paragraph 1.") })
        let x = try #require(buffer.lines[row].range(of: "Paragraph")).lowerBound.utf16Offset(in: buffer.lines[row])
        #expect(buffer.cell(x: x, y: row)?.style.background == .cyan)
    }

    @Test func readerMeasureNarrowsTheText() throws {
        let state = try reader("[reader]\nmeasure = 40\n[pane]\nvisible = false\n")
        #expect(state.textArea.width == 40)
        #expect(ScreenRenderer.render(state).buffer.trimmedLines.dropLast().allSatisfy { $0.count <= 100 - 30 })
    }

    @Test func colorsStyleTheScreen() throws {
        let state = try reader("[colors]\nheading = \"bold magenta\"\n", focus: 0)
        let buffer = ScreenRenderer.render(state).buffer
        // The heading, not the byline header's title above it.
        let row = try #require(buffer.lines.dropLast().lastIndex { $0.contains("Harbor Cities Bet") })
        let x = try #require(buffer.lines[row].range(of: "Harbor")).lowerBound.utf16Offset(in: buffer.lines[row])
        #expect(buffer.cell(x: x, y: row)?.style.foreground == .magenta)
    }

    @Test func keysRemapAReaderKey() throws {
        var state = try reader("[keys.reader]\nx = \"move-down\"\n")
        _ = Fixtures.press([.char("x")], on: &state)
        #expect(state.reader?.focus == 2)
    }
}
