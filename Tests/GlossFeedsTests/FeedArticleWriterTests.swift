import Foundation
import GlossCore
import Testing
@testable import GlossFeeds

@Suite struct FeedArticleWriterTests {
    let entry = FeedEntry(
        id: "tag:example.com,2024:1",
        link: "https://example.com/2024/05/council",
        title: "Council \"votes\": budget #1 — approved",
        author: "Jo: \"The\" Writer",
        published: FeedDate.parse("2024-05-01T06:30:00Z"),
        contentHTML: "<p>The council <em>approved</em> the budget.</p><h2>Details</h2><ul><li>Roads</li><li>Schools</li></ul>",
        contentBaseURL: "https://example.com/2024/05/council"
    )

    @Test func entryArticleLoadsWithItsMetadataAndParagraphs() throws {
        let text = FeedArticleWriter.article(for: entry, feedName: "City News: Local", tags: ["local", "politics", "yes"])
        #expect(text.hasPrefix("---\ntitle: \"Council \\\"votes\\\": budget #1 — approved\"\n"))
        #expect(text.contains("date: 2024-05-01T06:30:00Z\n"))
        let fileName = FeedArticleWriter.fileName(for: entry)
        let article = try ArticleLoader.load(bytes: Array(text.utf8), fileName: fileName)
        #expect(article.warnings.isEmpty)
        #expect(article.metadata.title == "Council \"votes\": budget #1 — approved")
        #expect(article.metadata.author == "Jo: \"The\" Writer")
        #expect(article.metadata.source == "City News: Local")
        #expect(article.metadata.date == "2024-05-01")
        #expect(article.metadata.url == "https://example.com/2024/05/council")
        #expect(article.metadata.tags == ["local", "politics", "yes"])
        #expect(article.blocks.map(\.text) == ["The council approved the budget.", "Details", "Roads", "Schools"])
        #expect(article.blocks[1].kind == .heading(level: 2))
    }

    @Test func dedupKeyReadsBackFromTheWrittenArticle() {
        let tricky = FeedEntry(id: "urn:\"quoted\"\\ id: #1\u{1}", title: "T")
        let text = FeedArticleWriter.article(for: tricky, feedName: "F")
        #expect(WrittenArticle.dedupKey(inArticle: text) == tricky.dedupKey)
        let linkOnly = FeedEntry(link: "https://example.com/a?b=1&c=2", title: "T")
        #expect(WrittenArticle.dedupKey(inArticle: FeedArticleWriter.article(for: linkOnly, feedName: "F")) == "https://example.com/a?b=1&c=2")
        #expect(WrittenArticle.dedupKey(inArticle: "# No front matter\n\nid: 3\n") == nil)
        #expect(WrittenArticle.dedupKey(inArticle: "---\ntitle: x\n---\nBody\n") == nil)
    }

    /// A file in a feed's folder is read back for its `id` before each fetch: front matter nested
    /// too deep for the YAML parser (which would exhaust the stack) has no id, as when it is loaded.
    @Test(arguments: [String(repeating: "[", count: 5_000), String(repeating: "{a: ", count: 5_000)])
    func deepFrontMatterHasNoDedupKeyAndDoesNotCrash(value: String) {
        #expect(WrittenArticle.dedupKey(inArticle: "---\nid: 7\ntitle: \(value)\n---\nBody\n") == nil)
        #expect(WrittenArticle.dedupKey(inArticle: "---\nid: 7\ntitle: [[a]]\n---\nBody\n") == "7")
    }

    @Test func entryWithoutContentLinksToTheWeb() throws {
        let bare = FeedEntry(id: "1", link: "https://example.com/a", title: "Bare")
        let article = try ArticleLoader.load(bytes: Array(FeedArticleWriter.article(for: bare, feedName: "F").utf8), fileName: "a.md")
        #expect(article.blocks.map(\.text) == ["Read the article on the web"])
        #expect(article.metadata.date == nil)
    }

    @Test func extractedPageArticle() throws {
        let page = ExtractedPage(
            title: "A page", byline: "Ann", published: FeedDate.parse("2023-12-31T23:59:59.900Z"),
            canonicalURL: nil, siteName: "Site", markdown: "Hello *world*.\n"
        )
        let text = FeedArticleWriter.article(for: page, url: "https://site.example/p", tags: ["web"])
        let article = try ArticleLoader.load(bytes: Array(text.utf8), fileName: FeedArticleWriter.fileName(for: page))
        #expect(article.metadata.title == "A page")
        #expect(article.metadata.author == "Ann")
        #expect(article.metadata.source == "Site")
        #expect(article.metadata.date == "2023-12-31")
        #expect(article.metadata.url == "https://site.example/p")
        #expect(article.blocks.map(\.text) == ["Hello world."])
        #expect(FeedArticleWriter.fileName(for: page) == "2023-12-31-a-page.md")
    }

    @Test func fileNamesAreDeterministicSafeAndBounded() {
        #expect(FeedArticleWriter.fileName(for: entry) == "2024-05-01-council-votes-budget-1-approved.md")
        #expect(FeedArticleWriter.fileName(for: entry) == FeedArticleWriter.fileName(for: entry))
        let suffixed = FeedArticleWriter.fileName(for: entry, uniqueSuffix: true)
        #expect(suffixed.hasPrefix("2024-05-01-council-votes-budget-1-approved-") && suffixed.hasSuffix(".md"))
        #expect(suffixed != FeedArticleWriter.fileName(for: FeedEntry(id: "other", title: entry.title, published: entry.published), uniqueSuffix: true))

        let hostile = FeedEntry(id: "x", title: "../../etc/passwd .hidden/ Crème Brûlée ÆSIR straße " + String(repeating: "long ", count: 40))
        let name = FeedArticleWriter.fileName(for: hostile)
        #expect(name.hasPrefix("undated-etc-passwd-hidden-creme-brulee-aesir-strasse-long"))
        #expect(!name.contains("/") && !name.hasPrefix("."))
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(name.count <= "undated-".count + Slug.maximumLength + ".md".count)

        let japanese = FeedEntry(link: "https://example.com/x", title: "日本語のタイトル")
        #expect(FeedArticleWriter.fileName(for: japanese) == "undated-日本語のタイトル.md")
        let untitled = FeedEntry(link: "https://example.com/x", title: "✱ ✱ ✱")
        #expect(FeedArticleWriter.fileName(for: untitled).hasPrefix("undated-entry-"))
        #expect(FeedArticleWriter.fileName(for: untitled) == FeedArticleWriter.fileName(for: untitled))
    }

    @Test func slugs() {
        #expect(Slug.make(from: "Hello, World!") == "hello-world")
        #expect(Slug.make(from: "  --  ") == "")
        #expect(Slug.make(from: "Cafe\u{301} au lait") == "cafe-au-lait")
        #expect(Slug.make(from: "C++ & Swift 6.0") == "c-swift-6-0")
    }
}
