import Foundation
import Testing
@testable import GlossFeeds

#if canImport(Glibc)
import Glibc
#endif

/// Hostile and broken feeds: recovery that never changes well-formed parts, bounded entities,
/// depth limits for the XML and HTML parsers, and libxml2 kept off the terminal.
@Suite(.serialized) struct FeedRobustnessTests {
    func parse(_ xml: String) throws(FeedError) -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: "https://example.com/feed.xml")
    }

    func error(parsing xml: String) -> FeedError? {
        do {
            _ = try parse(xml)
            return nil
        } catch {
            return error
        }
    }

    static let wellFormedItems = """
        <item><title>Tom &amp; Jerry &lt;3</title><link>https://example.com/2?a=1&amp;b=2</link>
        <description>&lt;p&gt;Tom &amp;amp; Jerry &lt;b&gt;bold&lt;/b&gt; &amp;lt;tag&amp;gt;&lt;/p&gt;</description></item>
        <item><title>Third &#8211; one</title><link>https://example.com/3</link>
        <description><![CDATA[<p>CDATA &amp; <i>kept</i></p>]]></description></item>
        """

    func entries(_ feed: Feed) -> [[String?]] {
        feed.entries.map { [$0.title, $0.link, $0.contentHTML, $0.contentHTML.map { HTMLToMarkdown.convert($0) }] }
    }

    @Test(arguments: [
        "<item><title>Fish & chips</title><link>https://example.com/1?a=1&b=2</link></item>",
        "<item><title>Non&nbsp;breaking &copy; 2024</title><link>https://example.com/1</link></item>",
        "<item><title>Bell \u{7} here</title><link>https://example.com/1</link></item>",
        "<item><title>Ref &#1; here &unknown; and & alone</title><link>https://example.com/1</link></item>",
        "<item><title>When a < b and c <= d</title><link>https://example.com/1</link></item>",
    ])
    func aStrayByteNeverChangesTheWellFormedEntries(broken: String) throws {
        let clean = try parse("<rss version=\"2.0\"><channel><title>T</title>" + Self.wellFormedItems + "</channel></rss>")
        let mended = try parse("<rss version=\"2.0\"><channel><title>T</title>" + broken + Self.wellFormedItems + "</channel></rss>")
        #expect(mended.entries.count == 3)
        #expect(entries(mended).dropFirst().map { $0 } == entries(clean))
        let markdown = HTMLToMarkdown.convert(try #require(clean.entries.first?.contentHTML))
        #expect(markdown == "Tom & Jerry **bold** \\<tag>\n")
    }

    @Test func theBrokenEntryItselfReadsAsMeant() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>Fish & chips&nbsp;&eacute;t&#233; \u{1}</title><link>https://example.com/?a=1&b=2</link></item></channel></rss>")
        #expect(feed.entries.first?.title == "Fish & chips été")
        #expect(feed.entries.first?.link == "https://example.com/?a=1&b=2")
    }

    @Test func aControlCharacterInAtomChangesNothingElse() throws {
        let entry = "<entry><id>2</id><title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title><content type=\"html\">&lt;p&gt;A &amp;lt; B&lt;/p&gt;</content></entry>"
        let clean = try parse("<feed xmlns=\"http://www.w3.org/2005/Atom\">" + entry + "</feed>")
        let broken = try parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><title>Esc\u{1B} here</title></entry>" + entry + "</feed>")
        #expect(broken.entries.count == 2)
        #expect(broken.entries.last?.title == clean.entries.first?.title)
        #expect(broken.entries.last?.title == "Bold & co")
        #expect(broken.entries.last?.contentHTML == "<p>A &lt; B</p>")
        #expect(broken.entries.first?.title == "Esc here")
    }

    @Test func entityExpansionIsBoundedByTheSizeOfTheBody() throws {
        let entity = String(repeating: "x", count: 1 << 20)
        let items = (1...20).map { "<item><guid>\($0)</guid><title>T\($0)</title><description>&big;</description></item>" }.joined()
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(entity)\">]><rss version=\"2.0\"><channel>" + items + "</channel></rss>"
        guard case .entityExpansionTooLarge(let limit)? = error(parsing: bomb) else {
            Issue.record("an entity bomb was read")
            return
        }
        #expect(limit < 2 * bomb.utf8.count)
        #expect(FeedError.entityExpansionTooLarge(limit: limit).description.contains("expand to more than"))
        // Nested entities stay as written: no billion laughs.
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"hahahahahahahahaha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss version=\"2.0\"><channel><item><title>&c;&c;</title></item></channel></rss>"
        // Refused by libxml2's own amplification check, or read with the nested references as written.
        if let feed = try? parse(laughs) { #expect((feed.entries.first?.title ?? "").utf8.count < 400) }
        // A small entity used a few times is fine.
        let small = try parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY site \"Example\">]><rss version=\"2.0\"><channel><item><title>&site; news</title></item><item><title>More &site;</title></item></channel></rss>")
        #expect(small.entries.map(\.title) == ["Example news", "More Example"])
    }

    @Test func xmlNestedTooDeepIsRefusedClearly() throws {
        let depth = 300
        let deep = "<rss version=\"2.0\"><channel><item><title>T</title><description>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</description></item></channel></rss>"
        #expect(error(parsing: deep) == .nestedTooDeep(limit: 256))
        #expect(FeedError.nestedTooDeep(limit: 256).description == "the document is nested too deep (more than 256 levels of elements)")
        // Just inside the limit is read.
        let fine = "<rss version=\"2.0\"><channel><item><title>T</title><description>" + String(repeating: "<x>", count: 200)
            + String(repeating: "</x>", count: 200) + "</description></item></channel></rss>"
        #expect(try parse(fine).entries.count == 1)
    }

    @Test func htmlNestedTooDeepIsRefusedClearly() throws {
        let deep = "<html><body><p>Intro</p>" + String(repeating: "<div>", count: 400) + "deep" + String(repeating: "</div>", count: 400)
            + "<p>After</p></body></html>"
        #expect(throws: FeedError.nestedTooDeep(limit: 256)) { try ReadableExtractor.extract(html: deep) }
        // Feed content nested too deep keeps what the parser read, without a crash.
        _ = HTMLToMarkdown.convert(deep)
    }

    /// Runs `body` with the process's stderr sent to a file, and returns what was written there.
    func capturingStandardError(_ body: () -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-stderr-\(UUID().uuidString)").path
        // stderr is unbuffered: nothing is pending before the switch.
        let saved = dup(2)
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(saved >= 0 && file >= 0)
        dup2(file, 2)
        body()
        dup2(saved, 2)
        close(saved)
        close(file)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func libxml2NeverPrintsItsOwnMessages() throws {
        var page = Array("<html><head><meta charset=\"gb2312\"><title>T</title></head><body><p>".utf8)
        page += Array("中文的文章，".utf8) + [0xFF, 0xFE, 0x81] + Array(String(repeating: "text of the article ", count: 20).utf8)
        page += Array("</p></body></html>".utf8)
        var feed = Array("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><item><title>".utf8)
        feed += [0xFF, 0xFE, 0x81, 0x30] + Array("</title></item></channel></rss>".utf8)
        let printed = try capturingStandardError {
            _ = try? ReadableExtractor.extract(from: page)
            _ = HTMLToMarkdown.convert(bytes: page)
            _ = try? FeedParser.parse(feed)
            _ = try? FeedParser.parse(Array("<rss><channel><item><title>&bad</title>\u{1}</channel>".utf8))
        }
        // Other suites run meanwhile and may print their own lines: only libxml2's are looked for.
        let libxml2Phrases = ["encoding error", "conversion failed", "not proper UTF-8", "parser error", "xmlParse", "Entity", "Bytes: 0x"]
        #expect(!libxml2Phrases.contains { printed.contains($0) }, "libxml2 printed: \(printed)")
    }

    @Test func aPageDeclaringGB2312ButHoldingUTF8IsRead() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>新闻</title></head><body><article><p>"
            + String(repeating: "这是一篇很长的中文文章，讲述了很多有趣的事情。", count: 20) + "</p></article></body></html>"
        let page = try ReadableExtractor.extract(from: Array(html.utf8))
        #expect(page.markdown.contains("这是一篇很长的中文文章"))
        #expect(Array(html.utf8).withUnsafeBufferPointer { CharsetSniffer.defaultEncoding(for: $0) } == "UTF-8")
    }
}
