import Foundation
import Glibc
import Testing

/// The library of bad articles in the real binary: every bad file is listed with its reason,
/// opening one says why it can't be read, and the reader keeps running.
@Suite("Bad input end to end in tmux", .serialized)
struct BadInputEndToEndTests {
    @Test func theLibraryListsBadArticlesWithReasonsAndKeepsRunning() throws {
        let tmux = try Tmux(width: 140, height: 30)
        let articles = tmux.home.appendingPathComponent("bad").path
        try FileManager.default.createDirectory(atPath: articles + "/folder.md", withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0]).write(to: URL(fileURLWithPath: articles + "/image.md"))
        try Data("# Escapes \u{1B}]52;c;aGk=\u{07}\u{202E}\n\nText \u{1B}[2J here.\n".utf8)
            .write(to: URL(fileURLWithPath: articles + "/escapes.md"))
        try Data("# Good\n\nA fine article.\n".utf8).write(to: URL(fileURLWithPath: articles + "/good.md"))
        symlink("loop.md", articles + "/loop.md")
        symlink("/etc/hostname", articles + "/outside.md")

        try tmux.type("\(Package.quoted(Package.gloss)) --articles \(Package.quoted(articles)); echo EXIT=$?")
        try tmux.waitFor("/:filter")
        try tmux.waitFor(all: ["Good", "Escapes ␛]52;c;aGk=␇⇄"])
        // Down the list to the binary file and try to open it: the reason is shown, gloss stays.
        try tmux.keys("/")
        try tmux.type("image")
        try tmux.waitFor("1 matching")
        try tmux.keys("Enter")
        try tmux.waitFor("image.md: binary file (NUL byte at offset 4)")
        try tmux.keys("Escape", "/")
        try tmux.type("loop")
        try tmux.keys("Enter")
        try tmux.waitFor("loop.md: symbolic link loop")
        try tmux.keys("Escape", "/")
        try tmux.type("outside")
        try tmux.keys("Enter")
        try tmux.waitFor("outside.md: links outside the articles directory")
        try tmux.keys("Escape", "/")
        try tmux.type("escapes")
        try tmux.keys("Enter")
        try tmux.waitFor(all: ["¶ 1/", "Text ␛[2J here."])
        try tmux.keys("q")
        try tmux.waitFor("/:filter")
        try tmux.keys("q")
        try tmux.waitFor("EXIT=0")
        #expect(try tmux.paneValue("#{alternate_on}") == "0")
    }
}
