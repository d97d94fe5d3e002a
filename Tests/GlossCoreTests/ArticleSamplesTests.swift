import Foundation
import Testing

@testable import GlossCore

/// The sample articles shipped in `Articles/` at the package root.
enum SampleArticles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Articles")

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func load(_ name: String) throws -> Article {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try ArticleLoader.load(bytes: data, fileName: name)
    }
}

@Suite("Sample articles")
struct ArticleSamplesTests {
    @Test("Every file in Articles/ loads with a title, blocks and no warnings")
    func everySampleLoads() throws {
        let names = try SampleArticles.names()
        #expect(names.count >= 4)
        for name in names {
            let article = try SampleArticles.load(name)
            #expect(!article.metadata.title.isEmpty, "\(name)")
            #expect(!article.blocks.isEmpty, "\(name)")
            #expect(article.warnings.isEmpty, "\(name): \(article.warnings)")
            #expect(article.blocks.allSatisfy { !$0.text.contains("\r") }, "\(name)")
        }
    }

    @Test("The Binance article: one paragraph per line, 19 blocks, headings at blocks 2 and 12")
    func binance() throws {
        let article = try SampleArticles.load("binance-world-liberty.txt")
        #expect(article.format == .plainLines)
        #expect(article.blocks.count == 19)
        let headings = article.blocks.indices.filter { article.blocks[$0].isHeading }
        #expect(headings == [2, 12])
        #expect(article.blocks[2] == Block(kind: .heading(level: 2), text: "The evolving crypto landscape"))
        #expect(
            article.blocks[12]
                == Block(kind: .heading(level: 2), text: "Regulatory rollbacks, signalling a new era for crypto?"))
        #expect(article.blocks[0].text.hasPrefix("According to Wall Street Journal report, Binance"))
        #expect(article.blocks[18].text.hasSuffix("for years to come."))
        #expect(article.metadata.title == "Binance World Liberty")
        #expect(article.wordCount == 569)
    }

    @Test("The Markdown sample uses every block kind and inline style")
    func harborMarkdown() throws {
        let article = try SampleArticles.load("harbor-city-grid-battery.md")
        #expect(article.format == .markdown)
        #expect(article.metadata.title == "Harbor City switches on the region's largest grid battery")
        #expect(article.metadata.author == "Maren Okafor")
        #expect(article.metadata.source == "The Coastal Ledger")
        #expect(article.metadata.date == "2025-03-14")
        #expect(article.metadata.url == "https://example.com/coastal-ledger/harbor-city-grid-battery")
        #expect(article.metadata.tags == ["energy", "local government", "batteries"])

        let kinds = article.blocks.map(\.kind)
        #expect(kinds.filter { $0 == .heading(level: 2) }.count == 4)
        #expect(kinds.contains(.listItem(marker: "•", depth: 1)))
        #expect(kinds.contains(.listItem(marker: "4.", depth: 0)))
        #expect(kinds.contains(.quote(depth: 0)))
        let code = try #require(article.blocks.first { $0.kind == .code(language: "json") })
        #expect(code.text.hasPrefix("{\n  \"site\": \"harbor-depot-1\","))
        #expect(code.text.hasSuffix("\n}"))

        let styles = article.blocks.flatMap(\.spans).map(\.style)
        for style in [InlineStyle.emphasis, .strong, .code, .link] {
            #expect(styles.contains(style))
        }
        let words = article.wordCount
        #expect((400...900).contains(words))
    }

    @Test("The CJK sample keeps Japanese, Korean, Chinese and emoji text intact")
    func cjkSample() throws {
        let article = try SampleArticles.load("seoul-tokyo-hearing-chips.md")
        #expect(article.metadata.title == "Seoul and Tokyo startups race to fit AI inside a hearing aid 🎧")
        #expect(article.metadata.tags == ["semiconductors", "Korea", "Japan", "health tech"])
        let text = article.blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("「補聴器の中で動くAIを作るのは、電池との戦いです」"))
        #expect(text.contains("우리는 전력 소비를 10분의 1로 줄였습니다"))
        #expect(text.contains("我们每个月可以生产五十万颗芯片。"))
        #expect(text.contains("🇰🇷🇯🇵"))
        #expect(article.blocks.contains { $0.kind == .heading(level: 2) && $0.text == "東京の挑戦 — Tokyo's bet on analog" })
    }

    @Test("The hard-wrapped sample joins lines and shows Markdown characters literally")
    func wrappedSample() throws {
        let article = try SampleArticles.load("millbrook-library-levy.txt")
        #expect(article.format == .plainWrapped)
        #expect(article.metadata.title == "Millbrook votes on library levy after a year of shorter hours")
        let headings = article.blocks.filter(\.isHeading).map(\.text)
        #expect(
            headings == [
                "Millbrook votes on library levy after a year of shorter hours", "How the hours were cut",
                "The teenagers behind #KeepMillbrookReading", "What happens if it fails",
            ])
        let texts = article.blocks.map(\.text)
        #expect(texts.contains("1. The Eastside branch closed on Mondays and Fridays."))
        #expect(texts.contains { $0.contains("hashtag #KeepMillbrookReading in October") })
        #expect(texts.contains { $0.contains("typewriter: *A town that closes its library is writing its last chapter.*") })
        #expect(texts.contains { $0.hasPrefix("> Towns that restore library hours") && $0.contains("\n> to previous") })
        #expect(article.blocks.allSatisfy { $0.spans.isEmpty })
        #expect(article.blocks.allSatisfy { !$0.text.contains("\n") || $0.text.hasPrefix(">") })
    }
}
