import Foundation
import GlossCore
import Testing

@testable import GlossStorage

/// A store skips parsing a file it wrote itself only while the file still holds exactly what it
/// wrote: anything another process, an editor or damage did in between is read and kept.
@Suite struct AnnotationSaveCacheTests {
    @Test func anotherStoresSaveInBetweenIsMergedNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let mine = AnnotationStore(dataDirectory: dir.path)
        let theirs = AnnotationStore(dataDirectory: dir.path)
        _ = try mine.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        _ = try theirs.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        let saved = try mine.apply(
            [.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        #expect(Set(saved.annotations.map(\.id)) == ["A", "B", "C"])
        #expect(Set(try AnnotationStore(dataDirectory: dir.path).load(article.identity).annotations.map(\.id)) == ["A", "B", "C"])
    }

    @Test func anEditInPlaceOfTheSameSizeIsKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply(
            [.upsert(try article.annotation(id: "A", note: "draft"))], to: article.identity, anchoredOn: article.text.text)
        let path = store.location(of: article.identity.path)
        let text = try #require(readBytes(path).map { String(decoding: $0, as: UTF8.self) })
        // Same length, same inode: only the content tells the edit apart.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "\"draft\"", with: "\"final\"").utf8))
        try handle.close()
        let saved = try store.apply(
            [.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        #expect(saved.annotations.first { $0.id == "A" }?.note == "final")
        #expect(saved.annotations.count == 2)
    }

    @Test func damageAfterTheLastSaveIsStillSetAside() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        _ = try store.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        let path = store.location(of: article.identity.path)
        try Data("{ damaged".utf8).write(to: URL(fileURLWithPath: path))
        let saved = try store.apply(
            [.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        // The backup (A only) was restored, then C added; the damaged file is kept aside.
        #expect(Set(saved.annotations.map(\.id)) == ["A", "C"])
        #expect(saved.messages.contains { $0.contains("corrupt") })
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/annotations")
        #expect(names.contains { $0.contains(".corrupt-") })
    }
}
