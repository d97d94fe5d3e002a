import Foundation
import Testing

/// The real `gloss` binary in tmux, driven with keys and read from the screen.
@Suite("End to end in tmux", .serialized)
struct ReaderEndToEndTests {
    let articles = Package.quoted(Package.articles)
    let gloss = Package.quoted(Package.gloss)

    @Test func libraryOpenMoveSearchResizeQuit() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) --articles \(articles); echo EXIT=$?")
        try tmux.waitFor("/:filter")
        // Filter the library down to the shipped sample and open it.
        try tmux.keys("/")
        try tmux.type("binance")
        try tmux.waitFor("1 matching")
        try tmux.keys("Enter")
        try tmux.waitFor("¶ 1/")
        // Move: focus follows j, G goes to the end, g back to the top.
        try tmux.keys("j", "j")
        try tmux.waitFor("¶ 3/")
        try tmux.keys("G")
        try tmux.waitFor(all: ["100%", "One thing is clear"])
        try tmux.keys("g")
        try tmux.waitFor("¶ 1/")
        // Search: the focus moves to the paragraph holding the match.
        try tmux.keys("/")
        try tmux.type("stablecoin")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("n")
        try tmux.waitFor("¶ 11/")
        // Resize: text reflows and the focused paragraph stays on screen.
        try tmux.resize(width: 60, height: 20)
        let narrow = try tmux.waitFor("¶ 11/")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(narrow.contains("▎"))
        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor("window too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("¶ 11/")
        // q back to the library, q quits; the shell is usable again.
        try tmux.keys("q")
        try tmux.waitFor("/:filter")
        try tmux.keys("q")
        try tmux.waitFor("EXIT=0")
        try expectShellUsable(tmux)
    }

    @Test func readCommandRemembersPositionAcrossRuns() throws {
        let tmux = try Tmux()
        let file = Package.quoted(Package.articles + "/binance-world-liberty.txt")
        try tmux.type("\(gloss) read \(file) --articles \(articles)")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j", "j", "j")
        try tmux.waitFor("¶ 5/")
        try tmux.keys("q")
        try tmux.waitFor("e2e$")
        try tmux.type("clear; \(gloss) read \(file) --articles \(articles)")
        try tmux.waitFor("¶ 5/")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try tmux.type("clear; \(gloss) read \(file) --paragraph 12 --articles \(articles)")
        try tmux.waitFor("¶ 12/")
        try tmux.keys("?")
        try tmux.waitFor("next heading")
        try tmux.keys("Escape", "Q")
        try tmux.waitFor("e2e$")
        try expectShellUsable(tmux)
    }

    @Test func suspendAndResume() throws {
        let tmux = try Tmux()
        let file = Package.quoted(Package.articles + "/binance-world-liberty.txt")
        try tmux.type("\(gloss) read \(file) --articles \(articles)")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j")
        try tmux.waitFor("¶ 2/")
        try tmux.keys("C-z")
        try tmux.waitFor("Stopped")
        #expect(try tmux.paneValue("#{alternate_on}") == "0")
        try tmux.type("fg")
        try tmux.waitFor("¶ 2/")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try expectShellUsable(tmux)
    }

    @Test func refusesWithoutATerminal() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) --articles \(articles) < /dev/null > /tmp/out.$$; echo EXIT=$?")
        let screen = try tmux.waitFor("EXIT=1")
        #expect(screen.contains("interactive terminal"))
    }

    /// After Gloss exits the shell must echo what is typed and run it, on the main screen.
    private func expectShellUsable(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.paneValue("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try tmux.paneValue("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
        try tmux.type("clear; stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo sum=$((40+2))")
        let screen = try tmux.waitFor("sum=42", sourceLocation: sourceLocation)
        #expect(screen.contains("icanon echo"), sourceLocation: sourceLocation)
    }
}
