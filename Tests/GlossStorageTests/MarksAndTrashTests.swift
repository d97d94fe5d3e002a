import Foundation
import GlossCore
import GlossStorage
import Testing

/// Triage marks in the reading state, and the trash.
@Suite struct MarksAndTrashTests {
    @Test func marksRoundTripAndClearedMarksDisappear() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        _ = try store.mark(.star, ["a.md"], contentHashes: ["a.md": "abc"])
        _ = try store.mark(.archive, ["a.md", "b.md"], contentHashes: [:])
        _ = try store.mark(.unread, ["c.md"], contentHashes: [:])
        let state = try StateStore(dataDirectory: dir.path).loadReadingState()
        #expect(state.marks["a.md"]?.starred == true)
        #expect(state.marks["a.md"]?.archived == true)
        #expect(state.marks["a.md"]?.contentHash == "abc")
        #expect(state.marks["b.md"]?.archived == true)
        #expect(state.isRead("c.md") == false)
        _ = try store.mark(.unarchive, ["b.md"], contentHashes: [:])
        #expect(try store.loadReadingState().marks["b.md"] == nil)
    }

    @Test func openingAnArticleMarkedUnreadMakesItRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path, clock: { Timestamp(millisecondsSince1970: 1000) })
        _ = try store.record(ReadingPosition(blockIndex: 2, updated: Timestamp(millisecondsSince1970: 500)), for: "a.md", markLastOpened: true)
        _ = try store.mark(.unread, ["a.md"], contentHashes: [:])
        #expect(try store.loadReadingState().isRead("a.md") == false)
        let state = try store.record(
            ReadingPosition(blockIndex: 3, updated: Timestamp(millisecondsSince1970: 2000)), for: "a.md", markLastOpened: true)
        #expect(state.isRead("a.md"))
        #expect(state.positions["a.md"]?.blockIndex == 3)
    }

    @Test func twoInstancesNeverLoseEachOthersMarks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let stores = [StateStore(dataDirectory: dir.path), StateStore(dataDirectory: dir.path)]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            for i in 0..<40 {
                do {
                    _ = try stores[which].mark(which == 0 ? .star : .archive, ["\(which)-\(i).md", "shared.md"], contentHashes: [:])
                    _ = try stores[which].record(
                        ReadingPosition(blockIndex: i, updated: Timestamp(millisecondsSince1970: Int64(i))),
                        for: "\(which)-pos-\(i).md", markLastOpened: false)
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let state = try stores[0].loadReadingState()
        #expect((0..<40).allSatisfy { state.marks["0-\($0).md"]?.starred == true })
        #expect((0..<40).allSatisfy { state.marks["1-\($0).md"]?.archived == true })
        #expect(state.marks["shared.md"]?.starred == true && state.marks["shared.md"]?.archived == true)
        #expect(state.positions.count == 80)
    }

    @Test func marksFollowARenamedArticleByItsContent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        _ = try store.mark(.star, ["old/name.md"], contentHashes: ["old/name.md": "h1"])
        _ = try store.record(
            ReadingPosition(blockIndex: 5, updated: Timestamp(millisecondsSince1970: 10)), for: "old/name.md",
            markLastOpened: false)
        // Still present: nothing moves.
        #expect(try store.adoptRenamedMarks(present: ["old/name.md": "h1", "copy.md": "h1"]) == nil)
        let adopted = try #require(try store.adoptRenamedMarks(present: ["new/place.md": "h1", "other.md": "h2"]))
        #expect(adopted.marks["new/place.md"]?.starred == true)
        #expect(adopted.marks["old/name.md"] == nil)
        #expect(adopted.positions["new/place.md"]?.blockIndex == 5)
        let reloaded = try StateStore(dataDirectory: dir.path).loadReadingState()
        #expect(reloaded.marks["new/place.md"]?.starred == true)
        #expect(reloaded.positions["old/name.md"] == nil)
    }

    @Test func unknownFieldsOfTheStateFileSurviveMarks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = #"{"schemaVersion":1,"future":{"x":1},"articles":{},"marks":{}}"#
        try original.write(toFile: dir.file("state.json"), atomically: true, encoding: .utf8)
        _ = try StateStore(dataDirectory: dir.path).mark(.star, ["a.md"], contentHashes: [:])
        let text = try String(contentsOfFile: dir.file("state.json"), encoding: .utf8)
        #expect(text.contains("\"future\""))
        #expect(try StateStore(dataDirectory: dir.path).loadReadingState().marks["a.md"]?.starred == true)
    }

    func library(_ dir: TemporaryDirectory) throws -> (articles: String, data: String) {
        let articles = dir.file("articles"), data = dir.file("data")
        try FileManager.default.createDirectory(atPath: articles + "/feed", withIntermediateDirectories: true)
        try "Text of a.\n".write(toFile: articles + "/feed/a.md", atomically: true, encoding: .utf8)
        return (articles, data)
    }

    @Test func trashRoundTripKeepsThePathAndNeverUnlinks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (articles, data) = try library(dir)
        let trash = Trash(dataDirectory: data, articlesDirectory: articles, clock: { Timestamp(millisecondsSince1970: 5000) })
        let entry = try trash.delete("feed/a.md")
        #expect(!FileManager.default.fileExists(atPath: articles + "/feed/a.md"))
        #expect(try String(contentsOfFile: data + "/trash/feed/a.md", encoding: .utf8) == "Text of a.\n")
        #expect(trash.list() == [entry])
        #expect(entry.deleted == Timestamp(millisecondsSince1970: 5000))
        // The same path deleted again is kept beside the first.
        try "Second a.\n".write(toFile: articles + "/feed/a.md", atomically: true, encoding: .utf8)
        let second = try trash.delete("feed/a.md")
        #expect(second.trashPath == "feed/a (2).md")
        #expect(trash.list().count == 2)
        try trash.restore(try #require(trash.find("feed/a.md")))
        #expect(FileManager.default.fileExists(atPath: articles + "/feed/a.md"))
        // Restoring onto a file that is there is refused, and the trashed copy stays.
        #expect(throws: StorageError.self) { try trash.restore(try #require(trash.find("feed/a.md"))) }
        #expect(trash.list().count == 1)
    }

    @Test func aLostIndexStillListsTheFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (articles, data) = try library(dir)
        let trash = Trash(dataDirectory: data, articlesDirectory: articles)
        try trash.delete("feed/a.md")
        unlink(data + "/trash/index.json")
        #expect(trash.list().map(\.originalPath) == ["feed/a.md"])
        try trash.restore(try #require(trash.find("feed/a.md")))
        #expect(FileManager.default.fileExists(atPath: articles + "/feed/a.md"))
    }

    @Test func removingFromTheTrashDeletesOnlyThatFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (articles, data) = try library(dir)
        let trash = Trash(dataDirectory: data, articlesDirectory: articles)
        let entry = try trash.delete("feed/a.md")
        try trash.remove(entry)
        #expect(trash.list().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: data + "/trash/feed/a.md"))
    }

    @Test func libraryEntriesCarryAContentHashThatSurvivesTheCache() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (articles, data) = try library(dir)
        let scanner = LibraryScanner(articlesDirectory: articles)
        let fresh = try scanner.scan(cache: LibraryCache(dataDirectory: data))
        let cache = LibraryCache(dataDirectory: data)
        _ = try scanner.scan(cache: cache)
        try cache.save()
        let cached = try scanner.scan(cache: LibraryCache(dataDirectory: data))
        #expect(fresh.first?.contentHash == LibraryEntry.contentHash(of: Array("Text of a.\n".utf8)))
        #expect(cached.first?.contentHash == fresh.first?.contentHash)
    }
}

/// Errors collected from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
