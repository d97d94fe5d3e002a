import Foundation
import GlossCore
@testable import GlossStorage
import Testing

/// Reading the library cache token by token: the rows `save` writes, rows in other shapes taken
/// as before, and a damaged file giving no records at all, never some of them.
@Suite struct LibraryCacheReadingTests {
    private func cacheFile(rows: [String], schema: Int = 5) -> [UInt8] {
        Array("""
        {
          "articles" : [
            \(rows.joined(separator: ",\n    "))
          ],
          "columns" : [ "path", "size", "mtime", "ctime", "inode", "hash", "title", "words", "minutes", "author", "source", "date", "problem", "tags" ],
          "schemaVersion" : \(schema)
        }

        """.utf8)
    }

    private let plainRow = #"[ "a/one.md", 120, 1700000000123456789, 1700000000123456790, 42, "abc", "Caf\u00e9 \ud83d\ude00 \"One\"", 300, 2, "Ann", null, "2024-01-02", null, [ "x", "y\/z" ] ]"#

    private func read(_ bytes: [UInt8]) -> [String: LibraryCache.Record]? {
        (try? LibraryCache.records(in: bytes)) ?? nil
    }

    @Test func aRowAsSaveWritesItIsReadWithEveryColumn() throws {
        let records = try #require(read(cacheFile(rows: [plainRow])))
        let record = try #require(records["a/one.md"])
        #expect(record.stamp == LibraryCache.Stamp(
            size: 120, modified: 1_700_000_000_123_456_789, changed: 1_700_000_000_123_456_790, inode: 42))
        let entry = record.entry
        #expect(entry.title == "Café 😀 \"One\"")
        #expect(entry.contentHash == "abc")
        #expect(entry.wordCount == 300 && entry.minutes == 2)
        #expect(entry.author == "Ann" && entry.source == nil && entry.date == "2024-01-02" && entry.problem == nil)
        #expect(entry.tags == ["x", "y/z"])
        #expect(entry.sizeBytes == 120)
        #expect(entry.modified == Timestamp(millisecondsSince1970: 1_700_000_000_123))
    }

    @Test func rowsInOtherShapesAreTakenAsTheValueReaderTookThem() throws {
        let odd = #"[ "b.md", 1, 2, 3, 4, 7, "Two", 3.0, "x", false, "S", null, "bad", [ 1, "t" ] ]"#
        let short = #"[ "c.md", 1, 2, 3, 4, null, "Three", 1, 1, null, null, null, null ]"#
        let huge = #"[ "d.md", 1, 2, 3, 99999999999999999999, null, "Four", 1, 1, null, null, null, null, [] ]"#
        let records = try #require(read(cacheFile(rows: [plainRow, odd, short, huge])))
        #expect(Set(records.keys) == ["a/one.md", "b.md"])
        let entry = try #require(records["b.md"]?.entry)
        #expect(entry.contentHash == nil && entry.wordCount == 3 && entry.minutes == 0)
        #expect(entry.author == nil && entry.source == "S" && entry.problem == "bad" && entry.tags == ["t"])
    }

    @Test func aDamagedOrForeignFileGivesNoRecords() throws {
        let good = cacheFile(rows: [plainRow, plainRow.replacingOccurrences(of: "a/one.md", with: "b.md")])
        #expect(read(good)?.count == 2)
        // Every cut short of the whole document (its final newline aside) is rejected.
        let end = try #require(good.lastIndex(of: UInt8(ascii: "}")))
        for length in 0...end { #expect(read(Array(good[..<length])) == nil, "cut at \(length)") }
        #expect(read(cacheFile(rows: [plainRow], schema: 4)) == nil)
        #expect(read(Array(#"{"articles": [], "schemaVersion": 5} x"#.utf8)) == nil)
        #expect(read(Array(#"{"articles": {}, "schemaVersion": 5}"#.utf8)) == nil)
        #expect(read(Array(#"{"articles": [], "schemaVersion": 5}"#.utf8))?.isEmpty == true)
        // Nesting past the parser's limit inside a row is refused, not recursed into.
        let deep = String(repeating: "[", count: 100_000)
        #expect(read(cacheFile(rows: [deep])) == nil)
    }
}
