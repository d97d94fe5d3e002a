import Foundation
import GlossCore
import GlossStorage
import Testing

/// Per-feed state: round trip, unknown fields kept, damage set aside, newer files not overwritten.
@Suite struct FeedStateStoreTests {
    let clock: @Sendable () -> Timestamp = { Timestamp(millisecondsSince1970: 1_704_067_200_000) }

    func sample() -> FeedState {
        FeedState(
            url: "https://news.example/rss", lastFetch: Timestamp(millisecondsSince1970: 1_795_514_400_000),
            lastError: nil, etag: "\"v1\"", lastModified: "Tue, 24 Nov 2026 10:00:00 GMT",
            entries: ["guid-1": FeedEntryRecord(file: "news/2026-11-24-a.md", contentHash: "abc", updated: Timestamp(millisecondsSince1970: 1_795_514_400_000))])
    }

    @Test func savesAndLoadsWithUnknownFieldsKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FeedStateStore(dataDirectory: dir.path, clock: clock)
        #expect(try store.load(feed: "news").state == nil)
        try store.save(sample(), feed: "news")
        #expect(try store.load(feed: "news").state == sample())
        let path = store.location(ofFeed: "news")
        #expect(path == dir.path + "/feeds/news.json")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 1, \"futureField\": 7")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var changed = sample()
        changed.lastError = "timed out after 20 s"
        try store.save(changed, feed: "news")
        #expect(try store.load(feed: "news").state?.lastError == "timed out after 20 s")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"futureField\": 7"))
    }

    @Test func aDamagedFileIsKeptAsideNotDeleted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FeedStateStore(dataDirectory: dir.path, clock: clock)
        try store.save(sample(), feed: "news")
        let path = store.location(ofFeed: "news")
        let garbage = Array("{\"schemaVersion\": 1, \"url\": ".utf8)
        try Data(garbage).write(to: URL(fileURLWithPath: path))
        let loaded = try store.load(feed: "news")
        let quarantined = path + ".corrupt-20240101T000000Z"
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: quarantined))) == garbage)
        #expect(loaded.messages.contains { $0.contains(quarantined) })
    }

    @Test func aNewerFileIsNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = FeedStateStore(dataDirectory: dir.path, clock: clock)
        try FileManager.default.createDirectory(atPath: dir.path + "/feeds", withIntermediateDirectories: true)
        let newer = "{\"schemaVersion\": 9, \"url\": \"x\"}"
        try newer.write(toFile: store.location(ofFeed: "news"), atomically: true, encoding: .utf8)
        #expect(throws: StorageError.self) { try store.load(feed: "news") }
        #expect(throws: StorageError.self) { try store.save(sample(), feed: "news") }
        #expect(try String(contentsOfFile: store.location(ofFeed: "news"), encoding: .utf8) == newer)
    }
}
