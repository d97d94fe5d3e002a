import Foundation
import GlossCore
import GlossStorage
import GlossTestSupport
import Testing

@testable import GlossCLI

@Suite("Notes after the article changed")
struct NotesReanchorTests {
    static let edited = """
        # Harbor battery

        An editor's note was added at the top.

        The council met on Monday to discuss the harbor battery.

        Residents asked whether the battery is safe, and whether the battery is needed.

        A final vote is expected in June.
        """

    static func article(_ text: String, name: String = "harbor.md") throws -> Article {
        try ArticleLoader.load(bytes: Array(text.utf8), fileName: name)
    }

    @Test func aParagraphInsertedBeforeMovesTheAnnotationToItsNewParagraph() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "3", "--quote", "battery is safe", "--note", "check"], id: "A")
        let before = try #require(try fixture.stored("harbor.md").annotation(withID: "A"))
        try fixture.write("harbor.md", Self.edited)
        let listed = try fixture.notes()
        let rows = try fixture.notesJSON()
        try #require(rows.count == 1)
        #expect(rows[0]["paragraph"] as? Int == 4)
        #expect(["mapped", "exact"].contains(rows[0]["status"] as? String))
        #expect(rows[0]["quote"] as? String == "battery is safe")
        #expect(listed.out.contains("¶ 4"))
        #expect(listed.messages.contains { $0.hasPrefix("harbor.md: The article changed: 1 note re-anchored") })
        // The new anchor was saved without touching `modified`, and the snapshot is the new text.
        let after = try fixture.stored("harbor.md")
        let saved = try #require(after.annotation(withID: "A"))
        #expect(saved.anchor.blockIndex == 3)
        #expect(saved.modified == before.modified)
        let text = ArticleText(try Self.article(Self.edited))
        #expect(after.article.fingerprint == ArticleFingerprint.sha256(of: text.text))
        #expect(try fixture.store.snapshot(of: after.article) == text.text)
        let scalars = Array(text.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[saved.anchor.position.range])) == "battery is safe")
        // Opened again, nothing moved: nothing to report, and the annotation is where it was.
        let again = try fixture.notes()
        #expect(again.messages.isEmpty)
        #expect(try fixture.stored("harbor.md").annotation(withID: "A")?.anchor.position == saved.anchor.position)
    }

    @Test func deletedTextMakesAnOrphanThatIsStillListed() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "4", "--note", "vote date"], id: "V")
        let before = try #require(try fixture.stored("harbor.md").annotation(withID: "V"))
        try fixture.write("harbor.md", "# Harbor battery\n\nThe council met on Monday to discuss the harbor battery.\n")
        let listed = try fixture.notes()
        #expect(listed.out.contains("[orphan]  yellow  “A final vote is expected in June.”"))
        #expect(listed.out.contains("vote date"))
        #expect(listed.out.hasSuffix("1 annotation in 1 article (1 orphan).\n"))
        #expect(listed.messages.contains { $0.contains("1 orphaned") })
        #expect(try fixture.notesJSON().first?["status"] as? String == "orphan")
        let saved = try #require(try fixture.stored("harbor.md").annotation(withID: "V"))
        #expect(saved.anchor.status == .orphan)
        #expect(saved.modified == before.modified)
        #expect(saved.note == "vote date")
    }

    @Test func aRenamedArticleKeepsItsNotes() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "moved along"], id: "R")
        try fixture.move("harbor.md", to: "archive/harbor-2024.md")
        let listed = try fixture.notes()
        #expect(listed.out.contains("Harbor battery (archive/harbor-2024.md)"))
        #expect(listed.out.contains("moved along"))
        #expect(!listed.out.contains("missing"))
        #expect(listed.messages.contains { $0.contains("were moved to archive/harbor-2024.md") })
        #expect(try fixture.stored("harbor.md").annotations.isEmpty)
        #expect(try fixture.stored("archive/harbor-2024.md").liveAnnotations.map(\.id) == ["R"])
    }

    @Test func aRenamedArticleNamedOnTheCommandLineAdoptsItsNotes() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2"], id: "R")
        try fixture.move("harbor.md", to: "renamed.md")
        let rows = try fixture.notesJSON(["renamed.md"])
        #expect(rows.map { $0["id"] as? String } == ["R"])
        #expect((rows.first?["article"] as? [String: Any])?["path"] as? String == "renamed.md")
    }

    @Test func aDeletedArticleIsListedAsMissingNotDropped() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.write("other.md", "# Other\n\nSomething else entirely.\n")
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "keep me"], id: "M")
        try FileManager.default.removeItem(atPath: fixture.articles + "/harbor.md")
        let listed = try fixture.notes()
        #expect(listed.out.contains("Harbor battery (harbor.md) [article missing]"))
        #expect(listed.out.contains("keep me"))
        #expect(listed.out.hasSuffix("1 annotation in 1 article; 1 article could not be opened.\n"))
        let row = try #require(try fixture.notesJSON().first)
        #expect((row["article"] as? [String: Any])?["problem"] as? String == "article missing")
        #expect(row["status"] as? String == "exact")
        // By the path it had, too.
        #expect(try fixture.notes(["harbor.md"]).out.contains("keep me"))
        #expect(try fixture.stored("harbor.md").liveAnnotations.count == 1)
    }

    @Test func aFailedWriteBackKeepsTheResultAndSavesItWithTheNextChange() throws {
        let store = InMemoryAnnotationStore()
        let original = try Self.article(NotesFixture.harbor)
        let first = try ArticleAnnotations.open(article: original, relativePath: "harbor.md", store: store, articlesDirectory: "/nowhere")
        let range = try #require(first.text.range(ofBlock: 3))
        let anchor = try #require(AnnotationAnchor(range: range, in: first.text))
        try first.apply([.upsert(Annotation(id: "V", created: Timestamp(millisecondsSince1970: 1000), anchor: anchor))])

        let shortened = try Self.article("# Harbor battery\n\nThe council met on Monday to discuss the harbor battery.\n")
        store.nextWriteError = .noSpace(path: "/data/annotations/harbor.json")
        let session = try ArticleAnnotations.open(article: shortened, relativePath: "harbor.md", store: store, articlesDirectory: "/nowhere")
        #expect(session.file.annotation(withID: "V")?.anchor.status == .orphan)
        #expect(session.messages.contains { $0.contains("could not be saved") && $0.contains("no space left") })
        #expect(try store.load(session.identity).annotation(withID: "V")?.anchor.status == .exact)

        let block = try #require(session.text.range(ofBlock: 1))
        let newAnchor = try #require(AnnotationAnchor(range: block, in: session.text))
        let merged = try session.apply([.upsert(Annotation(id: "N", created: Timestamp(millisecondsSince1970: 2000), anchor: newAnchor))])
        #expect(merged.annotation(withID: "V")?.anchor.status == .orphan)
        let stored = try store.load(session.identity)
        #expect(stored.annotation(withID: "V")?.anchor.status == .orphan)
        #expect(stored.annotation(withID: "V")?.modified == Timestamp(millisecondsSince1970: 1000))
        #expect(stored.liveAnnotations.count == 2)
    }

    @Test func aNoteEditedMeanwhileElsewhereWinsAndKeepsTheNewAnchor() throws {
        let store = InMemoryAnnotationStore()
        let original = try Self.article(NotesFixture.harbor)
        let first = try ArticleAnnotations.open(article: original, relativePath: "harbor.md", store: store, articlesDirectory: "/nowhere")
        let range = try #require(first.text.range(ofBlock: 3))
        let anchor = try #require(AnnotationAnchor(range: range, in: first.text))
        let annotation = Annotation(id: "V", created: Timestamp(millisecondsSince1970: 1000), note: "old", anchor: anchor)
        try first.apply([.upsert(annotation)])

        let shortened = try Self.article("# Harbor battery\n\nThe council met on Monday to discuss the harbor battery.\n")
        let session = try ArticleAnnotations.open(article: shortened, relativePath: "harbor.md", store: store, articlesDirectory: "/nowhere")
        let reanchored = try #require(session.file.annotation(withID: "V")).anchor
        #expect(reanchored.status == .orphan)

        // Another process that still has the old text edits the note.
        var edited = annotation
        edited.note = "edited elsewhere"
        edited.modified = Timestamp(millisecondsSince1970: 5000)
        _ = try store.apply([.upsert(edited)], to: first.identity, anchoredOn: first.text.text)

        let merged = try session.apply([])
        let result = try #require(merged.annotation(withID: "V"))
        #expect(result.note == "edited elsewhere")
        #expect(result.anchor == reanchored)
    }

    @Test func aFileFromANewerVersionIsReanchoredInMemoryOnly() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "4"], id: "V")
        let location = fixture.store.location(of: "harbor.md")
        let raw = try String(contentsOfFile: location, encoding: .utf8)
        let newer = raw.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
            .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
        #expect(newer != raw)
        try newer.write(toFile: location, atomically: true, encoding: .utf8)
        try fixture.write("harbor.md", "# Harbor battery\n\nThe council met on Monday to discuss the harbor battery.\n")
        let article = try ArticleSource.load(path: fixture.articles + "/harbor.md")
        let session = try ArticleAnnotations.open(
            article: article, relativePath: "harbor.md", store: fixture.store, articlesDirectory: fixture.articles)
        #expect(session.isReadOnly)
        #expect(session.file.annotation(withID: "V")?.anchor.status == .orphan)
        #expect(session.messages.contains { $0.contains("newer version") })
        #expect(try String(contentsOfFile: location, encoding: .utf8) == newer)
    }
}
