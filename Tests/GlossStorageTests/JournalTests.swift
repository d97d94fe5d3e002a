import Foundation
import Glibc
import GlossCore
import Testing

@testable import GlossStorage

/// Saves appended to an article's journal: every reader sees them, folds absorb them, and torn,
/// damaged, stale or hand-edited files never cost an acknowledged save.
@Suite struct JournalTests {
    let article = SampleArticle()

    func paths(_ store: AnnotationStore) -> AnnotationPaths { store.paths(for: article.identity.path) }

    @discardableResult
    func save(_ store: AnnotationStore, _ annotation: Annotation) throws -> AnnotationFile {
        try store.apply([.upsert(annotation)], to: article.identity, anchoredOn: article.text.text)
    }

    /// The lines of the journal at `path`.
    func lines(_ path: String) -> [String] {
        String(decoding: readBytes(path) ?? [], as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func savesAfterTheFirstAreAppendedAndEveryReaderSeesThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        try save(store, try article.annotation(id: "A"))
        let file = try #require(readBytes(paths.json))
        let stampBefore = store.stamps(of: article.identity.path)
        try save(store, try article.annotation(id: "B", block: 1))
        let saved = try save(store, try article.annotation(id: "C", block: 2))
        #expect(saved.annotations.map(\.id) == ["A", "B", "C"])
        // The JSON file was not rewritten; the journal holds its header and one line per save.
        #expect(readBytes(paths.json) == file)
        #expect(lines(paths.journal).count == 3)
        #expect(lines(paths.journal).allSatisfy { $0.count > 9 && $0.dropFirst(8).first == " " })
        #expect(mode(of: paths.journal) == 0o600)
        #expect(store.stamps(of: article.identity.path) != stampBefore)
        let fresh = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(fresh.annotations.map(\.id) == ["A", "B", "C"])
        #expect(fresh.messages.isEmpty)
        #expect(fresh == saved)
    }

    @Test func smallFilesAreRewrittenAndLargeOnesJournaledByDefault() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path)
        let paths = paths(store)
        try save(store, try article.annotation(id: "A"))
        try save(store, try article.annotation(id: "B"))
        #expect(!exists(paths.journal))
        // Past 64 KiB a save is an append.
        let many = try (0..<120).map { try article.annotation(id: "N\($0)", block: $0 % 3, note: String(repeating: "n", count: 400)) }
        _ = try store.apply(many.map(AnnotationChange.upsert), to: article.identity, anchoredOn: article.text.text)
        #expect(try #require(readBytes(paths.json)).count >= JournalPolicy.standard.minimumFileSize)
        #expect(!exists(paths.journal))
        try save(store, try article.annotation(id: "Z"))
        #expect(lines(paths.journal).count == 2)
        #expect(try store.load(article.identity).annotations.count == 123)
    }

    @Test func aLongJournalIsFoldedAndTheBackupPairKeepsEverything() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        for index in 0...JournalPolicy.always.maximumRecords {
            try save(store, try article.annotation(id: "A\(index)", start: index % 20))
        }
        #expect(lines(paths.journal).count == JournalPolicy.always.maximumRecords + 1)
        try save(store, try article.annotation(id: "last"))
        // Folded: the file holds everything, the journal became journal.bak beside `.bak`.
        #expect(!exists(paths.journal))
        let folded = try jsonObject(at: paths.json)["annotations"] as? [Any]
        #expect(folded?.count == JournalPolicy.always.maximumRecords + 2)
        let backup = try #require(readBytes(paths.backup))
        #expect(try AnnotationJournal.read(paths.journalBackup)?.base == AnnotationJournal.Base(of: backup))
        #expect(try AnnotationStore(dataDirectory: dir.path).load(article.identity).annotations.count == JournalPolicy.always.maximumRecords + 2)
    }

    @Test func aTornLastAppendIsIgnoredAndCutBeforeTheNextOne() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        try save(store, try article.annotation(id: "A"))
        try save(store, try article.annotation(id: "B"))
        // A writer killed mid-append left half a line (never acknowledged).
        let whole = try #require(readBytes(paths.journal))
        let torn = AnnotationJournal.record([try article.annotation(id: "T")])
        try writeBytes(whole + torn.prefix(torn.count / 2), to: paths.journal)
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.annotations.map(\.id) == ["A", "B"])
        #expect(loaded.messages.isEmpty)
        let other = AnnotationStore(dataDirectory: dir.path, journal: .always)
        _ = try other.apply([.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        #expect(Array(try #require(readBytes(paths.journal)).prefix(whole.count)) == whole)
        #expect(try AnnotationJournal.read(paths.journal)?.damaged == 0)
        #expect(try store.load(article.identity).annotations.map(\.id).sorted() == ["A", "B", "C"])
    }

    @Test func aDamagedSaveInTheMiddleIsSetAsideAndReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        for id in ["A", "B", "C", "D"] { try save(store, try article.annotation(id: id, note: "note \(id)")) }
        var bytes = try #require(readBytes(paths.journal))
        let damagedAt = try #require(String(decoding: bytes, as: UTF8.self).range(of: "note C")).lowerBound.utf16Offset(in: String(decoding: bytes, as: UTF8.self))
        bytes[damagedAt] = UInt8(ascii: "X")
        try writeBytes(bytes, to: paths.journal)

        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.annotations.map(\.id) == ["A", "B", "D"])
        #expect(loaded.messages.contains { $0.contains("could not be read (damaged)") && $0.contains(".journal.corrupt-") })
        let aside = try #require(store.setAsideFiles().first)
        #expect(aside.contains(".json.journal.corrupt-"))
        #expect(readBytes(aside) == bytes)
        // The good saves were folded into the file; nothing is said again.
        #expect(try store.load(article.identity).messages.isEmpty)
        #expect(try store.load(article.identity).annotations.map(\.id) == ["A", "B", "D"])
    }

    @Test func aJournalWhoseFileIsGoneStillCountsInTheListing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        for id in ["A", "B"] { try save(store, try article.annotation(id: id, note: "note \(id)")) }
        #expect(exists(paths.journal))
        try FileManager.default.removeItem(atPath: paths.json)
        let listing = store.listing()
        #expect(listing.hasFile(for: article.identity.path), "the journaled saves are not hidden")
        #expect(!listing.hasUnreadableAnnotations(for: article.identity.path))
        #expect(try store.load(article.identity).liveAnnotations.map(\.id).contains("B"))
        // Set aside as damaged with no backup: the article still says its notes could not be read.
        FileManager.default.createFile(atPath: paths.json + ".corrupt-20260101T000000Z", contents: Data("{".utf8))
        #expect(store.listing().hasUnreadableAnnotations(for: article.identity.path))
    }

    /// Annotation "A" saved, then saved again with only its anchor's status changed (same
    /// `modified`, as re-anchoring saves it): a tie that only the order of writing decides.
    func savedWithAMovedAnchor(_ store: AnnotationStore, note: String) throws -> Annotation {
        var annotation = try article.annotation(id: "A", note: note)
        try save(store, annotation)
        annotation.anchor.status = .fuzzy
        try save(store, annotation)
        return annotation
    }

    @Test func aFoldThatDiedBeforeRetiringItsJournalReplaysHarmlessly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        var annotation = try savedWithAMovedAnchor(store, note: "first")
        let journal = try #require(readBytes(paths.journal))
        // Another text: the file is rewritten (folded) with the anchor moved again, same `modified`.
        let edited = SampleArticle(blocks: SampleArticle.defaultBlocks + ["A new last paragraph."])
        annotation.anchor.status = .mapped
        _ = try store.apply([.upsert(annotation)], to: edited.identity, anchoredOn: edited.text.text)
        #expect(!exists(paths.journal))
        // The fold's last step, retiring the journal, never happened.
        try writeBytes(journal, to: paths.journal)
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.messages.isEmpty)
        #expect(loaded.annotations.map(\.anchor.status) == [.mapped])
        let saved = try AnnotationStore(dataDirectory: dir.path, journal: .always)
            .apply([.upsert(try article.annotation(id: "B"))], to: edited.identity, anchoredOn: edited.text.text)
        #expect(saved.annotations.map(\.id).sorted() == ["A", "B"])
        #expect(saved.annotation(withID: "A")?.anchor.status == .mapped)
    }

    @Test func aHandEditOfTheFileWinsTiesAgainstTheJournal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        _ = try savedWithAMovedAnchor(store, note: "typed")
        #expect(try AnnotationStore(dataDirectory: dir.path).load(article.identity).annotations.first?.anchor.status == .fuzzy)
        // Edited by hand afterwards, `modified` untouched: the file is newer than the journal.
        let text = String(decoding: try #require(readBytes(paths.json)), as: UTF8.self)
        try writeText(text.replacingOccurrences(of: "\"typed\"", with: "\"fixed\""), to: paths.json)
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.annotations.first?.note == "fixed")
        #expect(loaded.annotations.first?.anchor.status == .exact)
        // The next save folds the journal first, keeping the edit.
        let saved = try save(AnnotationStore(dataDirectory: dir.path, journal: .always), try article.annotation(id: "B"))
        #expect(saved.annotation(withID: "A")?.note == "fixed")
        #expect(!exists(paths.journal))
    }

    @Test func aDamagedFileIsRestoredFromItsBackupWithTheSavesSinceReplayed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        let count = JournalPolicy.always.maximumRecords + 4
        for index in 0..<count { try save(store, try article.annotation(id: "A\(index)", start: index % 20)) }
        #expect(exists(paths.journal) && exists(paths.journalBackup))
        try writeText("{ damaged", to: paths.json)
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.messages.contains { $0.contains("restored from the backup") })
        // `.bak` is the file before the last fold; journal.bak and the journal hold every save since.
        #expect(loaded.annotations.count == count)
        #expect(store.setAsideFiles().contains { $0.contains(".json.corrupt-") })
        let saved = try save(AnnotationStore(dataDirectory: dir.path, journal: .always), try article.annotation(id: "B"))
        #expect(saved.annotations.count == count + 1)
    }

    @Test func aSaveFromANewerVersionInTheJournalMakesTheArticleReadOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let paths = paths(store)
        try save(store, try article.annotation(id: "A"))
        try save(store, try article.annotation(id: "B"))
        let newer = AnnotationJournal.line(.object(["annotations": .array([]), "schemaVersion": .integer(2)]))
        try writeBytes(try #require(readBytes(paths.journal)) + newer, to: paths.journal)
        let before = try #require(readBytes(paths.journal))
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.isReadOnly)
        #expect(loaded.annotations.map(\.id) == ["A", "B"])
        #expect(throws: StorageError.self) { try save(AnnotationStore(dataDirectory: dir.path, journal: .always), try article.annotation(id: "C")) }
        #expect(readBytes(paths.journal) == before)
    }

    @Test func aRenamedArticleTakesItsJournaledSavesAlong() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = AnnotationStore(dataDirectory: dir.path, journal: .always)
        let old = paths(store)
        for id in ["A", "B", "C"] { try save(store, try article.annotation(id: id)) }
        #expect(exists(old.journal))
        var moved = article.identity
        moved.path = "world/renamed.md"
        let adopted = try #require(try store.adoptRenamed(moved) { _ in true })
        #expect(adopted.annotations.map(\.id) == ["A", "B", "C"])
        #expect(!exists(old.json) && !exists(old.journal) && !exists(old.journalBackup))
        #expect(try store.load(moved).annotations.map(\.id) == ["A", "B", "C"])
    }

    @Test func theRecordFormatChecksEveryLine() {
        let line = AnnotationJournal.line(.object(["annotations": .array([]), "schemaVersion": .integer(1)]))
        #expect(line.last == 0x0A)
        #expect(!line.dropLast().contains(0x0A))
        #expect(AnnotationJournal.parse(line).records.count == 1)
        var flipped = line
        flipped[12] ^= 0x01
        #expect(AnnotationJournal.parse(flipped).damaged == 1)
        #expect(AnnotationJournal.parse(Array(line.dropLast())).records.count == 1)
        #expect(AnnotationJournal.parse(Array(line.prefix(20))).validLength == 0)
        #expect(CRC32.hex(Array("123456789".utf8)) == "cbf43926")
    }
}
