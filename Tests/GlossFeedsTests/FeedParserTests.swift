import Foundation
import Testing
@testable import GlossFeeds

@Suite struct FeedParserTests {
    func parse(_ xml: String, url: String? = "https://example.com/feed.xml") throws -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: url)
    }

    func date(_ iso: String) throws -> Date {
        try #require(FeedDate.parse(iso))
    }

    @Test func rss2WithContentEncodedCDATAAndCreator() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>The Daily &amp; Weekly</title>
                <link>https://news.example.com/</link>
                <atom:link href="https://news.example.com/feed" rel="self" type="application/rss+xml"/>
                <item>
                  <title>Council votes on the budget</title>
                  <link>https://news.example.com/2024/05/budget</link>
                  <guid isPermaLink="false">tag:news.example.com,2024:budget</guid>
                  <dc:creator><![CDATA[Jo Doe]]></dc:creator>
                  <pubDate>Wed, 01 May 2024 08:30:00 +0200</pubDate>
                  <description>Short summary.</description>
                  <content:encoded><![CDATA[<p>The council <b>approved</b> the budget.</p><p><a href="/about">About us</a></p>]]></content:encoded>
                </item>
              </channel>
            </rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "The Daily & Weekly")
        #expect(feed.siteLink == "https://news.example.com/")
        let entry = try #require(feed.entries.first)
        #expect(feed.entries.count == 1)
        #expect(entry.id == "tag:news.example.com,2024:budget")
        #expect(entry.dedupKey == "tag:news.example.com,2024:budget")
        #expect(entry.link == "https://news.example.com/2024/05/budget")
        #expect(entry.title == "Council votes on the budget")
        #expect(entry.author == "Jo Doe")
        #expect(entry.published == (try date("2024-05-01T06:30:00Z")))
        #expect(entry.contentHTML?.contains("<b>approved</b>") == true)
        let markdown = HTMLToMarkdown.convert(try #require(entry.contentHTML), baseURL: entry.contentBaseURL)
        #expect(markdown == "The council **approved** the budget.\n\n[About us](https://news.example.com/about)\n")
    }

    @Test func rssDescriptionIsTheContentWithoutContentEncoded() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><link>https://example.com/one</link>
            <description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</description>
            <author>jo@example.com (Jo Doe)</author></item>
            </channel></rss>
            """)
        let entry = try #require(feed.entries.first)
        #expect(entry.contentHTML == "<p>Escaped &amp; HTML</p>")
        #expect(entry.author == "Jo Doe")
        #expect(HTMLToMarkdown.convert(try #require(entry.contentHTML)) == "Escaped & HTML\n")
    }

    @Test func missingGuidFallsBackToLinkAndMissingDateIsNil() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>No guid</title><link>/posts/1</link></item>
            <item><title>Only a permalink guid</title><guid>https://example.com/posts/2</guid></item>
            <item><title>Nothing at all</title><description>Body text</description></item>
            </channel></rss>
            """)
        #expect(feed.entries.count == 3)
        #expect(feed.entries[0].id == nil)
        #expect(feed.entries[0].link == "https://example.com/posts/1")
        #expect(feed.entries[0].dedupKey == "https://example.com/posts/1")
        #expect(feed.entries[0].published == nil)
        #expect(feed.entries[1].link == "https://example.com/posts/2")
        #expect(feed.entries[2].dedupKey.hasPrefix("sha256:"))
        // Deterministic: the same entry parsed again gets the same key.
        let again = try parse("""
            <rss version="2.0"><channel><item><title>Nothing at all</title><description>Body text</description></item></channel></rss>
            """)
        #expect(again.entries.first?.dedupKey == feed.entries[2].dedupKey)
    }

    @Test func invalidDatesAreNilNotErrors() throws {
        let feed = try parse("""
            <rss version="2.0"><channel>
            <item><title>A</title><link>https://example.com/a</link><pubDate>yesterday-ish</pubDate></item>
            <item><title>B</title><link>https://example.com/b</link><pubDate>Mon, 31 Feb 2024 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.published) == [nil, nil])
        #expect(feed.entries.map(\.title) == ["A", "B"])
    }

    @Test func rdfFeed() throws {
        let feed = try parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/">
                <title>RDF Site</title><link>https://example.org/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://example.org/a"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://example.org/a">
                <title>First &#8211; item</title>
                <link>https://example.org/a</link>
                <description>Hello &lt;em&gt;there&lt;/em&gt;</description>
                <dc:date>2024-03-02T10:15:00+01:00</dc:date>
                <dc:creator>Ann</dc:creator>
              </item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rdf)
        #expect(feed.title == "RDF Site")
        #expect(feed.siteLink == "https://example.org/")
        let entry = try #require(feed.entries.first)
        #expect(entry.id == "https://example.org/a")
        #expect(entry.title == "First – item")
        #expect(entry.author == "Ann")
        #expect(entry.published == (try date("2024-03-02T09:15:00Z")))
        #expect(entry.contentHTML == "Hello <em>there</em>")
    }

    @Test func atomWithXHTMLContentAndXMLBase() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/">
              <title type="html">Notes &amp;lt;3</title>
              <link rel="self" href="/atom.xml"/>
              <link href="/"/>
              <author><name>Feed Author</name></author>
              <entry xml:base="/2024/">
                <title>Atom entry</title>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                <link rel="alternate" type="text/html" href="post.html"/>
                <link rel="enclosure" href="audio.mp3"/>
                <published>2024-04-05T06:07:08Z</published>
                <updated>2024-04-06T00:00:00.500-05:00</updated>
                <summary>Summary only</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An <em>xhtml</em> body with a <a href="images/x.png">relative link</a>.</p></div></content>
              </entry>
              <entry>
                <title type="text">Second</title>
                <id>urn:2</id>
                <link href="second.html"/>
                <updated>not a date</updated>
                <content type="text">Plain &lt;text&gt; content
            on two lines</content>
              </entry>
            </feed>
            """, url: "https://elsewhere.example/feed")
        #expect(feed.format == .atom)
        #expect(feed.title == "Notes <3")
        #expect(feed.siteLink == "https://blog.example.net/")
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")
        #expect(first.link == "https://blog.example.net/2024/post.html")
        #expect(first.author == "Feed Author")
        #expect(first.published == (try date("2024-04-05T06:07:08Z")))
        #expect(first.updated == (try date("2024-04-06T05:00:00.5Z")))
        let markdown = HTMLToMarkdown.convert(try #require(first.contentHTML), baseURL: first.contentBaseURL)
        #expect(markdown == "An *xhtml* body with a [relative link](https://blog.example.net/2024/images/x.png).\n")
        let second = feed.entries[1]
        #expect(second.link == "https://blog.example.net/second.html")
        #expect(second.updated == nil)
        #expect(second.date == nil)
        #expect(HTMLToMarkdown.convert(try #require(second.contentHTML)) == "Plain <text> content\\\non two lines\n".replacingOccurrences(of: "<", with: "\\<"))
    }

    @Test func atomHTMLContentAndEntryAuthor() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; title</title>
            <author><name>Ann</name></author><author><name>Bob</name></author>
            <link rel="alternate" href="https://example.com/1"/>
            <content type="html">&lt;h2&gt;Section&lt;/h2&gt;&lt;p&gt;Body&lt;/p&gt;</content></entry>
            </feed>
            """)
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "Bold title")
        #expect(entry.author == "Ann, Bob")
        #expect(HTMLToMarkdown.convert(try #require(entry.contentHTML)) == "## Section\n\nBody\n")
    }

    @Test func declaredLegacyEncoding() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
            + [0xE9] + Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes).title == "Café")
    }

    @Test func atomOutOfLineContentFallsBackToSummary() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>x</id><title>E</title>
            <content type="video/mp4" src="https://example.com/v.mp4"/><summary type="html">&lt;p&gt;Watch it&lt;/p&gt;</summary>
            </entry></feed>
            """)
        #expect(feed.entries.first?.contentHTML == "<p>Watch it</p>")
    }

    @Test func plainTextDescriptionKeepsItsParagraphs() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title><item><title>P</title>
            <description>First paragraph, where 2 &lt; 3.

            Second paragraph
            with a line break.</description></item></channel></rss>
            """)
        let html = try #require(feed.entries.first?.contentHTML)
        #expect(HTMLToMarkdown.convert(html) == "First paragraph, where 2 \\< 3.\n\nSecond paragraph\\\nwith a line break.\n")
    }

    @Test func videoFeedDescriptionFromMediaRSS() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <title>Channel</title>
            <entry><id>yt:video:abc</id><title>Video</title><link rel="alternate" href="https://video.example/watch?v=abc"/>
            <published>2024-01-02T03:04:05+00:00</published>
            <media:group><media:title>Video</media:title><media:description>Line one
            Line two</media:description></media:group></entry>
            </feed>
            """)
        let entry = try #require(feed.entries.first)
        #expect(HTMLToMarkdown.convert(try #require(entry.contentHTML)) == "Line one\\\nLine two\n")
    }

    @Test func titlesWithMarkupOrComparisonsReadAsText() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Why x&lt;y matters &amp; more</title></item>
            <item><title>&lt;em&gt;Styled&lt;/em&gt; &amp;amp; escaped</title></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.title) == ["Why x<y matters & more", "Styled & escaped"])
    }

    @Test func predefinedAndNumericEntitiesAreDecoded() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>Caf&#233; &lt;&gt; &quot;Q&quot; &apos;A&apos; &#x1F600;</title></channel></rss>
            """)
        #expect(feed.title == "Café <> \"Q\" 'A' 😀")
    }
}
