import Foundation
import Glibc
import Testing

/// Notes the reader used to lose without a word, in the real binary: a highlight that cannot be
/// saved when the reader quits (annotations/ not writable) goes to a recovery file named on
/// stderr after the terminal is restored, gloss exits 1, and the next start offers to merge it
/// back; damaged files set aside are told on the library's status line.
@Suite("Kept changes end to end in tmux", .serialized)
struct KeptChangesEndToEndTests {
    @Test func aChangeThatCannotBeSavedOnQuitIsKeptAndOfferedBack() throws {
        let tmux = try Tmux()
        let state = tmux.home.appendingPathComponent("state").path
        let library = try OrdinaryUserLibrary(in: tmux, ownedByUser: [state])
        let (articles, data) = (library.articles, library.data)
        let environment = "XDG_STATE_HOME=\(Package.quoted(state)) "
        let gloss = environment + library.asUser + Package.quoted(Package.gloss)
        let read = library.readCommand(environment: environment)

        try tmux.type(read)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        chmod(data + "/annotations", 0o500)
        defer { chmod(data + "/annotations", 0o700) }

        try tmux.type("clear; " + read + "; echo \"exit=$?\"")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j", "h")
        try tmux.waitFor("not saved: Permission denied")
        try tmux.keys("Q")
        // The screen wraps long lines: read it as one text.
        let told = try tmux.waitFor("exit=").replacingOccurrences(of: "\n", with: "")
        #expect(told.contains("exit=1"))
        #expect(told.contains("gloss: 1 annotation change could not be saved (Permission denied"))
        #expect(told.contains("written to \(state)/gloss/recovery/"))
        #expect(try tmux.paneValue("#{alternate_on}") == "0")
        let recovery = state + "/gloss/recovery"
        let files = try FileManager.default.contentsOfDirectory(atPath: recovery)
        try #require(files.count == 1)
        var info = stat()
        #expect(stat(recovery + "/" + files[0], &info) == 0 && info.st_mode & 0o777 == 0o600)

        // `gloss notes` lists the file; the next start offers it back, and Enter merges it.
        let notes = "\(gloss) notes --articles \(Package.quoted(articles)) --data \(Package.quoted(data))"
        try tmux.type("clear; " + notes)
        try tmux.waitFor("Unsaved changes kept for recovery")
        chmod(data + "/annotations", 0o700)
        try tmux.type("clear; " + read)
        try tmux.waitFor("Merge them back into your notes now? [Y/n]")
        try tmux.keys("Enter")
        // The reader opens with the merged highlight beside the one saved before.
        try tmux.waitFor("Notes 2")
        try tmux.keys("Q")
        let merged = try tmux.waitFor("e2e$").replacingOccurrences(of: "\n", with: "")
        #expect(merged.contains("merged 1 change back"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: recovery).isEmpty)
        try tmux.type("clear; " + notes)
        let after = try tmux.waitFor("annotations in 1 article")
        #expect(after.contains("2 annotations in 1 article."))
        #expect(!after.contains("Unsaved changes kept"))
    }

    @Test func theLibraryTellsWhenItSetsDamagedNotesAside() throws {
        let tmux = try Tmux(width: 160)
        let articles = tmux.home.appendingPathComponent("articles").path
        let data = tmux.home.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Package.articles + "/binance-world-liberty.txt", toPath: articles + "/sample.txt")
        let gloss = "\(Package.quoted(Package.gloss)) --articles \(Package.quoted(articles)) --data \(Package.quoted(data))"
        let annotate = "\(Package.quoted(Package.gloss)) annotate sample.txt --paragraph 1 --articles \(Package.quoted(articles)) --data \(Package.quoted(data))"
        // The shell computes the marker, so the typed line itself never matches it.
        try tmux.type("\(annotate) && \(annotate) && echo annotated-$((40+2))")
        try tmux.waitFor("annotated-42")
        // Both the file and its backup are damaged.
        let directory = data + "/annotations"
        let json = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".json") })
        try "{\"schemaVersion\": 1, \"art".write(toFile: directory + "/" + json, atomically: false, encoding: .utf8)
        try "garbage".write(toFile: directory + "/" + json + ".bak", atomically: false, encoding: .utf8)

        try tmux.type("clear; " + gloss)
        let screen = try tmux.waitFor("could not be read").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("✎ ?"))
        #expect(screen.contains(json))
        try tmux.keys("q")
        try tmux.waitFor("e2e$")
    }

    @Test func anEditOfANoteDeletedInAnotherReaderIsKeptAsANewNote() throws {
        let readerA = try Tmux(width: 120)
        let readerB = try Tmux(width: 120)
        let root = readerA.home.path
        let articles = root + "/articles"
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Package.articles + "/binance-world-liberty.txt", toPath: articles + "/sample.txt")
        let options = " --articles \(Package.quoted(articles)) --data \(Package.quoted(data))"
        let gloss = Package.quoted(Package.gloss)
        try readerA.type("\(gloss) annotate sample.txt --paragraph 1 --note first\(options) && echo annotated-$((40+2))")
        try readerA.waitFor("annotated-42")
        try readerA.type("clear; \(gloss) read sample.txt\(options)")
        try readerA.waitFor("Notes 1")
        // Reader B removes the highlight while A still shows it.
        try readerB.type("\(gloss) read sample.txt\(options)")
        try readerB.waitFor("Notes 1")
        try readerB.keys("h")
        try readerB.waitFor("removed the highlight on ¶ 1")
        try readerB.keys("Q")
        try readerB.waitFor("e2e$")
        // A edits the note it still shows: the edit must not vanish under B's deletion.
        try readerA.keys("a")
        try readerA.waitFor("first")
        try readerA.keys("!", "Enter")
        let told = try readerA.waitFor("deleted elsewhere")
        #expect(told.contains("this note had been deleted elsewhere; your edit was kept as a new note"))
        try readerA.keys("Q")
        try readerA.waitFor("e2e$")
        try readerA.type("clear; \(gloss) notes\(options)")
        let notes = try readerA.waitFor("annotation in 1 article")
        #expect(notes.contains("first!"))
    }

    @Test func aTerminatingSignalAfterAFailedSaveKeepsTheChangeToo() throws {
        let tmux = try Tmux()
        let state = tmux.home.appendingPathComponent("state").path
        let library = try OrdinaryUserLibrary(in: tmux, ownedByUser: [state])
        let read = library.readCommand(environment: "XDG_STATE_HOME=\(Package.quoted(state)) ")
        try tmux.type(read)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        chmod(library.data + "/annotations", 0o500)
        defer { chmod(library.data + "/annotations", 0o700) }

        try tmux.type("clear; " + read + "; echo \"exit=$?\"")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j", "h")
        try tmux.waitFor("not saved: Permission denied")
        let pid = try #require(try tmux.shellChild(), "gloss is not running under the shell")
        #expect(kill(pid, SIGTERM) == 0)
        let told = try tmux.waitFor("exit=").replacingOccurrences(of: "\n", with: "")
        // Ended by the signal itself, once the change was kept and told.
        #expect(told.contains("exit=143"))
        #expect(told.contains("1 annotation change could not be saved (Permission denied"))
        #expect(told.contains("written to \(state)/gloss/recovery/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: state + "/gloss/recovery").count == 1)
    }
}
