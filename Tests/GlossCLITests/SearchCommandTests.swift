import Foundation
import Testing

/// `gloss search`, run as the real binary on a small library.
@Suite struct SearchCommandTests {
    final class Library {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-search-\(UUID())").path
        var articles: String { root + "/articles" }
        var data: String { root + "/data" }

        init() throws {
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            try write("money.md", "---\ntitle: Digital money\ntags: [finance]\n---\n\nIntro.\n\nA stablecoin is pegged to the dollar.\n")
            try write("cafe.md", "# Paris\n\nUn café au coin de la rue.\n")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: articles + "/" + name))
        }

        func run(_ arguments: [String]) throws -> GlossBinary.Result {
            try GlossBinary.run(["search"] + arguments, articles: articles, data: data)
        }
    }

    @Test func printsTitlePathParagraphAndAMarkedSnippetAndExitsZero() throws {
        let library = try Library()
        let result = try library.run(["stablecoin"])
        #expect(result.status == 0)
        #expect(result.out == "Digital money  money.md  ¶ 2\n    A «stablecoin» is pegged to the dollar.\n")
        #expect(FileManager.default.fileExists(atPath: library.data + "/search-index.sqlite"))
    }

    @Test func viewsSearchOnlyTheArticlesTheyHold() throws {
        let library = try Library()
        let archived = try GlossBinary.run(["mark", "money.md", "--archive"], articles: library.articles, data: library.data)
        #expect(archived.status == 0)
        #expect(try library.run(["stablecoin", "--view", "inbox"]).status == 1)
        #expect(try library.run(["stablecoin", "--view", "archive"]).out.contains("money.md"))
        #expect(try library.run(["stablecoin"]).out.contains("money.md"))
        #expect(try library.run(["cafe", "--view", "unread"]).out.contains("cafe.md"))
        #expect(try library.run(["cafe", "--view", "starred"]).status == 1)
        #expect(try library.run(["cafe", "--view", "later"]).status == 64)
    }

    @Test func noMatchExitsOneAndABadCommandLine64() throws {
        let library = try Library()
        let none = try library.run(["nothing-like-this"])
        #expect(none.status == 1)
        #expect(none.out.isEmpty)
        #expect(try library.run(["cafe", "--limit", "0"]).status == 64)
        #expect(try library.run(["cafe", "--bogus"]).status == 64)
        #expect(try library.run([]).status == 64)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let library = try Library()
        let result = try library.run(["cafe", "--json"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect((row["article"] as? [String: String]) == ["path": "cafe.md", "title": "Paris"])
        #expect(row["paragraph"] as? Int == 2)
        #expect(row["kind"] as? String == "text")
        #expect(row["snippet"] as? String == "Un «café» au coin de la rue.")
        #expect(row["score"] is Int)
    }

    @Test func aTagHitSaysTagAndReindexRebuilds() throws {
        let library = try Library()
        let tag = try library.run(["#finance"])
        #expect(tag.status == 0)
        #expect(tag.out.hasPrefix("Digital money  money.md  tag\n"))
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: library.data + "/search-index.sqlite"))
        let rebuilt = try library.run(["stablecoin", "--reindex"])
        #expect(rebuilt.status == 0)
        #expect(rebuilt.out.contains("«stablecoin»"))
    }

    @Test func controlBytesFromArticlesNeverReachTheTerminal() throws {
        let library = try Library()
        try library.write("evil.md", "# Evil\u{1B}[2J title\n\nA payload \u{1B}]0;owned\u{07} here.\n")
        let result = try library.run(["payload"])
        #expect(result.status == 0)
        #expect(!result.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
