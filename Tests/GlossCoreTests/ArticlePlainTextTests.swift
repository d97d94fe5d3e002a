import Testing

@testable import GlossCore

@Suite("Plain text articles")
struct ArticlePlainTextTests {
    // MARK: - Layout detection

    @Test("Long lines are one paragraph each")
    func onePerLine() throws {
        let text = (0..<6).map { prose(3, offset: $0) }.joined(separator: "\n")
        let article = try loadArticle(text)
        #expect(article.format == .plainLines)
        #expect(article.blocks.count == 6)
        #expect(article.blocks[0].text == prose(3, offset: 0))
        #expect(article.blocks.allSatisfy { $0.kind == .paragraph })
    }

    @Test("One paragraph per line with blank lines between stays one per line")
    func onePerLineWithBlankLines() throws {
        let text = (0..<4).map { prose(2, offset: $0) }.joined(separator: "\n\n") + "\n"
        let article = try loadArticle(text)
        #expect(article.format == .plainLines)
        #expect(article.blocks.map(\.text) == (0..<4).map { prose(2, offset: $0) })
    }

    @Test("Hard-wrapped paragraphs separated by blank lines are joined with spaces")
    func hardWrapped() throws {
        let paragraphs = (0..<4).map { prose(4 + $0, offset: $0) }
        let text = paragraphs.map { hardWrap($0) }.joined(separator: "\n\n") + "\n"
        let article = try loadArticle(text)
        #expect(article.format == .plainWrapped)
        #expect(article.blocks.map(\.text) == paragraphs)
    }

    @Test("A single hard-wrapped paragraph without blank lines is one block")
    func singleWrappedParagraph() throws {
        let paragraph = prose(8)
        let article = try loadArticle(hardWrap(paragraph, width: 66))
        #expect(article.format == .plainWrapped)
        #expect(article.blocks.map(\.text) == [paragraph])
    }

    @Test("Indentation and trailing spaces around wrapped lines are dropped when joining")
    func wrappedIndentation() throws {
        let paragraph = prose(5)
        let lines = hardWrap(paragraph).split(separator: "\n").map { "    " + $0 + "  " }
        let text = lines.joined(separator: "\n") + "\n\n" + hardWrap(prose(5, offset: 2))
        let article = try loadArticle(text)
        #expect(article.format == .plainWrapped)
        #expect(article.blocks.first?.text == paragraph)
    }

    @Test("Short lines without blank lines (a list, verse) stay one per line")
    func shortLinesStayLines() throws {
        let text = "Eggs, a dozen\nMilk\nBread from the bakery\nTwo lemons\nCoffee beans\n"
        let article = try loadArticle(text)
        #expect(article.format == .plainLines)
        #expect(article.blocks.count == 5)
    }

    @Test("Short one-line paragraphs of uneven length are not mistaken for wrapped text")
    func unevenShortParagraphs() throws {
        let lines = [
            "Markets opened higher on Monday.",
            "Oil prices fell for a third day as supply worries eased across the region.",
            "The central bank kept rates unchanged.",
            "Analysts expect a cut in the autumn, though inflation remains above the target.",
            "Shares in carmakers rose.",
            "Retail sales data is due on Thursday morning.",
        ]
        let article = try loadArticle(lines.joined(separator: "\n"))
        #expect(article.format == .plainLines)
        #expect(article.blocks.map(\.text) == lines)
    }

    // MARK: - Headings

    @Test("A short unpunctuated line between paragraphs is a level-2 heading; a question mark is allowed")
    func headingsBetweenParagraphs() throws {
        let text = [
            prose(3), "The evolving landscape", prose(3, offset: 1),
            "Is this a new era for crypto?", prose(2, offset: 2),
        ].joined(separator: "\n")
        let article = try loadArticle(text)
        #expect(article.blocks.map(\.kind) == [.paragraph, .heading(level: 2), .paragraph, .heading(level: 2), .paragraph])
        #expect(article.blocks[1].text == "The evolving landscape")
    }

    @Test(
        "Lines ending with closing punctuation are not headings",
        arguments: ["It rained.", "Watch out!", "Next steps:", "First, then,", "He said so;", "She said \"no.\"",
                    "(Updated.)", "Wait for it…", "To be continued —"]
    )
    func punctuationIsNotHeading(line: String) throws {
        let article = try loadArticle([prose(3), line, prose(3, offset: 1)].joined(separator: "\n"))
        #expect(article.blocks.count == 3)
        #expect(article.blocks[1].text == line)
        #expect(article.blocks[1].kind == .paragraph)
        #expect(!PlainHeadingRule.isCandidate(line))
    }

    @Test(
        "Candidates: short, with a letter, starting with a letter, digit or opening quote",
        arguments: [
            ("The evolving crypto landscape", true),
            ("Regulatory rollbacks, signalling a new era for crypto?", true),
            ("2025 in review", true),
            ("“Made in Korea” returns", true),
            ("東京の挑戦", true),
            ("# Not a heading", false),
            ("> quoted text", false),
            ("* * *", false),
            ("1234", false),
            ("one two three four five six seven eight nine ten eleven twelve thirteen", false),
            (String(repeating: "x", count: 81), false),
        ]
    )
    func candidates(line: String, expected: Bool) {
        #expect(PlainHeadingRule.isCandidate(line) == expected)
    }

    @Test("The last line, and runs of short lines, are never headings")
    func headingNegatives() throws {
        let lastLine = try loadArticle([prose(3), prose(2, offset: 1), "Reporting by Jane Doe"].joined(separator: "\n"))
        #expect(lastLine.blocks.allSatisfy { $0.kind == .paragraph })

        let run = try loadArticle([prose(3), "Jane Doe", "Chief Editor", "Harbor City", prose(2)].joined(separator: "\n"))
        #expect(run.blocks.count == 5)
        #expect(run.blocks.allSatisfy { $0.kind == .paragraph })
    }

    @Test("A short line at the top followed by a paragraph is a heading and gives the title")
    func leadingHeadingIsTitle() throws {
        let article = try loadArticle(["Harbor battery switched on", prose(3), prose(3, offset: 1)].joined(separator: "\n"))
        #expect(article.blocks.first?.kind == .heading(level: 2))
        #expect(article.metadata.title == "Harbor battery switched on")
    }

    @Test("In hard-wrapped text a lone short line between paragraphs is a heading")
    func wrappedHeading() throws {
        let text = [hardWrap(prose(5)), "What comes next", hardWrap(prose(6, offset: 1)), "Closing remark."]
            .joined(separator: "\n\n")
        let article = try loadArticle(text)
        #expect(article.format == .plainWrapped)
        #expect(article.blocks.map(\.kind) == [.paragraph, .heading(level: 2), .paragraph, .paragraph])
        #expect(article.blocks[1].text == "What comes next")
    }

    // MARK: - Literal text

    @Test("Markdown characters in a .txt file are kept literally and never interpreted")
    func literalMarkdownCharacters() throws {
        let lines = [
            "# Not a heading but a line with a hash",
            prose(2),
            "> Not a quote, just a greater-than sign at the start of a line that goes on",
            "1. Not a list item, the number and the dot stay in the text of this line",
            "* Not a bullet, and *not emphasis* either, nor _underscores_ or **stars**.",
            "`not code` and [not a link](https://example.com) stay as typed here.",
        ]
        let article = try loadArticle(lines.joined(separator: "\n"))
        #expect(article.format == .plainLines)
        #expect(article.blocks.map(\.text) == lines)
        #expect(article.blocks.allSatisfy { $0.kind == .paragraph && $0.spans.isEmpty })
    }

    @Test("In hard-wrapped text only blank lines end a paragraph; '>' paragraphs keep their breaks")
    func wrappedListsAndQuotes() throws {
        let text = [
            hardWrap(prose(5)),
            "1. The first step is written here.\n2. The second step follows it.\n* A starred note at the end.",
            "> Quoted line one of the message\n> and quoted line two of it.",
            hardWrap(prose(5, offset: 3)),
        ].joined(separator: "\n\n")
        let article = try loadArticle(text)
        #expect(article.format == .plainWrapped)
        #expect(
            article.blocks.map(\.text) == [
                prose(5), "1. The first step is written here. 2. The second step follows it. * A starred note at the end.",
                "> Quoted line one of the message\n> and quoted line two of it.",
                prose(5, offset: 3),
            ])
        #expect(article.blocks.allSatisfy { $0.kind == .paragraph })
    }

    @Test("Tabs inside a line are kept")
    func tabsKept() throws {
        let article = try loadArticle("Name\tValue\tNote for the reader of this table row, kept with its tabs.\n\(prose(3))")
        #expect(article.blocks.first?.text == "Name\tValue\tNote for the reader of this table row, kept with its tabs.")
    }
}
