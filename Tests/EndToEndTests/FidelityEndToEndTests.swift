import Foundation
import Testing

/// Issue-level checks of what a reader sees first, on the real binary in tmux: titles, long
/// code and tables, search from the focus, settings from a real config.toml, the full export
/// path, the pane hint on a narrow window and the export hint.
@Suite("Reading fidelity end to end in tmux", .serialized)
struct FidelityEndToEndTests {
    let gloss = Package.quoted(Package.gloss)
    let articles = Package.quoted(Package.articles)

    /// A private articles folder holding `files`, and the command line options pointing at it.
    func prepare(_ tmux: Tmux, files: [String: String] = [:], config: String? = nil) throws -> String {
        let folder = tmux.home.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Package.articles + "/binance-world-liberty.txt",
            toPath: folder.appendingPathComponent("binance-world-liberty.txt").path)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var options = " --articles \(Package.quoted(folder.path)) --data \(Package.quoted(tmux.home.path + "/data"))"
        if let config {
            let file = tmux.home.appendingPathComponent("config.toml")
            try config.write(to: file, atomically: true, encoding: .utf8)
            options += " --config \(Package.quoted(file.path))"
        }
        return options
    }

    @Test func theSampleIsTitledAfterItsFileAndSearchContinuesFromTheFocus() throws {
        let tmux = try Tmux()
        let options = try prepare(tmux)
        try tmux.type("\(gloss) read \(Package.quoted(tmux.home.path + "/articles/binance-world-liberty.txt"))\(options)")
        try tmux.waitFor(all: ["Binance World Liberty", "¶ 1/19"])
        try tmux.keys("/")
        try tmux.type("Trump")
        try tmux.waitFor("¶ 1/19")
        // G goes to ¶ 19, which mentions Trump too: n finds it there, not back at ¶ 2.
        try tmux.keys("G")
        try tmux.waitFor("¶ 19/19")
        try tmux.keys("n")
        Thread.sleep(forTimeInterval: 0.3)
        let screen = try tmux.waitFor("¶ 19/19")
        #expect(!screen.contains("¶ 2/19"))
        try tmux.keys("n")
        try tmux.waitFor("search hit BOTTOM, continuing at TOP")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }

    @Test func longCodeWrapsBehindAMarkerAndATableIsAGrid() throws {
        let tmux = try Tmux(width: 70, height: 30)
        let code = #".executableTarget(name: "<command-line-tool>", dependencies: [.product(name: "ArgumentParser")]),"#
        let markdown = "# Swift Argument Parser\n\n```swift\n" + code + "\n```\n\n| Version | Swift |\n|---|---|\n| 0.0.1 ..< 0.2.0 | 5.1 |\n"
        let options = try prepare(tmux, files: ["parser.md": markdown], config: "[pane]\nvisible = false\n")
        try tmux.type("\(gloss) read \(Package.quoted(tmux.home.path + "/articles/parser.md"))\(options)")
        let screen = try tmux.waitFor(all: ["↪", "0.0.1 ..< 0.2.0 │ 5.1", "┼"])
        #expect(screen.contains("Swift Argument Parser"))
        // Every character shows: the line is split at the column, nothing cut.
        let squeezed = screen.filter { !$0.isWhitespace && $0 != "↪" && $0 != "▎" }
        #expect(squeezed.contains(code.filter { !$0.isWhitespace }))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        let dump = "\(gloss) dump \(Package.quoted(tmux.home.path + "/articles/parser.md")) --width 40\(options)"
        try tmux.type("clear; echo \"titles=$(\(dump) | grep -c 'Swift Argument Parser') code=$(\(dump) | grep -cF 'dependencies: [.product')\"")
        try tmux.waitFor("titles=1 code=1")
    }

    @Test func paneAndHighlightSettingsFromAConfigFileTakeEffect() throws {
        let tmux = try Tmux(width: 100, height: 30)
        let config = """
            [pane]
            visible = false
            [highlight]
            colors = ["yellow", { name = "mint", color = "cyan" }, "blue", "red"]
            default = 2
            """
        let options = try prepare(tmux, config: config)
        let file = Package.quoted(tmux.home.path + "/articles/binance-world-liberty.txt")
        try tmux.type("\(gloss) read \(file)\(options)")
        try tmux.waitFor("¶ 1/19")
        // The pane is closed: no "Notes" header on the right.
        #expect(try !tmux.screen().contains("│"))
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try tmux.type("clear; \(gloss) notes \(file)\(options)")
        try tmux.waitFor("mint")
    }

    @Test func theExportPathIsShownWholeAndThePaneHintFitsANarrowWindow() throws {
        let tmux = try Tmux(width: 60, height: 20)
        let options = try prepare(tmux)
        let file = Package.quoted(tmux.home.path + "/articles/binance-world-liberty.txt")
        try tmux.type("\(gloss) read \(file)\(options)")
        try tmux.waitFor("notes hidden: < 80 columns; t shows")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        try tmux.keys("E")
        let screen = try tmux.waitFor("exported to")
        let path = tmux.home.path + "/data/gloss/exports/binance-world-liberty.md"
        let joined = screen.split(separator: "\n").suffix(4).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains(path) || joined.contains("exports/binance-world-liberty.md"))
        #expect(!joined.contains("…"))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try tmux.resize(width: 100, height: 20)
        try tmux.type("clear; \(gloss) export /tmp/gloss-e2e-out-\(UUID().uuidString.prefix(6)).md\(options)")
        try tmux.waitFor("(to write to a file, use --output)")
    }
}
