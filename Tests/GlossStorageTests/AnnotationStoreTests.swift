import Foundation
import Glibc
import GlossCore
@testable import GlossStorage
import Testing

@Suite struct AnnotationStoreTests {
    @Test func savedAnnotationsLoadBackInAnotherStoreInstance() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let first = try article.annotation(id: "A", block: 1, note: "#one")
        let second = try article.annotation(id: "B", block: 0, note: "two")
        let saved = try AnnotationStore(dataDirectory: dir.path)
            .apply([.upsert(first), .upsert(second)], to: article.identity, anchoredOn: article.text.text)
        #expect(saved.annotations.map(\.id) == ["B", "A"])

        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.annotations == saved.annotations)
        #expect(loaded.article == article.identity)
        #expect(loaded.messages.isEmpty)
        #expect(!loaded.isReadOnly)
    }

    @Test func loadingAnArticleWithoutAFileGivesAnEmptyWritableFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle(path: "./a//b.md")
        let file = try AnnotationStore(dataDirectory: dir.file("missing")).load(article.identity)
        #expect(file.annotations.isEmpty)
        #expect(file.article.path == "a/b.md")
        #expect(!file.isReadOnly)
        #expect(!exists(dir.file("missing")))
    }

    @Test func fileNamesAreSafeWhateverThePath() throws {
        let store = AnnotationStore(dataDirectory: "/data")
        for path in ["../../etc/passwd", "a/../../b.md", "/absolute.md", "..", "ünïcode/файл.md", String(repeating: "x/", count: 200)] {
            let location = store.location(of: path)
            #expect(location.hasPrefix("/data/annotations/"))
            let name = String(location.dropFirst("/data/annotations/".count))
            #expect(!name.contains("/"))
            #expect(!name.hasPrefix("."))
            #expect(name.utf8.count < 100)
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
        }
        #expect(store.location(of: "a/b.md") != store.location(of: "a-b.md"))
        #expect(store.location(of: "./a//b.md") == store.location(of: "a/b.md"))
    }

    @Test func theFileIsReadableJSONWithSchemaArticleSnapshotAndAnnotations() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let bytes = try #require(readBytes(store.location(of: article.identity.path)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let stored = try #require(object["article"] as? [String: Any])
        #expect(stored["path"] as? String == "world/climate.md")
        #expect(stored["fingerprint"] as? String == article.identity.fingerprint)
        let snapshotName = try #require(object["snapshotFile"] as? String)
        #expect(readBytes(dir.path + "/annotations/" + snapshotName) == Array(article.text.text.utf8))
        #expect((object["annotations"] as? [Any])?.count == 1)
        // Pretty-printed with sorted keys: "annotations" comes first, on its own line.
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\n  \"annotations\": [\n"))
        #expect(try store.snapshot(of: article.identity) == article.text.text)
    }

    @Test func theSnapshotIsRefusedWhenItDoesNotMatchItsFingerprint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try article.annotation())], to: article.identity, anchoredOn: article.text.text)
        let name = try #require(directoryNames(store.annotationsDirectory).first { $0.hasSuffix(".snapshot.txt") })
        try writeText("tampered", to: store.annotationsDirectory + "/" + name)
        #expect(try store.snapshot(of: article.identity) == nil)
    }

    @Test func theSnapshotFollowsTheTextAndOldOnesAreRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let v1 = SampleArticle()
        let v2 = SampleArticle(blocks: SampleArticle.defaultBlocks + ["A new closing paragraph."])
        let v3 = SampleArticle(blocks: ["Rewritten entirely."])
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try v1.annotation(id: "A"))], to: v1.identity, anchoredOn: v1.text.text)
        _ = try store.apply([.upsert(try v2.annotation(id: "B"))], to: v2.identity, anchoredOn: v2.text.text)
        #expect(try store.load(v2.identity).article.fingerprint == v2.identity.fingerprint)
        #expect(try store.snapshot(of: v2.identity) == v2.text.text)
        _ = try store.apply([.upsert(try v3.annotation(id: "C"))], to: v3.identity, anchoredOn: v3.text.text)
        // v3's snapshot and v2's (referenced by the backup) are kept; v1's is gone.
        let snapshots = directoryNames(store.annotationsDirectory).filter { $0.hasSuffix(".snapshot.txt") }
        #expect(snapshots.count == 2)
        #expect(!snapshots.contains { $0.contains(String(v1.identity.fingerprint.prefix(16))) })
    }

    @Test func aWrongClaimedFingerprintIsReplacedByTheTextsOwn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        var identity = article.identity
        identity.fingerprint = String(repeating: "0", count: 64)
        let file = try AnnotationStore(dataDirectory: dir.path)
            .apply([.upsert(try article.annotation())], to: identity, anchoredOn: article.text.text)
        #expect(file.article.fingerprint == article.identity.fingerprint)
    }

    @Test func thePreviousVersionIsKeptAsBak() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        let json = store.location(of: article.identity.path)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        #expect(!exists(json + ".bak"))
        let firstVersion = try #require(readBytes(json))
        _ = try store.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        #expect(readBytes(json + ".bak") == firstVersion)
        #expect(readBytes(json) != firstVersion)
    }

    @Test func filesAre0600AndDirectories0700EvenWhenCreatedLooser() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        mkdir(data, 0o755)
        chmod(data, 0o755)
        let previousMask = umask(0)
        defer { umask(previousMask) }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: data)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        _ = try store.apply([.upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        #expect(mode(of: data) == 0o700)
        #expect(mode(of: store.annotationsDirectory) == 0o700)
        let names = directoryNames(store.annotationsDirectory)
        #expect(names.count == 4)  // json, bak, lock, snapshot
        for name in names {
            #expect(mode(of: store.annotationsDirectory + "/" + name) == 0o600, "\(name)")
        }
        _ = try StateStore(dataDirectory: data).record(
            ReadingPosition(blockIndex: 1, updated: Timestamp(millisecondsSince1970: 1)), for: "a.md", markLastOpened: true)
        #expect(mode(of: data + "/state.json") == 0o600)
    }

    @Test func unknownFieldsSurviveARewriteAtTopLevelAndPerAnnotation() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        let original = try article.annotation(id: "A", note: "first")
        _ = try store.apply([.upsert(original)], to: article.identity, anchoredOn: article.text.text)
        let json = store.location(of: article.identity.path)

        // A newer gloss added fields everywhere.
        var object = try jsonObject(at: json)
        object["futureTopLevel"] = ["nested": [1, 2, 3], "big": 9_007_199_254_740_993]
        var articleObject = try #require(object["article"] as? [String: Any])
        articleObject["language"] = "en"
        object["article"] = articleObject
        var entries = try #require(object["annotations"] as? [[String: Any]])
        entries[0]["futureField"] = "keep me"
        var anchor = try #require(entries[0]["anchor"] as? [String: Any])
        anchor["futureSelector"] = ["type": "XPathSelector", "value": "/p[2]"]
        entries[0]["anchor"] = anchor
        object["annotations"] = entries
        try writeBytes(Array(try JSONSerialization.data(withJSONObject: object)), to: json)

        var edited = original
        edited.note = "edited"
        edited.modified = Timestamp(millisecondsSince1970: original.modified.millisecondsSince1970 + 1)
        let result = try store.apply(
            [.upsert(edited), .upsert(try article.annotation(id: "B"))], to: article.identity, anchoredOn: article.text.text)
        #expect(result.annotation(withID: "A")?.note == "edited")

        let text = String(decoding: try #require(readBytes(json)), as: UTF8.self)
        #expect(text.contains("\"big\": 9007199254740993"))
        let reread = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((reread["futureTopLevel"] as? [String: Any])?["nested"] as? [Int] == [1, 2, 3])
        #expect((reread["article"] as? [String: Any])?["language"] as? String == "en")
        let rereadEntries = try #require(reread["annotations"] as? [[String: Any]])
        let entryA = try #require(rereadEntries.first { $0["id"] as? String == "A" })
        #expect(entryA["futureField"] as? String == "keep me")
        #expect(entryA["note"] as? String == "edited")
        let futureSelector = (entryA["anchor"] as? [String: Any])?["futureSelector"] as? [String: Any]
        #expect(futureSelector?["value"] as? String == "/p[2]")
        #expect(rereadEntries.count == 2)
    }

    @Test func anUnreadableAnnotationIsKeptVerbatimAndReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let json = store.location(of: article.identity.path)
        var object = try jsonObject(at: json)
        var entries = try #require(object["annotations"] as? [[String: Any]])
        entries.append(["id": "BROKEN", "created": "not a date"])
        object["annotations"] = entries
        try writeBytes(Array(try JSONSerialization.data(withJSONObject: object)), to: json)

        let loaded = try store.load(article.identity)
        #expect(loaded.annotations.map(\.id) == ["A"])
        #expect(loaded.messages.contains { $0.contains("could not be read") })
        _ = try store.apply([.upsert(try article.annotation(id: "C"))], to: article.identity, anchoredOn: article.text.text)
        let text = String(decoding: try #require(readBytes(json)), as: UTF8.self)
        #expect(text.contains("\"created\": \"not a date\""))
    }

    @Test func aNewerSchemaOpensReadOnlyAndRefusesWrites() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        _ = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let json = store.location(of: article.identity.path)
        var object = try jsonObject(at: json)
        object["schemaVersion"] = 2
        let newer = Array(try JSONSerialization.data(withJSONObject: object))
        try writeBytes(newer, to: json)

        let loaded = try store.load(article.identity)
        #expect(loaded.isReadOnly)
        #expect(loaded.annotations.map(\.id) == ["A"])
        #expect(loaded.messages.contains { $0.contains("newer version") })
        let change = AnnotationChange.upsert(try article.annotation(id: "B"))
        do {
            _ = try store.apply([change], to: article.identity, anchoredOn: article.text.text)
            Issue.record("a write to a newer-schema file succeeded")
        } catch {
            #expect(error == .newerSchema(path: json, found: 2, supported: 1))
            #expect(error.description.contains(json))
        }
        #expect(readBytes(json) == newer)
        #expect(!exists(json + ".bak"))
    }

    @Test func aNewerSchemaThatCannotBeDecodedStillOpensReadOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        let json = store.location(of: article.identity.path)
        mkdir(dir.path + "/annotations", 0o700)
        let newer = Array(#"{"schemaVersion": 7, "article": {"path": "world/climate.md"}, "items": {}}"#.utf8)
        try writeBytes(newer, to: json)
        let loaded = try store.load(article.identity)
        #expect(loaded.isReadOnly)
        #expect(loaded.annotations.isEmpty)
        #expect(readBytes(json) == newer)
        #expect(directoryNames(store.annotationsDirectory) == [SystemCall.lastComponent(of: json)])
    }
}
