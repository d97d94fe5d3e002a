import GlossCore
import GlossStorage
import Testing

@Suite struct RenameTests {
    @Test func annotationsFollowAnArticleMovedToANewPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let old = SampleArticle(path: "inbox/climate.md")
        let new = SampleArticle(path: "read/2024/climate-report.md")
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try old.annotation(id: "A", note: "#keep"))], to: old.identity, anchoredOn: old.text.text)
        _ = try store.apply([.upsert(try old.annotation(id: "B"))], to: old.identity, anchoredOn: old.text.text)
        let oldJSON = store.location(of: old.identity.path)

        #expect(try store.load(new.identity).annotations.isEmpty)
        let adopted = try #require(try store.adoptRenamed(new.identity) { $0 == "inbox/climate.md" })
        #expect(adopted.annotations.map(\.id).sorted() == ["A", "B"])
        #expect(adopted.article.path == "read/2024/climate-report.md")
        #expect(adopted.messages.contains { $0.contains("inbox/climate.md") && $0.contains("read/2024/climate-report.md") })
        #expect(!exists(oldJSON))
        #expect(!exists(oldJSON + ".bak"))

        let reloaded = try AnnotationStore(dataDirectory: dir.path).load(new.identity)
        #expect(reloaded.annotations.map(\.id).sorted() == ["A", "B"])
        #expect(reloaded.article.path == "read/2024/climate-report.md")
        #expect(try store.snapshot(of: new.identity) == new.text.text)
        #expect(directoryNames(store.annotationsDirectory).filter { $0.hasSuffix(".snapshot.txt") }.count == 1)
        // The new path has its own file now, so it adopts nothing more.
        #expect(try store.adoptRenamed(new.identity) { _ in true } == nil)
    }

    @Test func aCopyWhoseOriginalStillExistsAdoptsNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = SampleArticle(path: "a.md")
        let copy = SampleArticle(path: "copy-of-a.md")
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try original.annotation(id: "A"))], to: original.identity, anchoredOn: original.text.text)
        #expect(try store.adoptRenamed(copy.identity) { _ in false } == nil)
        #expect(try store.open(copy.identity) { _ in false }.annotations.isEmpty)
        #expect(try store.load(original.identity).annotations.count == 1)
    }

    @Test func aDifferentTextIsNeverAdopted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let old = SampleArticle(path: "a.md")
        let other = SampleArticle(path: "b.md", blocks: ["Different text."])
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try old.annotation(id: "A"))], to: old.identity, anchoredOn: old.text.text)
        #expect(try store.adoptRenamed(other.identity) { _ in true } == nil)
    }

    @Test func anArticleWithItsOwnFileDoesNotAdopt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let old = SampleArticle(path: "a.md")
        let new = SampleArticle(path: "b.md")
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try old.annotation(id: "A"))], to: old.identity, anchoredOn: old.text.text)
        _ = try store.apply([.upsert(try new.annotation(id: "B"))], to: new.identity, anchoredOn: new.text.text)
        #expect(try store.adoptRenamed(new.identity) { _ in true } == nil)
        let opened = try store.open(new.identity) { _ in true }
        #expect(opened.annotations.map(\.id) == ["B"])
        #expect(try store.load(old.identity).annotations.map(\.id) == ["A"])
    }
}
