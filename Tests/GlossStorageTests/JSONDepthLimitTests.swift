import Foundation
import GlossCore
import Testing

@testable import GlossStorage

/// The JSON parser of the data files, fed nesting far deeper than any file Gloss writes, through
/// the stores that read them: past `JSONParser.maximumDepth` the file is not valid JSON and is
/// set aside like any damaged file, never a crash.
@Suite("Parser depth limits: JSON")
struct JSONDepthLimitTests {
    static let deep: [[UInt8]] = [
        Array(repeating: UInt8(ascii: "["), count: 1_000_000),
        Array(String(repeating: "{\"a\":", count: 200_000).utf8),
        Array(("{\"schemaVersion\": 1, \"annotations\": " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}").utf8),
    ]

    @Test("An annotation file nested too deep is set aside with the reason", arguments: deep)
    func deepAnnotationFileIsQuarantined(bytes: [UInt8]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path, clock: { Timestamp(millisecondsSince1970: 1_704_067_200_000) })
        let json = store.location(of: article.identity.path)
        try FileManager.default.createDirectory(atPath: SystemCall.parent(of: json), withIntermediateDirectories: true)
        try writeBytes(bytes, to: json)
        let loaded = try store.load(article.identity)
        #expect(loaded.annotations.isEmpty)
        #expect(loaded.messages.contains { $0.contains("nesting too deep") && $0.contains(json + ".corrupt-") }, "\(loaded.messages)")
        #expect(readBytes(json + ".corrupt-20240101T000000Z") == bytes)
    }

    @Test("A reading-state file nested too deep is set aside with the reason")
    func deepStateFileIsQuarantined() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = StateStore(dataDirectory: dir.path)
        try writeBytes(Self.deep[0], to: store.location)
        let state = try store.loadReadingState()
        #expect(state.positions.isEmpty)
        #expect(state.messages.contains { $0.contains("nesting too deep") }, "\(state.messages)")
    }

    @Test("The parser stops at its depth limit and takes anything under it")
    func parserLimit() throws {
        let limit = JSONParser.maximumDepth
        let under = Array((String(repeating: "[", count: limit) + String(repeating: "]", count: limit)).utf8)
        #expect(throws: Never.self) { try JSONParser.parse(under) }
        let over = Array((String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)).utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(over) }
        do {
            _ = try JSONParser.parse(over)
        } catch {
            #expect(error.message == "nesting too deep")
        }
    }
}
