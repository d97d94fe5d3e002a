import GlossCore
import Testing

@Suite("Links in the article model")
struct LinkModelTests {
    @Test func markdownLinksKeepTheirTargets() throws {
        let article = try loadMarkdown("Read [the report](https://x.org/report?a=1) and [**this**](https://y.org).\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "Read the report and this.")
        #expect(block.links == [
            InlineLink(range: 5..<15, url: "https://x.org/report?a=1"),
            InlineLink(range: 20..<24, url: "https://y.org"),
        ])
        #expect(article.numberedLinks.map(\.label) == ["the report", "this"])
        #expect(article.numberedLinks.map(\.number) == [1, 2])
    }

    @Test func relativeLinksResolveAgainstTheArticleURL() throws {
        let article = try loadMarkdown("""
            ---
            url: https://news.example/world/2026/story.html
            ---
            See [next](next.html), [up](../index.html), [root](/about), [q](?page=2) and [mail](mailto:a@b.c).

            ![A chart](img/chart.png)
            """)
        let urls = article.numberedLinks.map(\.url)
        #expect(urls == [
            "https://news.example/world/2026/next.html", "https://news.example/world/index.html",
            "https://news.example/about", "https://news.example/world/2026/story.html?page=2", "mailto:a@b.c",
            "https://news.example/world/2026/img/chart.png",
        ])
    }

    @Test func withoutAnArticleURLRelativeLinksStayAsWritten() throws {
        let article = try loadMarkdown("[next](next.html)\n")
        #expect(article.numberedLinks.map(\.url) == ["next.html"])
    }

    @Test func imagesKeepSourceAndAltAndShowAsBefore() throws {
        let article = try loadMarkdown("A ![the chart](https://x.org/c.png) and ![](https://x.org/d.png).\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "A [image: the chart] and [image].")
        #expect(block.links.map(\.kind) == [.image, .image])
        #expect(block.links.map(\.range) == [2..<20, 25..<32])
        let links = article.numberedLinks
        #expect(links.map(\.label) == ["the chart", ""])
        #expect(links.map(\.kind) == [.image, .image])
        #expect(links.map(\.url) == ["https://x.org/c.png", "https://x.org/d.png"])
    }

    @Test func anImageInsideALinkIsTwoLinksInReadingOrder() throws {
        let article = try loadMarkdown("[![logo](https://x.org/l.png)](https://x.org)\n")
        #expect(article.numberedLinks.map(\.url).sorted() == ["https://x.org", "https://x.org/l.png"])
        #expect(article.blocks.first?.text == "[image: logo]")
    }

    @Test func enclosuresAndViaComeFromFrontMatter() throws {
        let article = try loadMarkdown("""
            ---
            title: Episode 12
            url: https://pod.example/ep12
            via: feeds/pod/2026-11-01-episode-11.md
            enclosures:
              - {url: "media/ep12.mp3", type: "audio/mpeg", length: 42000000}
              - "https://pod.example/ep12.ogg"
            ---
            Notes with a [link](https://pod.example/notes).
            """)
        #expect(article.metadata.via == "feeds/pod/2026-11-01-episode-11.md")
        #expect(article.metadata.enclosures == [
            Enclosure(url: "https://pod.example/media/ep12.mp3", type: "audio/mpeg", length: 42_000_000),
            Enclosure(url: "https://pod.example/ep12.ogg"),
        ])
        let links = article.numberedLinks
        #expect(links.map(\.number) == [1, 2, 3])
        #expect(links.map(\.label) == ["link", "enclosure audio/mpeg 42 MB", "enclosure"])
        #expect(links[1].block == nil)
    }

    @Test func linksNeverChangeTheText() throws {
        let plain = try loadMarkdown("Read the report today.\n")
        let linked = try loadMarkdown("Read [the report](https://x.org) today.\n")
        #expect(plain.blocks.map(\.text) == linked.blocks.map(\.text))
        #expect(ArticleText(plain).text == ArticleText(linked).text)
    }

    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
        ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("g.", "http://a/b/c/g."),
        ("g;x=1/../y", "http://a/b/c/y"), ("https://other/x", "https://other/x"),
    ])
    func resolvesLikeRFC3986(reference: String, expected: String) {
        let base = "http://a/b/c/d;p?q"
        if reference.isEmpty {
            // An empty reference is kept as written: it is no link at all.
            #expect(LinkURL.resolve(reference, against: base) == "")
        } else {
            #expect(LinkURL.resolve(reference, against: base) == expected)
        }
    }

    @Test func onlyWebAndMailLinksMayBeOpened() {
        for url in ["https://x.org/a?b=c#d", "http://x.org", "mailto:jo@example.com", "HTTPS://X.ORG"] {
            #expect(LinkURL.refusal(toOpen: url) == nil, "\(url)")
        }
        for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "relative/page.html",
                    "-e http://x.org", "https://x.org/\u{1B}[2J", "https://x.org/a\nb", "ftp://x.org/f",
                    "https://x.org/\u{202E}gpj.exe", "https://x.org/a\u{A0}b"] {
            #expect(LinkURL.refusal(toOpen: url) != nil, "\(url)")
        }
        #expect(LinkURL.refusal(toOpen: "javascript:alert(1)")?.contains("javascript") == true)
    }
}
