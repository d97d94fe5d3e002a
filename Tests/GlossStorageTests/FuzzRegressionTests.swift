import GlossCore
import Testing

@testable import GlossStorage

/// Inputs the fuzz targets (Fuzz/, docs/FUZZING.md) found to break a property, kept as tests.
@Suite struct FuzzRegressionTests {
    /// fuzz-annotations: a key with invalid UTF-8 inside a reading position. Foundation's decoder
    /// refused the position while the raw parser kept it with U+FFFD, so the position was lost on
    /// reading and came back, different, after the file was rewritten.
    @Test func aPositionWithInvalidUTF8ReadsTheSameBeforeAndAfterARewrite() throws {
        let bytes = Array(#"{"articles": {"world/climate.md": {"blockInde"#.utf8) + [0xFF]
            + Array(#"x": 12, "lineOffset": 2, "opened": true, "updated": "2024-05-01T12:40:00.000Z"}},"#.utf8)
            + Array(#""lastOpened": {"at": "2024-05-01T12:40:00.000Z", "path": "world/climate.md"}, "schemaVersion": 1}"#.utf8)
        let document = try StateDocument.parse(bytes)
        let rewritten = try StateDocument.parse(try document.serialized())
        #expect(document.state == rewritten.state)
        let position = try #require(document.state.positions["world/climate.md"])
        #expect(position.lineOffset == 2)
        #expect(position.blockIndex == 0, "the unreadable key is not blockIndex")
    }
}
