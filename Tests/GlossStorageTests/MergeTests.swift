import GlossCore
import GlossStorage
import GlossTestSupport
import Testing

@Suite struct MergeTests {
    private func ts(_ millis: Int64) -> Timestamp { Timestamp(millisecondsSince1970: millis) }

    /// The save path places a few changes into the stored (sorted) list instead of merging the
    /// whole list again: on random lists and changes both give the same result.
    @Test func placingChangesIntoASortedListEqualsTheFullMerge() throws {
        let article = SampleArticle()
        var random = SeededGenerator(seed: 19)
        for _ in 0..<200 {
            let existing = AnnotationMerge.merge([], with: try (0..<Int.random(in: 0...30, using: &random)).map { index in
                var annotation = try article.annotation(
                    id: "A\(Int.random(in: 0...40, using: &random))", block: index % 3,
                    start: Int.random(in: 0...10, using: &random), at: Int64.random(in: 0...5, using: &random))
                annotation.deleted = Int.random(in: 0..<5, using: &random) == 0
                return annotation
            })
            let incoming = try (0..<Int.random(in: 0...4, using: &random)).map { _ in
                var annotation = try article.annotation(
                    id: "A\(Int.random(in: 0...40, using: &random))", block: Int.random(in: 0...2, using: &random),
                    start: Int.random(in: 0...10, using: &random), note: "new", at: Int64.random(in: 0...5, using: &random))
                annotation.modified = ts(Int64.random(in: 0...5, using: &random))
                annotation.deleted = Int.random(in: 0..<5, using: &random) == 0
                return annotation
            }
            #expect(AnnotationMerge.merge(sorted: existing, with: incoming) == AnnotationMerge.merge(existing, with: incoming))
        }
    }

    @Test func theNewerCopyWinsAndTiesGoToTheIncomingCopy() throws {
        let article = SampleArticle()
        var old = try article.annotation(id: "A", note: "old", at: 100)
        var new = old
        new.note = "new"
        new.modified = ts(200)
        #expect(AnnotationMerge.winner(existing: old, incoming: new).note == "new")
        #expect(AnnotationMerge.winner(existing: new, incoming: old).note == "new")
        old.modified = ts(200)
        #expect(AnnotationMerge.winner(existing: old, incoming: new).note == "new")
        #expect(AnnotationMerge.winner(existing: new, incoming: old).note == "old")
    }

    @Test func aTombstoneBeatsEvenANewerEdit() throws {
        let article = SampleArticle()
        let original = try article.annotation(id: "A", note: "text", at: 100)
        let tombstone = original.tombstone(at: ts(200))
        var laterEdit = original
        laterEdit.note = "edited after the deletion elsewhere"
        laterEdit.modified = ts(300)
        #expect(AnnotationMerge.winner(existing: tombstone, incoming: laterEdit).deleted)
        #expect(AnnotationMerge.winner(existing: laterEdit, incoming: tombstone).deleted)
    }

    @Test func tombstonesAreNotResurrectedByAStaleWriterOnDisk() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let processA = AnnotationStore(dataDirectory: dir.path)
        let processB = AnnotationStore(dataDirectory: dir.path)
        let original = try article.annotation(id: "A", note: "shared", at: 100)
        let inA = try processA.apply([.upsert(original)], to: article.identity, anchoredOn: article.text.text)
        let inB = try processB.load(article.identity)
        let afterDelete = try processB.apply(
            [.delete(try #require(inB.annotation(withID: "A")), at: ts(200))], to: article.identity,
            anchoredOn: article.text.text)
        #expect(afterDelete.liveAnnotations.isEmpty)

        // Process A still holds the annotation and edits it later.
        var edited = try #require(inA.annotation(withID: "A"))
        edited.note = "edited in A"
        edited.modified = ts(300)
        let afterEdit = try processA.apply([.upsert(edited)], to: article.identity, anchoredOn: article.text.text)
        let stored = try #require(afterEdit.annotation(withID: "A"))
        #expect(stored.deleted)
        #expect(stored.note.isEmpty)
        #expect(afterEdit.liveAnnotations.isEmpty)
        #expect(try processB.load(article.identity).liveAnnotations.isEmpty)
    }

    @Test func staleWritersDoNotLoseEachOthersAnnotations() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let processA = AnnotationStore(dataDirectory: dir.path)
        let processB = AnnotationStore(dataDirectory: dir.path)
        // Both loaded an empty article before either saved.
        _ = try processA.load(article.identity)
        _ = try processB.load(article.identity)
        _ = try processA.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let result = try processB.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        #expect(result.annotations.map(\.id).sorted() == ["A", "B"])
    }

    @Test func theInMemoryStoreFollowsTheSameRules() throws {
        let article = SampleArticle()
        let store = InMemoryAnnotationStore()
        let original = try article.annotation(id: "A", note: "one", at: 100)
        _ = try store.apply([.upsert(original)], to: article.identity, anchoredOn: article.text.text)
        _ = try store.apply([.delete(original, at: ts(150))], to: article.identity, anchoredOn: article.text.text)
        var edit = original
        edit.modified = ts(500)
        let file = try store.apply([.upsert(edit)], to: article.identity, anchoredOn: article.text.text)
        #expect(file.liveAnnotations.isEmpty)
        #expect(file.annotations.count == 1)
        #expect(store.writeCount == 3)
        #expect(try store.snapshot(of: article.identity) == article.text.text)
    }

    @Test func theInMemoryStoreCanFailAWriteWithoutChangingAnything() throws {
        let article = SampleArticle()
        let store = InMemoryAnnotationStore()
        let before = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        store.nextWriteError = .noSpace(path: "/memory")
        let change = AnnotationChange.upsert(try article.annotation(id: "B"))
        #expect(throws: StorageError.noSpace(path: "/memory")) {
            try store.apply([change], to: article.identity, anchoredOn: article.text.text)
        }
        #expect(try store.load(article.identity) == before)
        #expect(try store.apply([change], to: article.identity, anchoredOn: article.text.text).annotations.count == 2)
    }

    @Test func theInMemoryStoreAdoptsRenamedArticles() throws {
        let old = SampleArticle(path: "old.md")
        let new = SampleArticle(path: "new.md")
        let store = InMemoryAnnotationStore()
        _ = try store.apply([.upsert(try old.annotation(id: "A"))], to: old.identity, anchoredOn: old.text.text)
        let opened = try store.open(new.identity) { $0 == "old.md" }
        #expect(opened.annotations.map(\.id) == ["A"])
        #expect(opened.article.path == "new.md")
        #expect(try store.load(old.identity).annotations.isEmpty)
    }
}
