import Foundation
import GlossCore
import Testing

@testable import GlossFeeds

/// Links, images and enclosures survive the trip from feed HTML to a saved article and back.
@Suite struct FeedLinksTests {
    func load(_ text: String) throws -> Article {
        try ArticleLoader.load(bytes: Array(text.utf8), fileName: "entry.md")
    }

    @Test func feedHTMLKeepsLinkTargetsAndImagesThroughTheArticle() throws {
        let feed = try FeedParser.parse(Array("""
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
            <item><title>Storm</title><link>https://wire.example/2026/storm</link>
            <description><![CDATA[<p>See <a href="/maps/storm">the map</a> and <a href="https://other.example/a(b) c">more</a>.</p>
            <p><img src="img/radar.png" alt="Radar [loop]"> <img src="data:image/png;base64,AAAA" alt="inline"></p>]]></description>
            </item></channel></rss>
            """.utf8), url: "https://wire.example/feed.xml")
        let entry = try #require(feed.entries.first)
        let text = FeedArticleWriter.article(for: entry, feedName: "Wire")
        #expect(text.contains("![Radar \\[loop\\]](https://wire.example/2026/img/radar.png)"))
        let article = try load(text)
        let links = article.numberedLinks
        #expect(links.map(\.url) == [
            "https://wire.example/maps/storm", "https://other.example/a%28b%29%20c", "https://wire.example/2026/img/radar.png",
        ])
        #expect(links.map(\.label) == ["the map", "more", "Radar [loop]"])
        #expect(links[2].kind == .image)
        // The reader still shows images as before; a data: image keeps only its alt text.
        #expect(article.blocks[1].text == "[image: Radar [loop]] [image: inline]")
    }

    @Test func rssAtomAndMediaEnclosuresAreKept() throws {
        let rss = try FeedParser.parse(Array("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pod</title>
            <item><title>Ep 1</title><link>https://pod.example/1</link>
            <enclosure url="https://pod.example/1.mp3" length="42000000" type="audio/mpeg"/>
            <enclosure url="javascript:alert(1)" type="audio/mpeg"/>
            <media:group><media:content url="https://pod.example/1.mp4" type="video/mp4" fileSize="900000"/></media:group>
            </item></channel></rss>
            """.utf8))
        #expect(rss.entries.first?.enclosures == [
            Enclosure(url: "https://pod.example/1.mp3", type: "audio/mpeg", length: 42_000_000),
            Enclosure(url: "https://pod.example/1.mp4", type: "video/mp4", length: 900_000),
        ])
        let atom = try FeedParser.parse(Array("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Pod</title>
            <entry><id>e1</id><title>Ep 2</title><link href="https://pod.example/2"/>
            <link rel="enclosure" href="2.ogg" type="audio/ogg" length="1200"/></entry></feed>
            """.utf8), url: "https://pod.example/feed.atom")
        #expect(atom.entries.first?.enclosures == [Enclosure(url: "https://pod.example/2.ogg", type: "audio/ogg", length: 1200)])
    }

    @Test func enclosuresAreWrittenToFrontMatterAndReadBack() throws {
        var entry = FeedEntry(id: "e1", link: "https://pod.example/1", title: "Ep 1", contentHTML: "<p>Notes.</p>")
        entry.enclosures = [Enclosure(url: "https://pod.example/1 final.mp3", type: "audio/mpeg", length: 42_000_000)]
        let text = FeedArticleWriter.article(for: entry, feedName: "Pod")
        #expect(text.contains("enclosures:\n  - {url: "))
        let article = try load(text)
        #expect(article.metadata.enclosures == entry.enclosures)
        #expect(article.numberedLinks.last?.label == "enclosure audio/mpeg 42 MB")
    }

    @Test func savedPagesKeepLinksAndRecordWhereTheyCameFrom() throws {
        let page = try ReadableExtractor.extract(html: """
            <html><head><title>Tide tables</title></head><body><article>
            <h1>Tide tables</h1><p>The tables from <a href="../data/tides.csv">the harbour office</a> are published daily,
            and have been since 1911, when the first tide gauge was installed at the end of the pier.</p>
            <p>They list high and low water for each day of the year, with heights in metres above chart datum.</p>
            </article></body></html>
            """, url: "https://harbour.example/news/tides.html")
        let text = FeedArticleWriter.article(for: page, url: "https://harbour.example/news/tides.html", via: "world/storm.md")
        #expect(text.contains("via: world/storm.md") || text.contains("via: \"world/storm.md\""))
        let article = try load(text)
        #expect(article.metadata.via == "world/storm.md")
        #expect(article.numberedLinks.map(\.url) == ["https://harbour.example/data/tides.csv"])
    }
}
