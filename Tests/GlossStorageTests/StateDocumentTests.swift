import Foundation
import GlossCore
import Testing

@testable import GlossStorage

/// The reading-state file is read field by field: a damaged position is skipped, a damaged
/// file shape is a problem, and fields this version does not know survive a rewrite.
@Suite struct StateDocumentTests {
    @Test func readsPositionsLenientlyAndKeepsUnknownFields() throws {
        let text = """
            {"schemaVersion": 1, "future": [1, 2],
             "lastOpened": {"path": "b.md", "at": "2026-01-02T03:04:05.678Z"},
             "articles": {
               "a.md": {"blockIndex": 4, "lineOffset": 2, "updated": "2026-01-01T00:00:00.000Z", "percent": 40, "colour": "x"},
               "b.md": {"blockIndex": 3.0, "updated": "2026-01-01T00:00:00Z", "opened": false},
               "bad-date.md": {"blockIndex": 1, "updated": "yesterday"},
               "bad-index.md": {"blockIndex": "one", "updated": "2026-01-01T00:00:00Z"},
               "not-an-object.md": 7
             }}
            """
        let document = try StateDocument.parse(Array(text.utf8))
        let state = document.state
        #expect(state.lastOpened == "b.md")
        #expect(state.lastOpenedAt?.description == "2026-01-02T03:04:05.678Z")
        #expect(state.positions.keys.sorted() == ["a.md", "b.md"])
        #expect(state.positions["a.md"]?.blockIndex == 4)
        #expect(state.positions["a.md"]?.lineOffset == 2)
        #expect(state.positions["a.md"]?.percent == 40)
        #expect(state.positions["b.md"]?.blockIndex == 3)
        #expect(state.positions["b.md"]?.opened == false)
        #expect(state.positions["b.md"]?.percent == nil)

        let rewritten = try JSONValue.parse(try document.serialized()).objectValue ?? [:]
        #expect(rewritten["future"] == .array([.integer(1), .integer(2)]))
        let a = rewritten["articles"]?.objectValue?["a.md"]?.objectValue
        #expect(a?["colour"] == .string("x"))
        #expect(a?["percent"] == .integer(40))
        #expect(rewritten["articles"]?.objectValue?["bad-date.md"] != nil)
        #expect(try StateDocument.parse(try document.serialized()).state == state)
    }

    @Test(arguments: [
        #"{"schemaVersion": 1, "lastOpened": "a.md"}"#,
        #"{"schemaVersion": 1, "lastOpened": {"path": "a.md", "at": "soon"}}"#,
        #"{"schemaVersion": 1, "articles": []}"#,
    ])
    func aDamagedShapeIsAProblem(_ text: String) {
        #expect(throws: DocumentProblem.self) { try StateDocument.parse(Array(text.utf8)) }
    }

    @Test func aNewerVersionIsKeptEvenWhenItsShapeIsUnknown() throws {
        let document = try StateDocument.parse(Array(#"{"schemaVersion": 9, "articles": []}"#.utf8))
        #expect(document.isNewer)
        #expect(document.state == ReadingState())
    }
}
