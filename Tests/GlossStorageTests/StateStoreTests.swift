import GlossCore
import GlossStorage
import GlossTestSupport
import Testing

@Suite struct StateStoreTests {
    private func position(_ block: Int, at millis: Int64, line: Int = 0) -> ReadingPosition {
        ReadingPosition(blockIndex: block, lineOffset: line, updated: Timestamp(millisecondsSince1970: millis))
    }

    @Test func positionsAndLastOpenedRoundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        #expect(try store.loadReadingState() == ReadingState())
        _ = try store.record(position(4, at: 10, line: 2), for: "a.md", markLastOpened: true)
        let state = try store.record(position(7, at: 20), for: "sub/b.md", markLastOpened: false)
        #expect(state.positions["a.md"] == position(4, at: 10, line: 2))
        #expect(state.positions["sub/b.md"]?.blockIndex == 7)
        #expect(state.lastOpened == "a.md")

        let reloaded = try StateStore(dataDirectory: dir.path).loadReadingState()
        #expect(reloaded.positions == state.positions)
        #expect(reloaded.lastOpened == "a.md")
        #expect(reloaded.lastOpenedAt == Timestamp(millisecondsSince1970: 10))
    }

    @Test func twoProcessesMergeByArticleAndTheNewerPositionWins() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let processA = StateStore(dataDirectory: dir.path)
        let processB = StateStore(dataDirectory: dir.path)
        _ = try processA.record(position(1, at: 100), for: "a.md", markLastOpened: true)
        _ = try processB.record(position(2, at: 200), for: "b.md", markLastOpened: true)
        // A stale position for a.md from B does not replace A's newer one.
        let merged = try processB.record(position(9, at: 50), for: "a.md", markLastOpened: true)
        #expect(merged.positions["a.md"]?.blockIndex == 1)
        #expect(merged.positions["b.md"]?.blockIndex == 2)
        #expect(merged.lastOpened == "b.md")
    }

    @Test func unknownFieldsInTheStateFileSurvive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        _ = try store.record(position(1, at: 100), for: "a.md", markLastOpened: true)
        var object = try jsonObject(at: store.location)
        object["theme"] = "dark"
        var articles = try #require(object["articles"] as? [String: Any])
        var entry = try #require(articles["a.md"] as? [String: Any])
        entry["zoom"] = 3
        articles["a.md"] = entry
        object["articles"] = articles
        try writeBytes(Array(try JSONSerializationBridge.data(object)), to: store.location)

        _ = try store.record(position(5, at: 200), for: "a.md", markLastOpened: false)
        let reread = try jsonObject(at: store.location)
        #expect(reread["theme"] as? String == "dark")
        let rereadEntry = (reread["articles"] as? [String: Any])?["a.md"] as? [String: Any]
        #expect(rereadEntry?["zoom"] as? Int == 3)
        #expect(rereadEntry?["blockIndex"] as? Int == 5)
    }

    @Test func aNewerStateFileIsReadOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        let newer = Array(#"{"schemaVersion": 3, "articles": {}}"#.utf8)
        try writeBytes(newer, to: store.location)
        let state = try store.loadReadingState()
        #expect(state.isReadOnly)
        #expect(throws: StorageError.newerSchema(path: store.location, found: 3, supported: 1)) {
            try store.record(position(1, at: 1), for: "a.md", markLastOpened: true)
        }
        #expect(readBytes(store.location) == newer)
    }

    @Test func theInMemoryStateStoreMergesAndCanFail() throws {
        let store = InMemoryReadingStateStore()
        _ = try store.record(position(3, at: 300), for: "a.md", markLastOpened: true)
        _ = try store.record(position(1, at: 100), for: "a.md", markLastOpened: true)
        #expect(try store.loadReadingState().positions["a.md"]?.blockIndex == 3)
        store.nextWriteError = .permissionDenied(path: "/x")
        #expect(throws: StorageError.self) { try store.record(position(8, at: 900), for: "a.md", markLastOpened: true) }
        #expect(try store.loadReadingState().positions["a.md"]?.blockIndex == 3)
    }
}
