import Foundation
import Testing

/// `S`, the library search screen, in the real binary.
@Suite("Library search end to end", .serialized)
struct SearchEndToEndTests {
    let articles = Package.quoted(Package.articles)
    let gloss = Package.quoted(Package.gloss)

    @Test func searchTypeEnterLandsOnTheParagraphAndEscReturns() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) --articles \(articles); echo EXIT=$?")
        try tmux.waitFor("/:filter")
        // Esc from the search screen returns to the library.
        try tmux.keys("S")
        try tmux.waitFor("Search:")
        try tmux.keys("Escape")
        try tmux.waitFor("/:filter")
        // A word of ¶ 11 of the sample article, typed key by key as results update.
        try tmux.keys("S")
        try tmux.waitFor("Search:")
        try tmux.keys("d", "u", "b", "b", "e", "d")
        try tmux.waitFor(all: ["1 match", "¶ 11", "Dubbed USD1"])
        try tmux.keys("Enter")
        try tmux.waitFor("¶ 11/")
        try tmux.keys("n")
        try tmux.waitFor("¶ 11/")
        try tmux.keys("Q")
        try tmux.waitFor("EXIT=0")
    }
}
