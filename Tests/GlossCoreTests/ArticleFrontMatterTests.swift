import Testing

@testable import GlossCore

@Suite("Article front matter")
struct ArticleFrontMatterTests {
    @Test("All fields are read, tags as a list, and the front matter is not shown as text")
    func allFields() throws {
        let text = """
            ---
            title: Harbor battery switched on
            author: Maren Okafor
            source: The Coastal Ledger
            date: 2025-03-14
            url: https://example.com/a
            tags:
              - energy
              - local government
            extra: ignored
            ---
            # Heading

            Body.
            """
        let article = try loadMarkdown(text)
        #expect(
            article.metadata
                == ArticleMetadata(
                    title: "Harbor battery switched on", author: "Maren Okafor", source: "The Coastal Ledger",
                    date: "2025-03-14", url: "https://example.com/a", tags: ["energy", "local government"]))
        #expect(article.blocks.map(\.text) == ["Heading", "Body."])
        #expect(article.warnings.isEmpty)
    }

    @Test("Tags may be one comma-separated string")
    func tagsAsString() throws {
        let article = try loadMarkdown("---\ntags: Korea, Japan , ,health tech\n---\nText.\n")
        #expect(article.metadata.tags == ["Korea", "Japan", "health tech"])
    }

    @Test(
        "Timestamps keep their day; other dates are kept as written",
        arguments: [
            ("2025-03-14", "2025-03-14"),
            ("2025-03-14T10:30:00Z", "2025-03-14"),
            ("2025-03-14 10:30:00 +02:00", "2025-03-14"),
            ("\"2025-03-14 at noon\"", "2025-03-14 at noon"),
            ("March 14, 2025", "March 14, 2025"),
        ]
    )
    func dates(yaml: String, expected: String) throws {
        let article = try loadMarkdown("---\ndate: \(yaml)\n---\nText.\n")
        #expect(article.metadata.date == expected)
    }

    @Test("Front matter works in plain text files too, closed by '...', with CRLF and a BOM")
    func plainTextFrontMatter() throws {
        let text = "\u{FEFF}---\r\ntitle: Plain title\r\nauthor: A. Writer\r\n...\r\n\(prose(3))\r\n\(prose(3, offset: 1))\r\n"
        let article = try loadArticle(text)
        #expect(article.metadata.title == "Plain title")
        #expect(article.metadata.author == "A. Writer")
        #expect(article.blocks.map(\.text) == [prose(3), prose(3, offset: 1)])
    }

    @Test("Bad YAML: the block is skipped with a warning and the article still loads")
    func badYaml() throws {
        let article = try loadArticle("---\ntitle: [unclosed\nauthor: x\n---\n# Real heading\n\nBody.\n", fileName: "x.md")
        #expect(article.warnings.count == 1)
        #expect(article.warnings.first?.hasPrefix("front matter ignored") == true)
        #expect(article.blocks.map(\.text) == ["Real heading", "Body."])
        #expect(article.metadata.title == "Real heading")
        #expect(article.metadata.author == nil)
    }

    @Test("Known fields of the wrong shape are ignored with a warning")
    func wrongShapes() throws {
        let article = try loadMarkdown("---\ntitle:\n  nested: map\ntags:\n  a: b\nauthor: Ok\n---\nText.\n")
        #expect(article.metadata.author == "Ok")
        #expect(article.metadata.tags.isEmpty)
        #expect(article.warnings.count == 2)
        #expect(article.metadata.title == "Article")
    }

    @Test("Valid YAML that is not a mapping is text between two rules, not front matter")
    func notAMapping() throws {
        let article = try loadArticle("---\nJust a line of prose between two rules here\n---\n\(prose(3))\n", fileName: "x.txt")
        #expect(article.blocks.map(\.text).contains("Just a line of prose between two rules here"))
        #expect(article.warnings.isEmpty)
    }

    @Test("An opening fence without a closing one is not front matter")
    func unclosed() throws {
        let article = try loadMarkdown("---\ntitle: Nope\n\nText.\n")
        #expect(article.metadata.title != "Nope")
        #expect(article.blocks.contains { $0.text.contains("title: Nope") })
    }

    @Test("An empty front matter block is accepted")
    func emptyFrontMatter() throws {
        let article = try loadMarkdown("---\n---\nText.\n")
        #expect(article.blocks.map(\.text) == ["Text."])
        #expect(article.warnings.isEmpty)
    }

    @Test("Without a title: a heading opening the text, else the file name made readable")
    func titleFallbacks() throws {
        let withHeading = try loadArticle("---\nauthor: X\n---\n# Opening title\n\nIntro.\n", fileName: "a.md")
        #expect(withHeading.metadata.title == "Opening title")

        let sectionLater = try loadArticle("---\nauthor: X\n---\nIntro.\n\n## Section one\n", fileName: "a.md")
        #expect(sectionLater.metadata.title == "A")

        let noHeading = try loadArticle("Just text.\n", fileName: "dir/my-great_article.txt")
        #expect(noHeading.metadata.title == "My Great Article")

        let blankTitle = try loadArticle("---\ntitle: \"  \"\n---\nText.\n", fileName: "x.md")
        #expect(blankTitle.metadata.title == "X")
    }

    @Test(
        "Readable file names",
        arguments: [
            ("my-great_article.txt", "My Great Article"), ("/a/b/report.final.md", "Report.final"), ("GPL-3", "GPL 3"),
            (".hidden", ".hidden"), ("--__.txt", "Untitled"), ("東京-ニュース.md", "東京 ニュース"), ("", "Untitled"),
        ]
    )
    func readableFileNames(fileName: String, expected: String) {
        #expect(ArticleTitle.readable(fileName: fileName) == expected)
    }
}
