import Foundation
import Glibc
import GlossCore
import GlossStorage
import GlossTUI
import Testing

@testable import GlossCLI

/// Notes that used to vanish without a word: an edit losing to a deletion made elsewhere, damaged
/// files set aside silently, and changes that could not be saved when the reader quit.
@Suite("Changes are kept and told", .serialized)
struct KeptChangesTests {
    // MARK: an edit after a deletion elsewhere

    @Test func anEditOfANoteDeletedElsewhereSurvivesAsANewNote() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "first"], id: "X")
        let workspace = fixture.workspace
        let article = try workspace.loadArticle(absolute: fixture.articles + "/harbor.md", key: "harbor.md")
        let open = { () throws -> ArticleAnnotations in
            try ArticleAnnotations.open(
                article: article, relativePath: "harbor.md", store: fixture.store, articlesDirectory: fixture.articles)
        }
        let readerA = try open()
        let readerB = try open()
        let shared = try #require(readerB.file.annotation(withID: "X"))
        // B deletes the highlight; A, not knowing, then edits its note.
        try readerB.apply([.delete(shared, at: SystemClock.now())])
        var edited = try #require(readerA.file.annotation(withID: "X"))
        edited.note = "first, and an edit"
        edited.modified = SystemClock.now()
        let saved = try readerA.apply([.upsert(edited)])
        let live = saved.annotations.filter { !$0.deleted }
        #expect(live.count == 1)
        #expect(live.first?.note == "first, and an edit")
        #expect(live.first?.id != "X")
        // The deletion stays: B meant it, and the tombstone keeps X from coming back.
        #expect(saved.annotation(withID: "X")?.deleted == true)
        #expect(readerA.notices == ["this note had been deleted elsewhere; your edit was kept as a new note"])
        let listed = try fixture.notes(["harbor.md"]).out
        #expect(listed.contains("first, and an edit"))
        // A deletion of one's own is not an edit to keep.
        let own = try #require(live.first)
        let afterDelete = try readerA.apply([.upsert(own), .delete(own, at: SystemClock.now())])
        #expect(afterDelete.liveAnnotations.isEmpty)
    }

    @Test func theReaderSaysWhenItsEditWasKeptAsANewNote() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "first"], id: "X")
        let workspace = fixture.workspace
        let other = try ArticleAnnotations.open(
            article: try workspace.loadArticle(absolute: fixture.articles + "/harbor.md", key: "harbor.md"),
            relativePath: "harbor.md", store: fixture.store, articlesDirectory: fixture.articles)
        // j to ¶ 2, a to edit its note, then text and Enter; another process deletes it meanwhile.
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.char("j"), .char("a"), .char("!"), .enter])
        terminal.beforeKey = { _, key in
            guard key == .char("!"), let shared = other.file.annotation(withID: "X") else { return }
            _ = try? other.apply([.delete(shared, at: SystemClock.now())])
        }
        let services = LiveServices(workspace: workspace)
        let app = App(
            state: AppState(size: terminal.size, screen: .reader, quitsWithReader: true), terminal: terminal, services: services)
        app.run(startup: [.openArticle(relativePath: "harbor.md")])
        #expect(app.state.message?.text == "this note had been deleted elsewhere; your edit was kept as a new note")
        #expect(terminal.screen.lines.joined().contains("deleted elsewhere; your edit was kept"))
        let stored = try fixture.store.load(ArticleIdentity(path: "harbor.md", title: "", fingerprint: ""))
        #expect(stored.liveAnnotations.map(\.note) == ["first!"])
        #expect(app.state.reader?.annotations.annotations.map(\.note) == ["first!"])
    }

    // MARK: damaged files set aside

    /// An annotated article whose file and backup are then both damaged.
    private func damagedLibrary() throws -> (NotesFixture, json: String) {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "one"])
        try fixture.annotate(["harbor.md", "--paragraph", "3", "--note", "two"])
        let json = fixture.store.location(of: "harbor.md")
        try damage(json)
        return (fixture, json)
    }

    private func damage(_ json: String) throws {
        try "{\"schemaVersion\": 1, \"article\": ".write(toFile: json, atomically: false, encoding: .utf8)
        try "not json at all".write(toFile: json + ".bak", atomically: false, encoding: .utf8)
    }

    @Test func everyCommandSaysWhenItSetsDamagedNotesAside() throws {
        for command in [["list"], ["list", "--json"], ["notes"], ["notes", "--json"], ["export", "--all"], ["notes", "harbor.md"]] {
            let (fixture, json) = try damagedLibrary()
            let first = try GlossBinary.run(command, articles: fixture.articles, data: fixture.data)
            #expect(first.err.hasPrefix("gloss: "))
            #expect(first.err.contains("\(json) could not be read (not valid JSON"), "\(command): \(first.err)")
            #expect(first.err.contains("it was moved to \(json).corrupt-"), "\(command)")
            #expect(first.err.contains("The backup was damaged too"), "\(command)")
            // Told once: the next command does not repeat it, but `gloss notes` keeps listing the files.
            let second = try GlossBinary.run(command, articles: fixture.articles, data: fixture.data)
            #expect(!second.err.contains("could not be read (not valid JSON"), "\(command)")
            let notes = try GlossBinary.run(["notes"], articles: fixture.articles, data: fixture.data)
            #expect(notes.out.contains("\nSet aside as damaged (not read; repair or delete them):\n  \(json).bak.corrupt-"))
            #expect(notes.out.contains("\n  \(json).corrupt-"))
        }
    }

    @Test func theListShowsAQuestionMarkForNotesThatCouldNotBeRead() throws {
        let (fixture, _) = try damagedLibrary()
        for _ in 0..<2 {
            let list = try GlossBinary.run(["list"], articles: fixture.articles, data: fixture.data)
            let row = try #require(list.out.split(separator: "\n").first { $0.hasSuffix("harbor.md") })
            let cells = row.split(separator: " ").map(String.init)
            #expect(cells.suffix(2) == ["?", "harbor.md"], "\(row)")
            let json = try GlossBinary.run(["list", "--json"], articles: fixture.articles, data: fixture.data)
            #expect(json.out.contains("\"annotationProblem\" : \"annotations could not be read"))
        }
        // Deleting the damaged copies is dealing with them: the count is an ordinary 0 again.
        for path in fixture.store.setAsideFiles() { try FileManager.default.removeItem(atPath: path) }
        let cleared = try GlossBinary.run(["list"], articles: fixture.articles, data: fixture.data)
        let row = try #require(cleared.out.split(separator: "\n").first { $0.hasSuffix("harbor.md") })
        #expect(row.split(separator: " ").suffix(2) == ["0", "harbor.md"])
        #expect(!(try GlossBinary.run(["notes"], articles: fixture.articles, data: fixture.data)).out.contains("Set aside"))
    }

    @Test func theLibrarySaysWhenItSetsDamagedNotesAside() throws {
        let (fixture, json) = try damagedLibrary()
        let terminal = MemoryTerminal(width: 120, height: 30, keys: [])
        let app = App(state: AppState(size: terminal.size), terminal: terminal, services: LiveServices(workspace: fixture.workspace))
        app.run()
        let message = try #require(app.state.message)
        #expect(message.isError)
        #expect(message.text.contains("\(json) could not be read (not valid JSON"))
        #expect(app.state.library.items.first { $0.relativePath == "harbor.md" }?.annotationCountText == "?")
        #expect(terminal.screen.lines.joined(separator: "\n").contains("✎ ?"))
    }

    // MARK: changes that could not be saved on quit

    @Test func changesThatCannotBeSavedOnQuitGoToARecoveryFileAndComeBack() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "kept"])
        let state = fixture.root + "/state"
        let environment = ["XDG_STATE_HOME": state]
        let workspace = Workspace(paths: fixture.workspace.paths, config: .defaults, environment: environment)
        // Once the annotations are loaded, the annotations directory turns into a file: every save fails.
        let annotations = fixture.data + "/annotations"
        let moved = fixture.root + "/annotations-away"
        let terminal = MemoryTerminal(width: 100, height: 30, keys: [.char("j"), .char("j"), .char("h"), .char("Q")])
        terminal.beforeKey = { _, key in
            guard key == .char("h"), !FileManager.default.fileExists(atPath: moved) else { return }
            _ = try? FileManager.default.moveItem(atPath: annotations, toPath: moved)
            _ = FileManager.default.createFile(atPath: annotations, contents: Data("in the way".utf8))
        }
        let services = LiveServices(workspace: workspace)
        let app = App(state: AppState(size: terminal.size, screen: .reader, quitsWithReader: true), terminal: terminal, services: services)
        app.run(startup: [.openArticle(relativePath: "harbor.md")])
        #expect(app.unsavedAnnotations["harbor.md"]?.changes.count == 1)
        let told = try #require(UnsavedRecovery.keep(app.unsavedAnnotations, sessions: services.sessions, environment: environment))
        #expect(told.contains("1 annotation change could not be saved (Cannot use \(annotations)"))
        let pending = RecoveryStore.pending(environment: environment)
        try #require(pending.count == 1)
        #expect(told.contains("it was written to \(pending[0])"))
        #expect(pending[0].hasPrefix(state + "/gloss/recovery/"))
        var info = stat()
        #expect(stat(pending[0], &info) == 0 && info.st_mode & 0o777 == 0o600)
        // `gloss notes` lists it until it is merged back.
        let notes = try NotesCommand.parse([]).output(in: workspace) { _ in }
        #expect(notes.contains("Unsaved changes kept for recovery (gloss offers to merge them back when it starts):\n  \(pending[0])"))

        // The disk is usable again: merging brings the highlight back, and the file goes.
        try FileManager.default.removeItem(atPath: annotations)
        try FileManager.default.moveItem(atPath: moved, toPath: annotations)
        let file = try RecoveryStore.read(pending[0])
        #expect(UnsavedRecovery.merge(file, workspace: workspace).isEmpty)
        let stored = try fixture.store.load(ArticleIdentity(path: "harbor.md", title: "", fingerprint: ""))
        #expect(stored.liveAnnotations.count == 2)
    }

    @Test func withNowhereToWriteTheUnsavedNotesArePrintedAsJSON() throws {
        let fixture = try NotesFixture()
        let blocked = fixture.root + "/a-file"
        try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
        let annotation = Annotation(
            id: "N1", created: SystemClock.now(), color: "yellow", note: "unsaved \u{202E}note",
            anchor: try #require(AnnotationAnchor(range: 0..<4, in: ArticleText(blockTexts: ["Some text"]))))
        let told = try #require(UnsavedRecovery.keep(
            ["x.md": ([.upsert(annotation)], "no space left")], sessions: [:],
            environment: ["XDG_STATE_HOME": blocked + "/state"], temporaryDirectory: blocked))
        #expect(told.contains("no recovery file could be written either"))
        let json = try #require(told.components(separatedBy: "follow as JSON:\n").last)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let articles = try #require(decoded["articles"] as? [[String: Any]])
        let notes = (articles.first?["annotations"] as? [[String: Any]])?.compactMap { $0["note"] as? String }
        #expect(notes == ["unsaved \u{202E}note"])
        #expect(!told.contains("\u{202E}"))
    }
}
