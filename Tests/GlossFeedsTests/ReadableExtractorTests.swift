import Foundation
import GlossCore
import Testing
@testable import GlossFeeds

@Suite struct ReadableExtractorTests {
    func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try Array(Data(contentsOf: url))
    }

    @Test func newsArticleWithSemanticMarkup() throws {
        let page = try ReadableExtractor.extract(from: fixture("news-article.html"), url: "https://coastal.example/news/bridge-reopens?utm=x")
        #expect(page.title == "Harbour bridge reopens after two years of repairs")
        #expect(page.byline == "Maria Keller")
        #expect(page.siteName == "The Coastal Times")
        #expect(page.canonicalURL == "https://coastal.example/news/2024/06/01/bridge-reopens")
        #expect(page.published == FeedDate.parse("2024-06-01T08:30:00Z"))
        #expect(page.markdown == """
            ![The bridge at dawn](https://coastal.example/img/bridge.jpg)

            The bridge at dawn, photographed from the east bank.

            The harbour bridge reopened to traffic on Saturday morning, two years after engineers found cracks in its main span, and commuters celebrated the end of a long detour.

            The repairs cost **£48 million**, according to the city council, which said the work finished three weeks ahead of schedule.

            ## What changed

            - New steel cables on both towers
            - A wider cycle lane, separated from traffic

            > “It feels like the city has its heart back,” said one cyclist, who crossed at 6am.

            Engineers published the sensor script they use to watch the span:

            ```python
            for reading in sensors:
                if reading.strain > LIMIT:
                    alert(reading)
            ```

            Traffic is expected to return to normal levels by the end of the month, the council said in a statement on Friday.

            """)
    }

    @Test func blogPostWithoutSemanticMarkup() throws {
        let page = try ReadableExtractor.extract(from: fixture("blog-post.html"), url: "https://jo.example/2024/03/plain-text.html")
        #expect(page.title == "Why I switched to plain text notes")
        #expect(page.byline == "Jo Writer")
        #expect(page.published == FeedDate.parse("2024-03-12T18:00:00Z"))
        #expect(page.canonicalURL == "https://jo.example/posts/plain-text")
        #expect(page.markdown.hasPrefix("For years I kept my notes in a proprietary app"))
        #expect(page.markdown.contains("1. One folder per project\n2. One file per topic, named by date\n"))
        #expect(page.markdown.hasSuffix("referenced by name.\n"))
        for furniture in ["Great post", "I disagree", "Archive", "newsletter", "Home", "trackPageView"] {
            #expect(!page.markdown.contains(furniture), "\(furniture) should be gone")
        }
    }

    @Test func legacyTableLayoutPage() throws {
        let page = try ReadableExtractor.extract(from: fixture("legacy-table-page.html"))
        #expect(page.title == "Town Gazette: Library extends opening hours")
        #expect(page.byline == nil)
        #expect(page.published == nil)
        #expect(page.markdown.contains("The town library will open until 9pm"))
        #expect(page.markdown.contains("Weekend hours are not affected"))
        #expect(!page.markdown.contains("Contact"))
    }

    @Test func storySplitAcrossSiblingContainers() throws {
        let story = [
            "The river rose two metres overnight, flooding the lower town and closing the old bridge, officials said.",
            "Residents were moved to the school gym, where volunteers served soup, tea and blankets until dawn.",
            "The water is expected to fall by Thursday, but more rain is forecast for the weekend, and the dykes are soaked.",
            "Insurance claims can be filed online from Monday, the council said, and advisers will visit every street.",
        ]
        let html = """
            <html><head><title>Flood update</title></head><body>
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div id="story">
              <div class="chunk"><p>\(story[0])</p><p>\(story[1])</p></div>
              <div class="chunk"><p>\(story[2])</p></div>
              <div class="chunk"><p>\(story[3])</p></div>
            </div>
            <div class="sidebar"><p>Sign up for our newsletter, it arrives every morning with all the news.</p></div>
            </body></html>
            """
        let page = try ReadableExtractor.extract(html: html, url: "https://example.com/flood")
        #expect(page.markdown == story.joined(separator: "\n\n") + "\n")
        #expect(page.title == "Flood update")
    }

    @Test func teaserArticlesDoNotHideTheStory() throws {
        let teaser = "<article><h3><a href='/t'>Teaser</a></h3><p>A short teaser for another story that is elsewhere on the site, with a few words.</p></article>"
        let paragraph = "The main story goes on at length, with details, quotes, numbers and background for the reader. "
        let html = """
            <html><body>
            <div class="story-body"><p>\(paragraph)\(paragraph)</p><p>\(paragraph)\(paragraph)</p><p>\(paragraph)</p></div>
            <div class="more">\(teaser)\(teaser)\(teaser)</div>
            </body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.hasPrefix("The main story goes on at length"))
        #expect(!page.markdown.contains("teaser"))
    }

    @Test func pageWrappedInAFurnitureClassIsStillRead() throws {
        let text = String(repeating: "A long sentence about the harbour, the council and the budget. ", count: 6)
        let html = """
            <html><body><div id="page" class="nav-open"><div class="wrap">
            <h1>Story</h1><p>\(text)</p><p>\(text)</p>
            </div></div></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("A long sentence about the harbour"))
        #expect(page.markdown.count > 2 * text.count)
    }

    @Test func encodingOfDecodedTextWinsOverAStaleMetaCharset() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>"
            + String(repeating: "Café crème, naïve résumé. ", count: 10) + "</p></article></body></html>"
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.hasPrefix("Café crème, naïve résumé."))
    }

    @Test func socialTitlesAreTakenAsWrittenAndDocumentTitlesLoseTheSiteName() throws {
        let body = "<article><p>" + String(repeating: "Words of the story, plenty of them. ", count: 8) + "</p></article>"
        let social = try ReadableExtractor.extract(html: """
            <html><head><title>Hero saves city | Daily Planet</title><meta property="og:site_name" content="Daily Planet">
            <meta property="og:title" content="Hero saves city - Daily Planet"></head><body>\(body)</body></html>
            """)
        #expect(social.title == "Hero saves city - Daily Planet")
        #expect(social.siteName == "Daily Planet")
        let document = try ReadableExtractor.extract(html: """
            <html><head><title>Talks resume in Geneva after a long pause - World News</title></head><body>\(body)</body></html>
            """)
        #expect(document.title == "Talks resume in Geneva after a long pause")
        // Too little would be left: the site part stays.
        let short = try ReadableExtractor.extract(html: "<html><head><title>Mozilla - Wikipedia</title></head><body>\(body)</body></html>")
        #expect(short.title == "Mozilla - Wikipedia")
    }

    @Test func structuredDataHeadlineWinsOverMetaTitles() throws {
        let body = "<article><p>" + String(repeating: "Words of the story, plenty of them. ", count: 8) + "</p></article>"
        let page = try ReadableExtractor.extract(html: """
            <html><head><title>How to watch the best films of the year - Vox</title>
            <meta property="og:title" content="The best movies of the year">
            <meta name="DC.title" content="Dublin Core by name"><meta property="dc:title" content="Dublin Core by property">
            <script type="application/ld+json"><![CDATA[{"@context":"http://schema.org","@graph":[{"@type":"WebSite","name":"Vox"},
            {"@type":"NewsArticle","name":"Vox","headline":"How to watch the best films of the year",
            "author":[{"@type":"Person","name":"Ada Critic"},{"@type":"Person","name":"Bo Writer"}]}]}]]></script>
            </head><body>\(body)</body></html>
            """)
        // The name is the site's: the headline, which covers the document title, wins.
        #expect(page.title == "How to watch the best films of the year")
        #expect(page.byline == "Ada Critic, Bo Writer")
        let withoutLinkedData = try ReadableExtractor.extract(html: """
            <html><head><meta property="og:title" content="Open Graph"><meta name="DC.title" content="Dublin Core by name">
            <meta property="dc:title" content="Dublin Core by property"></head><body>\(body)</body></html>
            """)
        #expect(withoutLinkedData.title == "Dublin Core by property")
    }

    @Test func bylineElementsAreReadWordByWord() throws {
        let page = try ReadableExtractor.extract(html: """
            <html><body><div class="byline"><span>by</span><a href="/jo" itemprop="author"><span itemprop="name">Jo Doe</span></a></div>
            <div class="other"><p class="byline-extra"><span>Lucas Nolan</span><span>22 Dec 2016</span></p></div>
            <article><p>\(String(repeating: "Words of the story, plenty of them. ", count: 8))</p></article></body></html>
            """)
        #expect(page.byline == "Jo Doe")
        let glued = try ReadableExtractor.extract(html: """
            <html><body><div class="byline"><div>Lucas Nolan</div><div>22 Dec</div></div>
            <article><p>\(String(repeating: "Words of the story, plenty of them. ", count: 8))</p></article></body></html>
            """)
        #expect(glued.byline == "Lucas Nolan 22 Dec")
    }

    @Test func headingTitleLeavesOutButtons() throws {
        let page = try ReadableExtractor.extract(html: """
            <html><body><h1>Crate <span>docs</span> <button>Copy item path</button></h1>
            <div><p>\(String(repeating: "Documentation text for the crate, with examples. ", count: 5))</p></div></body></html>
            """)
        #expect(page.title == "Crate docs")
    }

    @Test func pagesWithoutTextAreErrors() {
        #expect(throws: FeedError.emptyDocument) { try ReadableExtractor.extract(html: "  \n ") }
        #expect(throws: FeedError.noReadableContent) {
            try ReadableExtractor.extract(html: "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
        }
    }
}
