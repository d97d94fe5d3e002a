import GlossCore
import Testing
@testable import GlossFeeds

@Suite struct HTMLToMarkdownTests {
    func convert(_ html: String, base: String? = "https://example.com/news/story.html") -> String {
        HTMLToMarkdown.convert(html, baseURL: base)
    }

    /// The blocks a Markdown reader gets back from the converter's output.
    func loaded(_ markdown: String) throws -> [Block] {
        try ArticleLoader.load(bytes: Array(markdown.utf8), fileName: "a.md").blocks
    }

    @Test func headingsParagraphsAndInlineStyles() {
        let markdown = convert("""
            <h1>Main  title</h1>
            <p>Some <em>emphasis</em>, <strong>strong</strong> and <code>x &lt; y</code> text.</p>
            <h3>Sub<br>head</h3>
            <p>Line one<br>line two</p>
            """)
        #expect(markdown == """
            # Main title

            Some *emphasis*, **strong** and `x < y` text.

            ### Sub head

            Line one\\
            line two

            """)
    }

    @Test func linksResolveAndUnsafeOnesBecomeText() {
        let markdown = convert("""
            <p><a href="../about.html">About</a>, <a href="https://other.org/a b(1)">other</a>,
            <a href="javascript:alert(1)">script</a>, <a href="#top"> top </a> and <a href="/x"></a>!</p>
            """)
        #expect(markdown == "[About](https://example.com/about.html), [other](https://other.org/a%20b%281%29), "
            + "script, top and !\n")
    }

    @Test func nestedListsAndOrderedStart() throws {
        let markdown = convert("""
            <ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li><li><p>Three</p><p>More three</p></li></ul>
            <ol start="4"><li>Four</li><li>Five</li></ol>
            """)
        #expect(markdown == """
            - One
            - Two
              - Two a
              - Two b
            - Three

              More three

            4. Four
            5. Five

            """)
        let blocks = try loaded(markdown)
        #expect(blocks.map(\.text) == ["One", "Two", "Two a", "Two b", "Three\nMore three", "Four", "Five"])
        guard case .listItem(_, let nestedDepth) = blocks[2].kind, case .listItem(_, let topDepth) = blocks[0].kind else {
            Issue.record("expected list items, got \(blocks.map(\.kind))")
            return
        }
        #expect(nestedDepth == topDepth + 1)
    }

    @Test func blockquoteAndPreformattedCode() throws {
        let markdown = convert("""
            <blockquote><p>Quoted <b>words</b>.</p><p>Second.</p></blockquote>
            <pre class="language-swift"><code>let x = 1
            \tif x > 0 {
                print("```")
            }
            </code></pre>
            """)
        #expect(markdown == """
            > Quoted **words**.
            >
            > Second.

            ````swift
            let x = 1
                if x > 0 {
                print("```")
            }
            ````

            """)
        let blocks = try loaded(markdown)
        #expect(blocks.count == 3)
        #expect(blocks[2].kind == .code(language: "swift"))
    }

    @Test func imagesTablesAndDroppedChrome() {
        let markdown = convert("""
            <nav><a href="/">Home</a></nav>
            <script>var tracking = 1;</script><style>p { color: red }</style>
            <!-- a comment -->
            <figure><img src="a.png" alt="A chart"><figcaption>Figure 1</figcaption></figure>
            <p>Before <img src="b.png"> after</p>
            <table><tr><th>Name</th><th>Score</th></tr><tr><td>Ann</td><td>3</td></tr></table>
            <form><input value="search"></form><aside>Related</aside><footer>© Site</footer>
            <noscript>Enable JS</noscript><iframe src="ad.html"></iframe>
            """)
        #expect(markdown == """
            ![A chart](https://example.com/news/a.png)

            Figure 1

            Before ![](https://example.com/news/b.png) after

            Name \\| Score

            Ann \\| 3

            """.replacingOccurrences(of: "\\|", with: "|"))
    }

    @Test func markdownSignificantTextIsEscapedAndRendersBack() throws {
        let texts = [
            "# not a heading", "1. not a list", "- not a bullet", "*stars* and _under_ and `ticks`",
            "[not](a link) <b>tag</b> &amp; 5 > 3", "a | b | c", "~~not struck~~", "> not a quote", "+ plus",
        ]
        let html = texts.map { "<p>" + XHTMLSerializer.escaped($0, quotes: false) + "</p>" }.joined()
        let blocks = try loaded(convert(html))
        #expect(blocks.map(\.text) == texts)
        #expect(blocks.allSatisfy { $0.kind == .paragraph && $0.spans.isEmpty })
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let markdown = convert("First line<br>still first<br /><br/>\n <br>Second <b>bold<br><br>kept</b>")
        #expect(markdown == "First line\\\nstill first\n\nSecond **bold\\\nkept**\n")
        #expect(try loaded(markdown).map(\.text) == ["First line\nstill first", "Second bold\nkept"])
    }

    @Test func headingsKeepTheirClosingHashes() throws {
        let blocks = try loaded(convert("<h2>Issue #</h2><h3>C#</h3><h4>##</h4><h2># not nested</h2>"))
        #expect(blocks.map(\.text) == ["Issue #", "C#", "##", "# not nested"])
        #expect(blocks.allSatisfy { $0.isHeading })
    }

    @Test func entitiesAreDecodedAndWhitespaceCollapsed() throws {
        let markdown = convert("<p>Caf&eacute;&nbsp;&amp;&#32;&#x263A;\n\n   &hellip;  done\u{7}</p>")
        #expect(markdown == "Café & ☺ … done\n")
    }

    @Test func outputHasNoControlCharactersButNewlines() {
        let markdown = convert("<p>a\u{1}b\tc\r\nd</p><pre>x\ty\u{1B}[31m</pre>")
        #expect(!markdown.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(markdown.contains("ab c d"))
    }

    @Test func styledTextRoundTripsThroughTheLoader() throws {
        let blocks = try loaded(convert("<p>Read <em>this</em> and <a href='/x'>that link</a> now.</p>"))
        let block = try #require(blocks.first)
        #expect(block.text == "Read this and that link now.")
        #expect(block.spans.contains { $0.style == .emphasis && $0.range == 5..<9 })
        #expect(block.spans.contains { $0.style == .link })
    }

    @Test func emptyAndWhitespaceOnlyInput() {
        #expect(convert("") == "")
        #expect(convert("   <p> </p><div>\n</div>") == "")
    }

    @Test func bytesInDeclaredEncoding() {
        let latin1: [UInt8] = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        #expect(HTMLToMarkdown.convert(bytes: latin1) == "Café\n")
        #expect(HTMLToMarkdown.convert(bytes: Array("<p>naïve</p>".utf8)) == "naïve\n")
    }

    @Test func deeplyNestedMarkupStaysBounded() {
        // Past the converter's depth limit (but within the parser's), text is still kept.
        let nested = String(repeating: "<div><span>", count: 110) + "deep *text*" + String(repeating: "</span></div>", count: 110)
        #expect(convert(nested) == "deep \\*text\\*\n")
        // Far deeper than the parser keeps: no crash, and what follows is still read.
        let abusive = String(repeating: "<div>", count: 20_000) + "lost" + String(repeating: "</div>", count: 20_000)
        #expect(convert("<p>before</p>" + abusive).hasPrefix("before\n"))
    }
}
