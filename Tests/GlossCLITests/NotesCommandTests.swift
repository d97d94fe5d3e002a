import Foundation
import GlossCore
import GlossStorage
import GlossTUI
import Testing

@testable import GlossCLI

/// A temporary articles and data directory, with `gloss notes` and `gloss annotate` run in-process on them.
final class NotesFixture {
    static let harbor = """
        # Harbor battery

        The council met on Monday to discuss the harbor battery.

        Residents asked whether the battery is safe, and whether the battery is needed.

        A final vote is expected in June.
        """

    let root: String
    var articles: String { root + "/articles" }
    var data: String { root + "/data" }
    var store: AnnotationStore { AnnotationStore(dataDirectory: data) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-notes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var workspace: Workspace {
        Workspace(paths: Paths(articles: articles, data: data, exports: root + "/exports"), config: .defaults, environment: [:])
    }

    func write(_ name: String, _ text: String) throws {
        let path = articles + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func move(_ name: String, to newName: String) throws {
        let target = articles + "/" + newName
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: articles + "/" + name, toPath: target)
    }

    func notes(_ arguments: [String] = []) throws -> (out: String, messages: [String]) {
        let command = try NotesCommand.parse(arguments)
        var messages: [String] = []
        let out = try command.output(in: workspace) { messages.append($0) }
        return (out, messages)
    }

    func notesJSON(_ arguments: [String] = []) throws -> [[String: Any]] {
        let out = try notes(arguments + ["--json"]).out
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    @discardableResult
    func annotate(
        _ arguments: [String], id: String = UUID().uuidString,
        now: Timestamp = Timestamp(millisecondsSince1970: 1_714_566_896_789)
    ) throws -> (out: String, messages: [String]) {
        let command = try AnnotateCommand.parse(arguments)
        var messages: [String] = []
        let out = try command.output(in: workspace, id: id, now: now) { messages.append($0) }
        return (out, messages)
    }

    /// The error a command fails with, or nil when it succeeds.
    func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    func stored(_ path: String) throws -> AnnotationFile {
        try store.load(ArticleIdentity(path: path, title: "", fingerprint: ""))
    }

    /// Names in the annotations directory (empty when it was never created).
    var storedNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: data + "/annotations")) ?? []
    }
}

@Suite("gloss notes")
struct NotesCommandTests {
    @Test func emptyLibrarySaysSo() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        #expect(try fixture.notes().out == "No annotations.\n")
        #expect(try fixture.notes(["harbor.md"]).out == "No annotations.\n")
        #expect(try fixture.notesJSON().isEmpty)
    }

    @Test func listsAnAnnotationWithItsParagraphStatusQuoteNoteTagsAndDate() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "3", "--quote", "battery is safe", "--note", "Ask the #engineers\nand the fire brigade", "--color", "green"])
        let out = try fixture.notes(["harbor.md"]).out
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "Harbor battery (harbor.md)",
            "  ¶ 3  exact  green  “battery is safe”",
            "       Ask the #engineers",
            "       and the fire brigade",
            "       tags: #engineers · created 2024-05-01 12:34 UTC",
            "",
            "1 annotation in 1 article.",
            "",
        ])
    }

    @Test func longQuotesAreCutToOneLine() throws {
        let fixture = try NotesFixture()
        let long = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        try fixture.write("long.md", "# Long\n\n" + long + "\n")
        try fixture.annotate(["long.md", "--paragraph", "2"])
        let quoteLine = try #require(try fixture.notes().out.split(separator: "\n").first { $0.contains("¶ 2") })
        #expect(quoteLine.hasSuffix("…”"))
        let quote = try #require(quoteLine.split(separator: "“").last).dropLast()
        #expect(DisplayWidth.of(String(quote)) == NotesReport.quoteWidth)
        #expect(!quote.contains("  "))
    }

    @Test func jsonHasTheDocumentedShapeAndValues() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let id = "1DC7453C-1759-4408-9454-13124437ACF9"
        try fixture.annotate(
            ["harbor.md", "--paragraph", "3", "--quote", "battery is safe", "--note", "Ask the #engineers"], id: id)
        let rows = try fixture.notesJSON(["harbor.md"])
        try #require(rows.count == 1)
        let row = rows[0]
        #expect(Set(row.keys) == [
            "article", "id", "paragraph", "paragraphEnd", "status", "color", "quote", "prefix", "suffix", "note",
            "tags", "created", "modified",
        ])
        let article = try #require(row["article"] as? [String: Any])
        #expect(Set(article.keys) == ["path", "title", "fingerprint", "problem"])
        #expect(article["path"] as? String == "harbor.md")
        #expect(article["title"] as? String == "Harbor battery")
        let text = ArticleText(try ArticleSource.load(path: fixture.articles + "/harbor.md"))
        #expect(article["fingerprint"] as? String == ArticleFingerprint.sha256(of: text.text))
        #expect(article["problem"] is NSNull)
        #expect(row["id"] as? String == id)
        #expect(row["paragraph"] as? Int == 3)
        #expect(row["paragraphEnd"] as? Int == 3)
        #expect(row["status"] as? String == "exact")
        #expect(row["color"] as? String == "yellow")
        #expect(row["quote"] as? String == "battery is safe")
        #expect(row["prefix"] as? String == "y.\n\nResidents asked whether the ")
        #expect(row["suffix"] as? String == ", and whether the battery is nee")
        #expect(row["note"] as? String == "Ask the #engineers")
        #expect(row["tags"] as? [String] == ["engineers"])
        #expect(row["created"] as? String == "2024-05-01T12:34:56.789Z")
        #expect(row["modified"] as? String == "2024-05-01T12:34:56.789Z")
    }

    @Test func jsonLeavesDeletedAnnotationsOut() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2"], id: "keep")
        try fixture.annotate(["harbor.md", "--paragraph", "4"], id: "gone")
        let file = try fixture.stored("harbor.md")
        let doomed = try #require(file.annotation(withID: "gone"))
        let text = ArticleText(try ArticleSource.load(path: fixture.articles + "/harbor.md"))
        _ = try fixture.store.apply(
            [.delete(doomed, at: Timestamp(millisecondsSince1970: 1_800_000_000_000))], to: file.article,
            anchoredOn: text.text)
        #expect(try fixture.notesJSON().map { $0["id"] as? String } == ["keep"])
        #expect(!(try fixture.notes().out.contains("¶ 4")))
    }

    @Test func withoutAFileListsEveryAnnotatedArticleOfTheLibrary() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.write("world/levy.txt", "Library levy\n\nThe levy passed by nine votes.\n\nTurnout was low.\n")
        try fixture.write("plain.md", "# Untouched\n\nNothing here.\n")
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "first"])
        try fixture.annotate(["world/levy.txt", "--paragraph", "2", "--quote", "nine votes", "--note", "second"])
        let out = try fixture.notes().out
        #expect(out.contains("Harbor battery (harbor.md)"))
        #expect(out.contains("(world/levy.txt)"))
        #expect(out.contains("“nine votes”"))
        #expect(!out.contains("plain.md"))
        #expect(out.hasSuffix("2 annotations in 2 articles.\n"))
        let rows = try fixture.notesJSON()
        #expect(Set(rows.compactMap { ($0["article"] as? [String: Any])?["path"] as? String }) == ["harbor.md", "world/levy.txt"])
    }

    @Test func controlCharactersInNotesAreNotPrintedRaw() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "look\u{1B}]0;owned\u{07} here \u{9B}31m red\u{202E}"])
        let out = try fixture.notes().out
        let unsafe = out.unicodeScalars.filter { $0 != "\n" && TerminalSafe.needsPlaceholder($0) }
        #expect(unsafe.isEmpty)
        #expect(out.contains("look␛]0;owned␇ here ␦31m red⇄"))
        // JSON keeps the note as written: escaped, never raw.
        let json = try fixture.notes(["--json"]).out
        #expect(!json.unicodeScalars.contains("\u{1B}"))
        #expect(try fixture.notesJSON().first?["note"] as? String == "look\u{1B}]0;owned\u{07} here \u{9B}31m red\u{202E}")
    }

    @Test func libraryCountsLiveAnnotations() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.write("levy.txt", "Library levy\n\nThe levy passed.\n")
        try fixture.write("plain.md", "# Untouched\n\nNothing here.\n")
        try fixture.annotate(["harbor.md", "--paragraph", "2"], id: "a")
        try fixture.annotate(["harbor.md", "--paragraph", "3"], id: "b")
        try fixture.annotate(["harbor.md", "--paragraph", "4"], id: "c")
        try fixture.annotate(["levy.txt", "--paragraph", "2"], id: "d")
        let file = try fixture.stored("harbor.md")
        let doomed = try #require(file.annotation(withID: "b"))
        let text = ArticleText(try ArticleSource.load(path: fixture.articles + "/harbor.md"))
        _ = try fixture.store.apply(
            [.delete(doomed, at: Timestamp(millisecondsSince1970: 1_800_000_000_000))],
            to: file.article, anchoredOn: text.text)
        let items = try LiveServices(workspace: fixture.workspace).loadLibrary().get()
        let counts = Dictionary(uniqueKeysWithValues: items.map { ($0.relativePath, $0.annotationCount) })
        #expect(counts == ["harbor.md": 2, "levy.txt": 1, "plain.md": 0])
    }

    @Test func theBinaryPrintsNotesAndRegistersBothCommands() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let flags = ["--articles", fixture.articles, "--data", fixture.data]
        let added = try BinaryTests().run(["annotate", "harbor.md", "--paragraph", "4", "--note", "vote"] + flags)
        #expect(added.status == 0)
        #expect(added.out.contains("¶ 4  exact  yellow  “A final vote is expected in June.”"))
        let listed = try BinaryTests().run(["notes", "--json"] + flags)
        #expect(listed.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["note"] as? String } == ["vote"])
        let help = try BinaryTests().run(["--help"])
        #expect(help.out.contains("notes") && help.out.contains("annotate"))
    }
}
