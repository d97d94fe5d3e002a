import Foundation
import Testing

/// Highlights and notes made with keys in the real binary survive a restart and article edits.
@Suite("Annotations end to end in tmux", .serialized)
struct AnnotationEndToEndTests {
    let gloss = Package.quoted(Package.gloss)

    /// A private copy of the sample article, so edits and annotations stay in this test.
    func prepare(_ tmux: Tmux) throws -> (command: String, file: String) {
        let articles = tmux.home.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let file = articles.appendingPathComponent("sample.txt")
        try FileManager.default.copyItem(
            atPath: Package.articles + "/binance-world-liberty.txt", toPath: file.path)
        let data = tmux.home.appendingPathComponent("data").path
        let command = "\(gloss) read \(Package.quoted(file.path)) --articles \(Package.quoted(articles.path))"
            + " --data \(Package.quoted(data))"
        return (command, file.path)
    }

    @Test func highlightSelectAndNoteSurviveARestart() throws {
        let tmux = try Tmux()
        let (command, _) = try prepare(tmux)
        try tmux.type(command)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        // A sentence span in ¶ 4: the first sentence, extended by one more.
        try tmux.keys("j", "j", "j", "v")
        try tmux.waitFor("VISUAL")
        try tmux.keys(")", "Enter")
        try tmux.waitFor("highlighted")
        try tmux.keys("a")
        try tmux.waitFor("Note · ¶")
        try tmux.type("Übersicht: 東京 ✓ #policy")
        try tmux.waitFor("note saved")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")

        try tmux.type("clear; \(command)")
        // One frame is written in pieces: wait until all of it is there.
        try tmux.waitFor(all: ["Übersicht: 東京 ✓", "¶ 1", "¶ 4", "#policy", "2 notes"])
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }

    @Test func editingTheArticleReanchorsTheNoteOrListsItAsOrphaned() throws {
        let tmux = try Tmux()
        let (command, file) = try prepare(tmux)
        try tmux.type(command)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j", "j", "j", "a")
        try tmux.waitFor("Note · ¶")
        try tmux.type("keep me safe")
        try tmux.waitFor("note saved")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")

        // A paragraph inserted at the top moves the highlighted one from ¶ 5 to ¶ 6.
        let quoted = Package.quoted(file)
        try tmux.type("clear; { echo 'A new opening paragraph, added later.'; cat \(quoted); } > t && mv t \(quoted)")
        try tmux.type("clear; \(command)")
        let moved = try tmux.waitFor(all: ["keep me safe", "¶ 6"])
        #expect(!moved.contains("Orphaned"))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")

        // Deleting that paragraph leaves nothing to anchor to: the note is kept as orphaned.
        try tmux.type("clear; sed -i 6d \(quoted)")
        try tmux.type("clear; \(command)")
        try tmux.waitFor(all: ["Orphaned", "keep me safe"])
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }

    @Test func capitalAEditsTheNoteInTheExternalEditorAndRestoresTheScreen() throws {
        let tmux = try Tmux()
        let (command, _) = try prepare(tmux)
        // A stand-in editor: appends a line to the file it is given, as a person typing in vi would.
        let editor = tmux.home.appendingPathComponent("fake-editor.sh")
        try "#!/bin/sh\nprintf 'from the editor #ext' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        try tmux.type("clear; VISUAL=\(Package.quoted(editor.path)) \(command)")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("A")
        // The reader is drawn again after the editor, with the note saved.
        try tmux.waitFor(all: ["from the editor", "note saved", "¶ 1/"])
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }

    @Test func capitalEExportsTheArticleAndShowsThePath() throws {
        let tmux = try Tmux()
        let (command, _) = try prepare(tmux)
        try tmux.type(command)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("h", "E")
        let expected = tmux.home.path + "/data/gloss/exports/sample.md"
        let screen = try tmux.waitFor("exported to")
        #expect(screen.contains("exported to " + expected), "the full path is shown")
        let exported = try String(contentsOfFile: expected, encoding: .utf8)
        #expect(exported.contains("According to Wall Street Journal report"))
        #expect(exported.contains("^gloss-"))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }
}
