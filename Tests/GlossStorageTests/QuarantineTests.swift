import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

@Suite struct QuarantineTests {
    let clock: @Sendable () -> Timestamp = { Timestamp(millisecondsSince1970: 1_704_067_200_000) }

    /// A store with two saves, so that `.bak` holds the first.
    private func twoSaves(in dir: TemporaryDirectory) throws -> (AnnotationStore, SampleArticle, String) {
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path, clock: clock)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        _ = try store.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        return (store, article, store.location(of: article.identity.path))
    }

    @Test func aCorruptFileIsMovedAsideAndTheBackupRestored() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (store, article, json) = try twoSaves(in: dir)
        let backup = try #require(readBytes(json + ".bak"))
        let garbage = Array("{\"schemaVersion\": 1, \"annotations\": [ truncated".utf8)
        try writeBytes(garbage, to: json)

        let loaded = try store.load(article.identity)
        let quarantined = json + ".corrupt-20240101T000000Z"
        #expect(readBytes(quarantined) == garbage)
        #expect(loaded.annotations.map(\.id) == ["A"])
        #expect(readBytes(json) == backup)
        #expect(loaded.messages.contains { $0.contains(json) && $0.contains(quarantined) })
        #expect(loaded.messages.contains { $0.contains("restored from the backup") })
        #expect(!loaded.isReadOnly)

        // Saving afterwards works and never touches the quarantined copy.
        let saved = try store.apply([.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        #expect(saved.annotations.map(\.id).sorted() == ["A", "C"])
        #expect(readBytes(quarantined) == garbage)
    }

    @Test func aCorruptFileFoundWhileSavingIsQuarantinedAndTheSaveMergesWithTheBackup() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (store, article, json) = try twoSaves(in: dir)
        try writeBytes([0xFF, 0x00, 0x13], to: json)
        let saved = try store.apply([.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        #expect(saved.annotations.map(\.id).sorted() == ["A", "C"])
        #expect(saved.messages.contains { $0.contains("could not be read") })
        #expect(readBytes(json + ".corrupt-20240101T000000Z") == [0xFF, 0x00, 0x13])
    }

    @Test func withoutABackupTheArticleStartsEmptyAndSaysWhereTheFileWent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path, clock: clock)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let json = store.location(of: article.identity.path)
        try writeText("[1, 2, 3]", to: json)
        let loaded = try store.load(article.identity)
        #expect(loaded.annotations.isEmpty)
        #expect(loaded.messages.contains { $0.contains("not a JSON object") && $0.contains(".corrupt-") })
        #expect(loaded.messages.contains { $0.contains("no backup") })
        #expect(!exists(json))
        #expect(readBytes(json + ".corrupt-20240101T000000Z") == Array("[1, 2, 3]".utf8))
    }

    @Test func aDamagedBackupIsQuarantinedTooAndNeverOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (store, article, json) = try twoSaves(in: dir)
        try writeText("bad main", to: json)
        try writeText("bad backup", to: json + ".bak")
        let loaded = try store.load(article.identity)
        #expect(loaded.annotations.isEmpty)
        #expect(readBytes(json + ".corrupt-20240101T000000Z") == Array("bad main".utf8))
        #expect(readBytes(json + ".bak.corrupt-20240101T000000Z") == Array("bad backup".utf8))
        #expect(loaded.messages.contains { $0.contains("damaged too") })
        // Two more saves: the second would replace .bak, which must not destroy the damaged copy.
        _ = try store.apply([.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        _ = try store.apply([.upsert(try article.annotation(id: "D"))], to: article.identity, anchoredOn: article.text.text)
        #expect(readBytes(json + ".bak.corrupt-20240101T000000Z") == Array("bad backup".utf8))
    }

    @Test func repeatedCorruptionKeepsEveryQuarantinedCopy() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (store, article, json) = try twoSaves(in: dir)
        try writeText("first damage", to: json)
        _ = try store.load(article.identity)
        try writeText("second damage", to: json)
        _ = try store.load(article.identity)
        #expect(readBytes(json + ".corrupt-20240101T000000Z") == Array("first damage".utf8))
        #expect(readBytes(json + ".corrupt-20240101T000000Z-1") == Array("second damage".utf8))
    }

    @Test func aCorruptStateFileIsQuarantinedWithAMessage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let states = StateStore(dataDirectory: dir.path, clock: clock)
        _ = try states.record(ReadingPosition(blockIndex: 3, updated: clock()), for: "a.md", markLastOpened: true)
        _ = try states.record(ReadingPosition(blockIndex: 5, updated: clock()), for: "b.md", markLastOpened: false)
        try writeText("{", to: states.location)
        let state = try states.loadReadingState()
        #expect(state.positions["a.md"]?.blockIndex == 3)
        #expect(state.positions["b.md"] == nil)
        #expect(state.messages.contains { $0.contains(states.location + ".corrupt-") })
        #expect(readBytes(states.location + ".corrupt-20240101T000000Z") == Array("{".utf8))
    }
}
