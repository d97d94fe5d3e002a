import Foundation
import Testing
@testable import GlossFeeds

/// One test per way real feeds were misread (seen in the corpora of docs/FEEDS.md).
@Suite struct FeedReadingDefectTests {
    func parse(_ bytes: [UInt8], url: String? = "https://example.com/feed.xml") throws -> Feed {
        try FeedParser.parse(bytes, url: url)
    }

    func parse(_ xml: String) throws -> Feed {
        try parse(Array(xml.utf8))
    }

    let rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Héllo</title><link>https://example.com/1</link></item></channel></rss>"

    @Test func blanksAndAByteOrderMarkBeforeTheDeclarationAreSkipped() throws {
        for prefix in ["\n", "\r\n\n  \t", "\u{FEFF}\n", "\u{FEFF}"] {
            let feed = try parse(prefix + rss)
            #expect(feed.entries.map(\.title) == ["Héllo"], "prefix \(prefix.debugDescription)")
        }
    }

    @Test func declaredUTF8HoldingWindows1252FallsBackWithAWarning() throws {
        // "simulações" and a curly quote written in windows-1252 (0xE7 0xF5, 0x92).
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item><title>simula".utf8)
        bytes += [0xE7, 0xF5] + Array("es don".utf8) + [0x92] + Array("t</title></item></channel></rss>".utf8)
        let feed = try parse(bytes)
        #expect(feed.entries.first?.title == "simulações don’t")
        #expect(feed.warnings == ["the feed declares UTF-8 but its bytes are not UTF-8: read as windows-1252"])
        // A byte windows-1252 leaves undefined (0x81): Latin-1 then.
        let latin = try parse(Array("<rss version=\"2.0\"><channel><item><title>a".utf8) + [0x81, 0xE9] + Array("</title></item></channel></rss>".utf8))
        #expect(latin.entries.first?.title == "aé")
        #expect(latin.warnings.first?.hasSuffix("read as ISO-8859-1") == true)
        // A feed that is what it says has no warning.
        #expect(try parse(rss).warnings.isEmpty)
    }

    @Test func aLegacyDeclarationOverUTF8BytesIsReadAsUTF8() throws {
        let feed = try parse(rss.replacingOccurrences(of: "UTF-8", with: "gb2312"))
        #expect(feed.entries.first?.title == "Héllo")
        #expect(feed.warnings == ["the feed declares gb2312 but its bytes are not gb2312: read as UTF-8"])
    }

    @Test func theServersCharsetGoesBeforeTheDeclaration() throws {
        // KOI8-R bytes for "мир", declared as nothing, named by the server.
        let bytes = Array("<rss version=\"2.0\"><channel><item><title>".utf8) + [0xCD, 0xC9, 0xD2] + Array("</title></item></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes, charset: "KOI8-R").entries.first?.title == "мир")
        // A charset libxml2 does not know is ignored; UTF-8 bytes stay UTF-8.
        #expect(try FeedParser.parse(Array(rss.utf8), charset: "x-unknown-charset").entries.first?.title == "Héllo")
        #expect(try FeedParser.parse(Array(rss.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1").utf8), charset: "utf-8").entries.first?.title == "Héllo")
    }

    @Test func elementsAreMatchedByNamespace() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
            <channel><item>
              <media:title>Media title</media:title><itunes:title>Episode title</itunes:title>
              <title>The title</title><media:link>https://cdn.example/1</media:link><link>https://example.com/1</link>
              <itunes:author>Podcast Network</itunes:author><author>jo@example.com (Jo)</author>
            </item>
            <item><title>Two</title><itunes:author>Host Name</itunes:author></item></channel></rss>
            """)
        #expect(feed.entries.map(\.title) == ["The title", "Two"])
        #expect(feed.entries.first?.link == "https://example.com/1")
        #expect(feed.entries.first?.author == "Jo")
        // Only when nothing else names one does the podcast's author stand in.
        #expect(feed.entries.last?.author == "Host Name")
        let atom = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <entry><media:title>No</media:title><title>Yes</title><id>1</id></entry></feed>
            """)
        #expect(atom.entries.first?.title == "Yes")
        // The content namespace spelt without its trailing slash is still content:encoded.
        let content = try parse("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content"><channel><item><title>C</title>
            <description>short</description><content:encoded>&lt;p&gt;The full text&lt;/p&gt;</content:encoded></item></channel></rss>
            """)
        #expect(content.entries.first?.contentHTML == "<p>The full text</p>")
    }

    @Test func base64AtomTitleAndContent() throws {
        let title = Data("Caf\u{E9} & <b>bold</b>".utf8).base64EncodedString()
        let body = Data("<p>Decoded <em>body</em></p>".utf8).base64EncodedString()
        let feed = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
            <title type="text/html" mode="base64">\(title)</title>
            <content type="text/html" mode="base64">\(body)</content>
            <issued>2004-01-02T03:04:05Z</issued></entry></feed>
            """)
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "Café & bold")
        #expect(entry.contentHTML == "<p>Decoded <em>body</em></p>")
    }

    @Test func rssXHTMLBodyAndFullitemAreContent() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel>
            <item><title>X</title><description>short</description><xhtml:body><xhtml:p>Full <xhtml:b>text</xhtml:b></xhtml:p></xhtml:body></item>
            <item><title>F</title><fullitem>&lt;p&gt;Whole item&lt;/p&gt;</fullitem></item>
            </channel></rss>
            """)
        #expect(feed.entries.first?.contentHTML == "<p>Full <b>text</b></p>")
        #expect(feed.entries.last?.contentHTML == "<p>Whole item</p>")
    }

    @Test func createdAndDublinCoreTermsDates() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel>
            <item><title>1</title><dcterms:created>2020-01-01T00:00:00Z</dcterms:created></item>
            <item><title>2</title><dcterms:issued>2020-01-02T00:00:00Z</dcterms:issued><dcterms:modified>2020-01-09T00:00:00Z</dcterms:modified></item>
            <item><title>3</title><dcterms:modified>2020-01-03T00:00:00Z</dcterms:modified></item>
            </channel></rss>
            """)
        #expect(feed.entries.map { $0.date.map(FeedArticleWriter.day) } == ["2020-01-01", "2020-01-02", "2020-01-03"])
        let atom = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>A</title><created>2003-12-13T18:30:02Z</created></entry></feed>
            """)
        #expect(atom.entries.first?.date.map(FeedArticleWriter.day) == "2003-12-13")
        #expect(atom.entries.first?.created != nil)
    }

    @Test func scriptTextNeverReachesATitle() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><item><title>Breaking &lt;script&gt;safelocation.href="x"&lt;/script&gt;news</title></item></channel></rss>
            """)
        #expect(feed.entries.first?.title == "Breaking news")
        let xhtml = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">safe<script>location.href='x';</script> <b>description</b></div></title></entry></feed>
            """)
        #expect(xhtml.entries.first?.title == "safe description")
    }

    @Test func textAroundEmbeddedObjectsIsKept() throws {
        let html = """
            <p>Before the video.</p><iframe src="https://video.example/1"/><p>After the iframe.</p>
            <object data="x.swf"><param name="a" value="b"><embed src="x.swf">After the embed.</object>
            <p>Last words.</p>
            """
        let markdown = HTMLToMarkdown.convert(html)
        for text in ["Before the video.", "After the iframe.", "After the embed.", "Last words."] {
            #expect(markdown.contains(text), "\(text) in \(markdown.debugDescription)")
        }
    }

    @Test func controlCharactersStandingForCurlyQuotesAreQuotes() throws {
        // `&#146;` (a C1 control) is what windows-1252 means by 0x92: a right single quote.
        let feed = try parse("""
            <rss version="2.0"><channel><item><title>I don&#146;t know</title>
            <description>&lt;p&gt;We didn&amp;#146;t &amp;#147;see&amp;#148; it&lt;/p&gt;</description></item></channel></rss>
            """)
        #expect(feed.entries.first?.title == "I don’t know")
        let markdown = HTMLToMarkdown.convert(try #require(feed.entries.first?.contentHTML))
        #expect(markdown == "We didn’t “see” it\n")
    }

    @Test func anAuthorsTitleIsNotGluedToTheName() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>T</title>
            <author><name>Diane Chaleff</name><title>Product Manager</title></author></entry></feed>
            """)
        #expect(feed.entries.first?.author == "Diane Chaleff")
    }

    @Test func entriesSharingAnIdAreKeptApartStably() throws {
        let xml = """
            <rss version="2.0"><channel>
            <item><guid>same</guid><title>A</title><link>https://example.com/a</link></item>
            <item><guid>same</guid><title>B</title><link>https://example.com/b</link></item>
            <item><guid>other</guid><title>C</title><link>https://example.com/c</link><description>x</description></item>
            <item><guid>other</guid><title>C</title><link>https://example.com/c</link><description>y</description></item>
            <item><guid>twice</guid><title>D</title></item>
            <item><guid>twice</guid><title>D</title></item>
            </channel></rss>
            """
        let feed = try parse(xml)
        let keys = feed.entries.map(\.dedupKey)
        #expect(feed.entries.map(\.title) == ["A", "B", "C", "C", "D"])
        #expect(Set(keys).count == 5)
        #expect(keys[0] == "same#https://example.com/a")
        // The same feed, in another order, gives every entry the same key.
        let reordered = try parse(xml.replacingOccurrences(of: "<item><guid>same</guid><title>A</title><link>https://example.com/a</link></item>", with: "")
            .replacingOccurrences(of: "</channel>", with: "<item><guid>same</guid><title>A</title><link>https://example.com/a</link></item></channel>"))
        #expect(Set(reordered.entries.map(\.dedupKey)) == Set(keys))
        // A feed without repeats keeps plain ids.
        #expect(try parse(rss).entries.first?.dedupKey == "https://example.com/1")
    }

    @Test func rssLinksWrittenWithHrefAndUpdatedDates() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><item><title>P</title><link href="https://podlove.example/1"/>
            <updated>2012-03-26T23:25:19Z</updated></item></channel></rss>
            """)
        #expect(feed.entries.first?.link == "https://podlove.example/1")
        #expect(feed.entries.first?.date.map(FeedArticleWriter.day) == "2012-03-26")
    }

    @Test func atomLinksAreAlternateLinksOnly() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/feed.atom">
            <entry><id>1</id><link rel="enclosure" href="https://cdn.example/a.mp3"/><link rel="related" href="/other"/></entry>
            <entry><id>https://example.com/posts/2</id><link rel="license" href="/cc"/></entry>
            <entry><id>3</id><link rel="alternate" type="application/pdf" href="/3.pdf"/><link href="/3.html"/></entry>
            <entry><id>4</id><link rel="alternate" href=""/></entry>
            <entry><id>5</id><title type="application/octet-stream">SGVsbG8gPGI+QXRvbTwvYj4=</title><updated>2001-01-01T00:00:00Z</updated><updated>2002-02-02T00:00:00Z</updated></entry>
            </feed>
            """)
        // Without an alternate link the id stands in, resolved against the base as feedparser does.
        #expect(feed.entries.map(\.link) == [
            "https://example.com/1", "https://example.com/posts/2", "https://example.com/3.html", "https://example.com/feed.atom",
            "https://example.com/5",
        ])
        // Content of a media type that is neither text nor XML is base64; of repeated dates the last counts.
        #expect(feed.entries.last?.title == "Hello <b>Atom</b>")
        #expect(feed.entries.last?.date.map(FeedArticleWriter.day) == "2002-02-02")
        // `--` inside a comment, which XML forbids, is mended like a stray `&`.
        let commented = try parse("<!-- Description: a -- b --><rss version=\"2.0\"><channel><item><title>T &amp; U</title></item></channel></rss>")
        #expect(commented.entries.first?.title == "T & U")
        // Schemes ignore case; the rest of the address is kept as written.
        #expect(URLResolver.resolve("HTTP://www.EXAMPLE.org/Thing", against: nil) == "http://www.EXAMPLE.org/Thing")
        #expect(URLResolver.resolve("/a", against: "HTTPS://Example.com/b") == "https://Example.com/a")
        // A body cut just before its last `>`.
        let cut = try parse("<rss version=\"2.0\"><channel><item><title>A &amp; B</title></item></channel></rss\n")
        #expect(cut.entries.first?.title == "A & B")
    }

    @Test func slugsKeepLettersOfEveryScript() {
        #expect(Slug.make(from: "Новости дня: 17 мая") == "новости-дня-17-мая")
        #expect(Slug.make(from: "東京の夜") == "東京の夜")
        #expect(Slug.make(from: "नमस्ते दुनिया") == "नमस्ते-दुनिया")
        #expect(Slug.make(from: "Ελληνικά Νέα") == "ελληνικά-νέα")
        #expect(Slug.make(from: "Café Crème") == "cafe-creme")
        // Long titles in scripts of several bytes a letter stay well under the file-name limit.
        let long = Slug.make(from: String(repeating: "नमस्ते ", count: 40))
        #expect(long.utf8.count <= Slug.maximumBytes)
        #expect(!long.hasSuffix("-"))
        let entry = FeedEntry(title: "Москва 2019", published: Date(timeIntervalSince1970: 1_558_051_200))
        #expect(FeedArticleWriter.fileName(for: entry) == "2019-05-17-москва-2019.md")
    }
}
