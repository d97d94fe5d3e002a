import Testing
@testable import GlossFeeds

/// One small hand-written page per extraction defect seen on real pages.
@Suite struct ReadableExtractorDefectTests {
    static let sentence = "The council met on Tuesday, and after a long debate, it approved the plan for the harbour. "

    @Test func storySplitIntoLikeBoxesIsReadWhole() throws {
        // The lead box has the best paragraph and a content class; the steps are short boxes alike.
        let steps = (1...6).map { number in
            "<div class=\"mod step\"><div class=\"stepContent\"><div class=\"content\"><p>Step \(number): place layer \(number) of moss, gravel, soil and stones in the jar.</p></div></div></div>"
        }.joined()
        let html = """
            <html><head><title>How to build a terrarium at home</title></head><body>
            <div class="nav"><a href="/">Home</a></div>
            <section id="main-column"><div class="col">
            <div class="mod step"><div class="stepContent"><div class="content lead"><p>\(Self.sentence)\(Self.sentence)\(Self.sentence)</p></div></div></div>
            \(steps)
            </div></section></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("approved the plan"))
        for number in 1...6 { #expect(page.markdown.contains("Step \(number): place layer"), "step \(number)") }
    }

    @Test func standfirstNextToTheStoryIsKept() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0). \(Self.sentence)\(Self.sentence)</p>" }.joined()
        let html = """
            <html><body><div class="page"><div class="article">
            <div class="article__perex">A summary of the story, written by the editors, long enough to be read as the story's first paragraph.</div>
            <div class="article__content">\(paragraphs)</div>
            </div></div></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.hasPrefix("A summary of the story"))
        #expect(page.markdown.contains("Paragraph 4."))
    }

    @Test func headerDatelineAndBiographyInsideAnArticleAreLeftOut() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0). \(Self.sentence)\(Self.sentence)</p>" }.joined()
        let html = """
            <html><head><title>Harbour plan approved</title></head><body><article>
            <header><h1>Harbour plan approved</h1><p class="standfirst">A short summary.</p>
            <span class="post-date">Posted on April 21, 2015, at 11:29 a.m.</span></header>
            <div class="story">\(paragraphs)</div>
            <div class="user-bio"><span>Jo Doe is a reporter based in Sydney.</span> <a href="mailto:jo@example.com">Contact Jo</a></div>
            </article></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.hasPrefix("Paragraph 1."))
        #expect(page.markdown.contains("Paragraph 4."))
        for furniture in ["Posted on", "Harbour plan approved", "based in Sydney"] {
            #expect(!page.markdown.contains(furniture), "\(furniture) should be gone")
        }
    }

    @Test func commentsAndRelatedBlocksAreDropped() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0). \(Self.sentence)\(Self.sentence)</p>" }.joined()
        let html = """
            <html><body><article><div class="entry">\(paragraphs)</div>
            <div class="recirc"><h3>Read more</h3><ul><li><a href="/a">Another story about the harbour and its long history</a></li>
            <li><a href="/b">A story about the council's budget and the mayor</a></li></ul></div>
            <section class="discussion"><h2>2 responses</h2><p>Anna wrote: I think this plan is a great idea for the harbour, really.</p>
            <p>Ben wrote: The council should have asked the people who live near the water first.</p></section>
            </article></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("Paragraph 4."))
        for furniture in ["Another story", "responses", "Anna wrote", "Ben wrote"] {
            #expect(!page.markdown.contains(furniture), "\(furniture) should be gone")
        }
    }

    @Test func videoPlayerAndGalleryChromeAreDropped() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0). \(Self.sentence)\(Self.sentence)</p>" }.joined()
        let html = """
            <html><body><div class="story">
            <div class="video-player"><span>Now playing</span><span>0:00 / 3:12</span><p>Up next: the mayor speaks about the harbour</p></div>
            \(paragraphs)
            <div class="gallery-carousel"><span>1 of 12</span><span>Previous</span><span>Next</span></div>
            <div class="thumbnails"><a href="/g/1">Photo one</a><a href="/g/2">Photo two</a></div>
            <figure class="media-item default-player"><figcaption>Media caption The mayor speaks to the press</figcaption></figure>
            </div></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("Paragraph 1."))
        for chrome in ["Now playing", "0:00", "Up next", "1 of 12", "Previous", "Photo one", "Media caption"] {
            #expect(!page.markdown.contains(chrome), "\(chrome) should be gone")
        }
    }

    @Test func linkListsThatAreTheContentAreKept() throws {
        let items = (1...8).map { "<li><a href=\"/read/\($0)\">Essay number \($0) on reading slowly</a></li>" }.joined()
        let rows = (1...4).map { "<tr><td><a href=\"/app/\($0)\">App \($0)</a></td><td>\($0 * 3) MB</td></tr>" }.joined()
        let html = """
            <html><body><div class="post-body">
            <p>\(Self.sentence)</p>
            <ul>\(items)</ul>
            <p>The sizes of the apps we measured, before and after the change, in megabytes:</p>
            <table><tr><th>App</th><th>Size</th></tr>\(rows)</table>
            </div></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("Essay number 1 on reading slowly"))
        #expect(page.markdown.contains("Essay number 8 on reading slowly"))
        #expect(page.markdown.contains("App 4"))
        #expect(page.markdown.contains("12 MB"))
    }

    @Test func mathMLKeepsItsTeXOrItsSymbols() throws {
        let html = """
            <html><body><div class="MathJax CtxtMenu_Attached_0"><p>\(Self.sentence)\(Self.sentence)</p>
            <p>When <math alttext="a \\ne 0"><mi>a</mi><mo>≠</mo><mn>0</mn></math>, the roots of
            <math><semantics><mrow><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup></mrow>
            <annotation encoding="application/x-tex">ax^2</annotation></semantics></math> are real when
            <math><mi>b</mi><mo>&gt;</mo><mi>c</mi></math>, as the council found.</p></div></body></html>
            """
        let page = try ReadableExtractor.extract(html: html)
        #expect(page.markdown.contains("When `a \\ne 0`, the roots of `ax^2` are real when b > c, as the council found."))
    }

    @Test func deeplyNestedOrBrokenStructuredDataIsPassedOver() throws {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let page = try ReadableExtractor.extract(html: """
            <html><head><title>Harbour plan approved by the council</title>
            <script type="application/ld+json">\(deep)</script><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            </head><body><div><p>\(Self.sentence)\(Self.sentence)</p></div></body></html>
            """)
        #expect(page.title == "Harbour plan approved by the council")
        #expect(LinkedData.nestingDepth(of: #"{"a": ["[[[", {"b": "\"]"}]}"#) == 3)
    }

    @Test func shortDocumentTitleGivesWayToTheOnlyHeading() throws {
        let body = "<h1>Council approves the new harbour budget</h1><div><p>\(Self.sentence)\(Self.sentence)</p></div>"
        let page = try ReadableExtractor.extract(html: "<html><head><title>News</title></head><body>\(body)</body></html>")
        #expect(page.title == "Council approves the new harbour budget")
        #expect(!page.markdown.contains("Council approves the new harbour budget"))
        let colon = try ReadableExtractor.extract(html: """
            <html><head><title>Town Gazette: Council approves the new harbour budget</title></head><body>\(body)</body></html>
            """)
        #expect(colon.title == "Council approves the new harbour budget")
        // A site's logo in an `h1` is not the story's title.
        let logo = try ReadableExtractor.extract(html: """
            <html><head><title>Council approves the new harbour budget - The Coastal Times</title></head>
            <body><h1>The Coastal Times</h1><div><p>\(Self.sentence)\(Self.sentence)</p></div></body></html>
            """)
        #expect(logo.title == "Council approves the new harbour budget")
        // Too short a story part: the only, longer `h1` is the headline.
        let short = try ReadableExtractor.extract(html: """
            <html><head><title>Tidal power | Harbor News</title></head>
            <body><h1>Harbor cities bet on tidal power</h1><div><p>\(Self.sentence)\(Self.sentence)</p></div></body></html>
            """)
        #expect(short.title == "Harbor cities bet on tidal power")
    }

    @Test func datelinesAreNotBylines() throws {
        let page = try ReadableExtractor.extract(html: """
            <html><body><div class="dateline">April 28, 2019 at 6:01 am</div>
            <div class="byline"><span class="author">Jo Doe</span><span class="date">April 28, 2019</span></div>
            <article><p>\(Self.sentence)\(Self.sentence)</p></article></body></html>
            """)
        #expect(page.byline == "Jo Doe")
    }
}
