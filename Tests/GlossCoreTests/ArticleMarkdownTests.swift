import Testing

@testable import GlossCore

@Suite("Markdown articles")
struct ArticleMarkdownTests {
    @Test("Headings keep their level; paragraphs join soft breaks with a space")
    func headingsAndParagraphs() throws {
        let article = try loadMarkdown("# One\n\nFirst line\nsecond line.\n\n### Three\n\nSetext\n======\n")
        #expect(article.format == .markdown)
        #expect(article.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 3), .heading(level: 1)])
        #expect(article.blocks.map(\.text) == ["One", "First line second line.", "Three", "Setext"])
    }

    @Test("A hard break becomes a newline inside the block")
    func hardBreak() throws {
        let article = try loadMarkdown("Line one  \nline two\\\nline three\n")
        #expect(article.blocks.map(\.text) == ["Line one\nline two\nline three"])
    }

    @Test("Inline styles become spans over the plain text")
    func inlineSpans() throws {
        let article = try loadMarkdown("Say *hi*, **bold** `code` [link](https://x.org) ~~old~~ end\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "Say hi, bold code link old end")
        #expect(
            block.spans == [
                InlineSpan(range: 4..<6, style: .emphasis),
                InlineSpan(range: 8..<12, style: .strong),
                InlineSpan(range: 13..<17, style: .code),
                InlineSpan(range: 18..<22, style: .link),
                InlineSpan(range: 23..<26, style: .strikethrough),
            ])
    }

    @Test("Span offsets count Unicode scalars, with emoji and CJK before the span")
    func scalarOffsets() throws {
        // 👩‍🔬 is three scalars (woman, ZWJ, microscope); 🇰🇷 is two; each CJK character is one.
        let article = try loadMarkdown("👩‍🔬 東京と서울 🇰🇷 **強い** *chip*\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "👩‍🔬 東京と서울 🇰🇷 強い chip")
        #expect(block.spans == [InlineSpan(range: 13..<15, style: .strong), InlineSpan(range: 16..<20, style: .emphasis)])
        let scalars = Array(block.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[13..<15])) == "強い")
        #expect(String(String.UnicodeScalarView(scalars[16..<20])) == "chip")
    }

    @Test("Nested styles come out as flat spans with combined styles")
    func nestedStyles() throws {
        let article = try loadMarkdown("**bold *both* bold** and [*ital link*](u)\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "bold both bold and ital link")
        #expect(
            block.spans == [
                InlineSpan(range: 0..<5, style: .strong),
                InlineSpan(range: 5..<9, style: [.strong, .emphasis]),
                InlineSpan(range: 9..<14, style: .strong),
                InlineSpan(range: 19..<28, style: [.link, .emphasis]),
            ])
    }

    @Test("Autolinks are links; inline HTML stays literal; images show their alt text")
    func autolinksHtmlImages() throws {
        let article = try loadMarkdown("See https://example.com now, <b>raw</b> and ![a chart](c.png).\n")
        let block = try #require(article.blocks.first)
        #expect(block.text == "See https://example.com now, <b>raw</b> and [image: a chart].")
        #expect(block.spans == [InlineSpan(range: 4..<23, style: .link)])
    }

    @Test("Bullet and ordered lists keep their markers, real start numbers and delimiters")
    func lists() throws {
        let article = try loadMarkdown("- apple\n- pear\n\n3) third\n4) fourth\n\n1. one\n")
        #expect(
            article.blocks.map(\.kind) == [
                .listItem(marker: "•", depth: 0), .listItem(marker: "•", depth: 0),
                .listItem(marker: "3)", depth: 0), .listItem(marker: "4)", depth: 0),
                .listItem(marker: "1.", depth: 0),
            ])
        #expect(article.blocks.map(\.text) == ["apple", "pear", "third", "fourth", "one"])
    }

    @Test("Nested lists become their own items one level deeper")
    func nestedLists() throws {
        let text = "- outer one\n  1. inner a\n  2. inner b\n     - deepest\n- outer two\n"
        let article = try loadMarkdown(text)
        #expect(
            article.blocks.map(\.kind) == [
                .listItem(marker: "•", depth: 0), .listItem(marker: "1.", depth: 1),
                .listItem(marker: "2.", depth: 1), .listItem(marker: "•", depth: 2),
                .listItem(marker: "•", depth: 0),
            ])
        #expect(article.blocks.map(\.text) == ["outer one", "inner a", "inner b", "deepest", "outer two"])
    }

    @Test("An item's paragraphs join with a newline; text after a nested list continues without a marker")
    func itemParagraphs() throws {
        let text = "1. First para.\n\n   Second para.\n\n   - nested\n\n   After nested.\n2. Next\n"
        let article = try loadMarkdown(text)
        #expect(
            article.blocks.map(\.kind) == [
                .listItem(marker: "1.", depth: 0), .listItem(marker: "•", depth: 1),
                .listItem(marker: "", depth: 0), .listItem(marker: "2.", depth: 0),
            ])
        #expect(article.blocks.map(\.text) == ["First para.\nSecond para.", "nested", "After nested.", "Next"])
    }

    @Test("An empty item still shows its marker")
    func emptyItem() throws {
        let article = try loadMarkdown("1. one\n2.\n3. three\n")
        #expect(article.blocks.map(\.text) == ["one", "", "three"])
        #expect(article.blocks[1].kind == .listItem(marker: "2.", depth: 0))
    }

    @Test("Paragraphs inside block quotes become quotes with their nesting depth")
    func quotes() throws {
        let article = try loadMarkdown("> Outer *said*\n> more\n>\n> > Inner\n\nAfter.\n\n> - listed\n")
        #expect(
            article.blocks.map(\.kind) == [
                .quote(depth: 0), .quote(depth: 1), .paragraph, .listItem(marker: "•", depth: 0),
            ])
        #expect(article.blocks.map(\.text) == ["Outer said more", "Inner", "After.", "listed"])
        #expect(article.blocks[0].spans == [InlineSpan(range: 6..<10, style: .emphasis)])
    }

    @Test("Code blocks keep their text verbatim, without the final newline")
    func codeBlocks() throws {
        let fenced = "```swift\nlet x = 1   \n\n\tif x > 0 { print(\"*not emphasis*\") }\n# not a heading\n```\n"
        let indented = "    plain code\n      indented more\n"
        let article = try loadMarkdown(fenced + "\n" + indented)
        #expect(article.blocks.map(\.kind) == [.code(language: "swift"), .code(language: nil)])
        #expect(article.blocks[0].text == "let x = 1   \n\n\tif x > 0 { print(\"*not emphasis*\") }\n# not a heading")
        #expect(article.blocks[1].text == "plain code\n  indented more")
        #expect(article.blocks.allSatisfy { $0.spans.isEmpty })
    }

    @Test("The language is the first word of the fence info")
    func codeLanguage() throws {
        let article = try loadMarkdown("~~~ python title=\"x.py\"\npass\n~~~\n")
        #expect(article.blocks == [Block(kind: .code(language: "python"), text: "pass")])
    }

    @Test("Thematic breaks are skipped; HTML blocks become literal paragraphs")
    func breaksAndHtml() throws {
        let article = try loadMarkdown("Before.\n\n---\n\n<div class=\"note\">\n<script>alert(1)</script>\n</div>\n\nAfter.\n")
        #expect(article.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(article.blocks[1].text == "<div class=\"note\">\n<script>alert(1)</script>\n</div>")
    }

    @Test("A table is one block: rows on lines, cells joined by ' | ', with each cell's place")
    func tables() throws {
        let article = try loadMarkdown("Before.\n\n| City | Pop |\n|---|--:|\n| Seoul | **9.4m** |\n| Tokyo | 14m |\n\nAfter.\n")
        #expect(article.blocks.map(\.text) == ["Before.", "City | Pop\nSeoul | 9.4m\nTokyo | 14m", "After."])
        let table = article.blocks[1]
        #expect(table.spans == [InlineSpan(range: 19..<23, style: .strong)])
        let shape = TableShape(
            rows: [
                TableShape.Row(range: 0..<10, cells: [0..<4, 7..<10]),
                TableShape.Row(range: 11..<23, cells: [11..<16, 19..<23]),
                TableShape.Row(range: 24..<35, cells: [24..<29, 32..<35]),
            ],
            alignments: [.left, .right])
        #expect(table.kind == .table(shape))
    }

    @Test("Footnote definitions and references keep their text, even when a definition is one URL")
    func footnotes() throws {
        let article = try loadMarkdown(
            "Text[^1] and [^note].\n\n[^1]: https://example.org/source\n\n[^note]: Unused\n\n```\n[^2]: in code\n```\n")
        #expect(
            article.blocks.map(\.text) == [
                "Text[^1] and [^note].", "[^1]: https://example.org/source", "[^note]: Unused", "[^2]: in code",
            ])
    }

    @Test("HTML blocks, <details> and inline HTML such as <kbd> keep their text")
    func htmlKeepsText() throws {
        let article = try loadMarkdown(
            "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n"
                + "<dl><dt>Term</dt><dd>Its definition</dd></dl>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n")
        let text = article.blocks.map(\.text).joined(separator: "\n")
        for kept in ["More", "Hidden text.", "Term", "Its definition", "Ctrl", "C</kbd>."] {
            #expect(text.contains(kept), "\(kept)")
        }
    }

    @Test("Deeply nested quotes load without exhausting the stack")
    func deepNesting() throws {
        let article = try loadMarkdown(String(repeating: ">", count: 5_000) + " deep\n")
        #expect(article.blocks.map(\.text) == ["deep"])
        #expect(article.blocks.first?.kind == .quote(depth: 4_999))
    }

    @Test("Without front matter the title is a level-1 heading opening the document, never a later one")
    func titleFromHeading() throws {
        let opening = try loadArticle("# Real *title*\n\nIntro paragraph.\n\n# Later\n", fileName: "x.md")
        #expect(opening.metadata.title == "Real title")

        let later = try loadArticle("Intro paragraph.\n\n## Section\n\n# Later\n", fileName: "swift-notes.md")
        #expect(later.metadata.title == "Swift Notes")

        // A section heading opening the text is not the document's title either.
        let section = try loadArticle("## Installing\n\nRun it.\n", fileName: "read_me.md")
        #expect(section.metadata.title == "Read Me")
    }
}
