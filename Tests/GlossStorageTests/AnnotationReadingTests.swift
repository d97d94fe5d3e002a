import GlossCore
import Testing

@testable import GlossStorage

/// Reading a file to open an article (`parseForReading`, one pass from bytes to annotations)
/// gives what the general reader (`parse`, through `JSONValue`) gives, for plain files and odd ones.
@Suite struct AnnotationReadingTests {
    /// What a reader sees of a document: everything but the raw JSON kept for rewriting.
    private struct Seen: Equatable {
        var schemaVersion: Int
        var article: ArticleIdentity
        var snapshotFile: String?
        var annotations: [Annotation]
        var notices: [String]

        init(_ document: AnnotationDocument) {
            schemaVersion = document.schemaVersion
            article = document.article
            snapshotFile = document.snapshotFile
            annotations = document.annotations
            notices = document.notices
        }
    }

    private enum Outcome: Equatable {
        case read(Seen)
        case failed(String)
    }

    private func seen(_ read: ([UInt8]) throws(DocumentProblem) -> AnnotationDocument, _ text: String) -> Outcome {
        do {
            return .read(Seen(try read(Array(text.utf8))))
        } catch {
            return .failed(error.reason)
        }
    }

    /// Both readers agree on `text`; returns whether the one-pass decoder read it itself.
    @discardableResult
    private func expectSameReading(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let general = seen(AnnotationDocument.parse, text)
        let fast = seen(AnnotationDocument.parseForReading, text)
        #expect(fast == general, sourceLocation: sourceLocation)
        return AnnotationFileDecoder.decode(Array(text.utf8)) != nil
    }

    private static let anchor = """
        {"quote": {"type": "TextQuoteSelector", "exact": "Heat", "prefix": "", "suffix": " records"},
         "position": {"type": "TextPositionSelector", "start": 0, "end": 4}, "blockIndex": 0, "blockEnd": 0,
         "status": "exact"}
        """

    private static func file(annotations: String, top: String = "") -> String {
        """
        {"schemaVersion": 1, \(top)
         "article": {"path": "world/climate.md", "title": "Climate", "fingerprint": "abc"},
         "snapshotFile": "climate-0123.snapshot", "annotations": [\(annotations)]}
        """
    }

    private static func entry(_ members: String, anchor: String = AnnotationReadingTests.anchor) -> String {
        "{\(members) \"anchor\": \(anchor)}"
    }

    @Test func aFileTheStoreWroteIsReadInOnePassAlike() throws {
        let article = SampleArticle()
        var document = AnnotationDocument(article: article.identity)
        document.snapshotFile = "climate-0123.snapshot"
        var annotations: [Annotation] = []
        for index in 0..<40 {
            var annotation = try article.annotation(
                id: "id-\(index)", block: index % 3, start: index % 7, length: 3 + index % 5,
                note: index % 2 == 0 ? "a \"quoted\" note\nwith lines, tabs\t, é, 日本, 🙂 #tag\(index % 4)" : "",
                at: 1_700_000_000_000 + Int64(index) * 61_001)
            if index % 9 == 0 { annotation = annotation.tombstone(at: Timestamp(millisecondsSince1970: 1_800_000_000_000)) }
            if index % 5 == 0 { annotation.color = "blue" }
            annotations.append(annotation)
        }
        document.annotations = annotations
        let text = String(decoding: document.serialized(), as: UTF8.self)
        #expect(expectSameReading(text), "the one-pass decoder reads what the store writes")
        let read = try AnnotationDocument.parseForReading(Array(text.utf8))
        #expect(read.annotations == AnnotationMerge.sorted(annotations))
        #expect(read.snapshotFile == "climate-0123.snapshot")
    }

    @Test func unknownMembersNullsAndOtherFormsAreReadAlike() {
        let unknown = """
            "future": {"nested": [1, 2.5, -3e2, true, false, null, "\\u00e9\\ud83d\\ude42"]},
            """
        let anchorWithExtras = """
            {"quote": {"exact": "Heat", "prefix": null, "extra": [1], "suffix": null}, "extra": {},
             "position": {"start": 0.0, "end": 4, "extra": "x"}, "blockIndex": 0, "blockEnd": "wrong", "status": 7}
            """
        let plain = [
            Self.file(annotations: Self.entry(#""id": "a", "created": "2024-05-01T12:34:56.789Z","#), top: unknown),
            Self.file(annotations: Self.entry(
                #""id": "a", "created": "2024-05-01T12:34:56.789Z", "modified": null, "color": null, "note": null, "deleted": null, "tags": ["x"], \#(unknown)"#,
                anchor: anchorWithExtras)),
            Self.file(annotations: Self.entry(
                #""id": "a", "created": "2024-05-01 12:34:56+02:00", "modified": "2024-05-02T00:00:00Z", "note": "\ttab \\ slash \/ \u0041","#)),
            Self.file(annotations: Self.entry(#""id": "a", "created": "2024-05-01T12:34:56.789Z", "deleted": true, "status": "a status from the future","#)),
            Self.file(annotations: ""),
            "\u{FEFF}" + Self.file(annotations: Self.entry(#""id": "a", "created": "2024-05-01T12:34:56.789Z","#)),
            #"{"schemaVersion": 1, "article": {"path": "p", "title": "", "fingerprint": ""}, "annotations": null}"#,
            #"{"schemaVersion": 1, "article": {"path": "p", "title": "", "fingerprint": ""}}"#,
            #" {"schemaVersion": 2, "article": {"path": "p", "title": "t", "fingerprint": "f"}, "snapshotFile": null, "annotations": []} "#,
        ]
        for text in plain {
            #expect(expectSameReading(text), "read in one pass: \(text)")
        }
    }

    @Test func oddFilesAreLeftToTheGeneralReaderWithTheSameResult() {
        let created = #""created": "2024-05-01T12:34:56.789Z","#
        let odd = [
            // Repeated members: the general reader keeps the last one.
            Self.file(annotations: Self.entry(#""id": "a", "id": "b", \#(created)"#)),
            Self.file(annotations: Self.entry(#""id": "a", "color": "red", "color": "blue", \#(created)"#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#), top: #""schemaVersion": 1,"#),
            // Entries this version cannot read are kept and counted.
            Self.file(annotations: Self.entry(#""id": "", \#(created)"#)),
            Self.file(annotations: Self.entry(#""id": "a", "created": "yesterday","#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created) "color": 3,"#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created) "modified": 3,"#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created) "deleted": "yes","#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#, anchor: #"{"quote": {"exact": "x"}, "position": {"start": 4, "end": 2}, "blockIndex": 0}"#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#, anchor: #"{"quote": {"exact": "x"}, "position": {"start": 0, "end": 2}, "blockIndex": -1}"#)),
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#, anchor: #"{"quote": "x", "position": {"start": 0, "end": 2}, "blockIndex": 0}"#)),
            Self.file(annotations: #"3, "text", null, "# + Self.entry(#""id": "a", \#(created)"#)),
            // Not valid JSON, or not an annotation file.
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#)) + " trailing",
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#) + ","),
            String(Self.file(annotations: Self.entry(#""id": "a", \#(created)"#)).dropLast(3)),
            #"{"schemaVersion": 1, "article": {"path": "p", "title": 3, "fingerprint": ""}, "annotations": []}"#,
            #"{"schemaVersion": 2, "article": {"path": "p"}, "annotations": 3}"#,
            #"{"schemaVersion": "1", "article": {"path": "p", "title": "", "fingerprint": ""}}"#,
            #"{"article": {"path": "p", "title": "", "fingerprint": ""}}"#,
            #"[1, 2]"#,
            "",
            Self.file(annotations: Self.entry(#""id": "a", \#(created)"#), top: #""deep": \#(String(repeating: "[", count: 300))\#(String(repeating: "]", count: 300)),"#),
        ]
        for text in odd {
            #expect(!expectSameReading(text), "left to the general reader: \(text)")
        }
    }

    @Test func openingReadsTheSameAnnotationsAsSaving() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        let annotations = try (0..<30).map { index in
            try article.annotation(id: "n\(index)", block: index % 3, start: index % 9, note: index % 3 == 0 ? "#tag" : "")
        }
        let saved = try store.apply(annotations.map(AnnotationChange.upsert), to: article.identity, anchoredOn: article.text.text)
        let loaded = try AnnotationStore(dataDirectory: dir.path).load(article.identity)
        #expect(loaded.annotations == saved.annotations)
        #expect(loaded.article == saved.article)
        #expect(try store.snapshot(of: article.identity) == article.text.text)
    }
}
