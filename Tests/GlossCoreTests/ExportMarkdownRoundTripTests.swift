import Testing
import Yams

@testable import GlossCore
import GlossTestSupport

/// The export is read back with cmark-gfm (through the article loader) and Yams, and must give
/// back exactly the quotes, notes, headings and metadata that went in.
@Suite("Markdown export: CommonMark and YAML round trip")
struct ExportMarkdownRoundTripTests {
    typealias F = ExportFixture

    /// Text that means something to Markdown, GitHub Markdown, Obsidian or a Markdown reader's
    /// whitespace handling.
    static let hazards: [String] = [
        "*stars* and _under_ and **bold** __bold__ ***both***",
        "`code` and ``double`` and ```fence",
        "[link](http://x.org) [[wiki link]] ![img](a.png) [^1] [ref]: /url \"title\"",
        "<div>html</div> <b>bold</b> <!-- comment --> <https://auto.link> <br>",
        "&amp; &copy; &#65; &#x41; & alone AT&T &; &nosuch;",
        "# heading", "## closed ##", "###### six", "####### seven", "#", "#tag at the start", "#\tx",
        "> quoted", ">> double", "> ",
        "1. one", "1) one", "2024. A year", "3.14 pi", "123456789. nine", "1.",
        "- dash", "+ plus", "* star", "-", "--", "---", "===", "= =", "___", "***", "- - -", "-5 degrees", "+1",
        "```", "~~~", "~~strike~~ and ~single~ and ~5%",
        "trailing backslash\\", "back\\slash \\* escaped \\_", "\\",
        "pipes | in | text", "| a | b |\n| - | - |", "a | b\n--|--",
        "tabs\there\tand\tthere", "\tleading tab", "trailing tab\t",
        "  two leading spaces", "trailing spaces  ", "    indented code", "   ", " ",
        "^caret and ^gloss-abcdef", "ends with ^gloss-123456", "$math$ and $5 and $$x$$", "%%comment%% and 50%",
        "==mark==", "!important and ![", "escaped \\[not a link\\]",
        "www.example.com and http://example.com/a_b_c and mail@example.com",
        "see http://a.b/c_d\\", "http://x.org/a*b and www.x.org/~y", "ends with https://x.org ",
        "link at a break https://x.org\nnext", "www.x.org\n\nnext", "mail a_b@x.co and a\\_b@x.co",
        "(https://x.org/a_(b)) <https://x.org>", "ftp://files.example.com/a%20b&amp;c", "WWW.SHOUT.ORG/x*",
        "line\nbreak", "para\n\npara", "three\n\n\nnewlines", "four\n\n\n\nnewlines", "\nleading newline",
        "\n\nleading blank line", "trailing newline\n", "trailing blank\n\n", "\n", "\n\n", "x\n \ny",
        "a\n# heading line\n> quote line\n- list line\n1. ordered\n---\n===\n```\n    code\n<div>",
        "para\n===", "para\n---", "para\n- item", "para\n:--\nrow", "a\n--:", "x\n:-: ", "y\n- -:", ":--",
        "\u{301}combining at the start", "a\n\u{301}combining after a break",
        "emoji 👩🏽‍🔬 CJK 漢字 RTL שלום עולם", "control \u{1} \u{7F} \u{85} \u{1B}[31m",
        "CR\rin text", "form\u{0C}feed and vertical\u{0B}tab", "\u{0C}", "trailing CR\r",
        "\u{A0}no-break space lead", "ideographic\u{3000}space\u{3000}", "line\u{2028}separator",
        "looks like a reference &#32; here", "<", ">", "&", "_", "*", "!", "[", "]", "|", "~", "^", "$", "`",
        "_leading underscore_", "mid_word_underscore", "a_", "_a", "snake_case_ending_", "日本_語", "a_😀",
        "'quotes' \"double\" (parens) {braces} @at :colon: ;semi",
        "e\u{301}\u{302} stacked marks", "ﬁ ligature and Ａ fullwidth",
    ]

    static func adversarialDocument() -> ExportDocument {
        var highlights: [ExportHighlight] = []
        for (index, text) in hazards.enumerated() {
            highlights.append(F.highlight(
                id: F.id(index), quote: text, note: hazards[(index * 7 + 3) % hazards.count],
                color: index % 5 == 0 ? "*red* | <b>" : "yellow", paragraph: index + 1,
                paragraphEnd: index % 4 == 0 ? index + 3 : nil, section: "Section \(index / 10): \(text)",
                status: index % 6 == 0 ? .fuzzy : .exact))
        }
        let orphans = hazards.prefix(12).enumerated().map { index, text in
            F.highlight(id: F.id(1000 + index), quote: text, note: text, paragraph: 3, status: .orphan)
        }
        return F.document(
            title: "Title: with # and \"quotes\"\nand a line break", author: "- leading dash",
            source: "Source & Co.", url: "https://example.org/a?b=c#frag", date: "March 3, 2026",
            file: "dir/it's: a file.md", tags: ["energy", "local government", "yes", "#x"],
            highlights: highlights, orphans: orphans)
    }

    @Test("Every hazard, as a quote and as a note, renders back to exactly its text")
    func hazardousQuotesAndNotes() throws {
        let document = Self.adversarialDocument()
        let output = MarkdownExport.render(document)
        #expect(ExportExpectation.isNFC(output))
        let read = try ExportReadBack(output)
        #expect(read.strayBlocks.isEmpty, "stray blocks: \(read.strayBlocks.prefix(3))")
        let exported = document.highlights + document.orphans
        try #require(read.entries.count == exported.count)
        for (entry, highlight) in zip(read.entries, exported) {
            #expect(
                entry.quote == ExportExpectation.quote(highlight.quote),
                "quote \(highlight.quote.debugDescription) read back as \(String(String.UnicodeScalarView(entry.quote)).debugDescription)")
            #expect(
                entry.note == ExportExpectation.note(highlight.note),
                "note \(highlight.note.debugDescription) read back as \(String(String.UnicodeScalarView(entry.note)).debugDescription)")
            #expect(entry.blockID == highlight.blockID)
            #expect(entry.isOrphan == (highlight.status == .orphan))
        }
    }

    @Test("Section headings are article text too: they render back to exactly the heading")
    func hazardousSections() throws {
        let sections = Self.hazards.filter { !$0.unicodeScalars.contains("\n") && !$0.allSatisfy(\.isWhitespace) }
        let document = F.document(highlights: sections.enumerated().map { index, section in
            F.highlight(id: F.id(index), quote: "Quote \(index)", paragraph: index + 1, section: section)
        })
        let read = try ExportReadBack(MarkdownExport.render(document))
        #expect(read.strayBlocks.isEmpty, "stray blocks: \(read.strayBlocks.prefix(3))")
        try #require(read.entries.count == sections.count)
        for (entry, section) in zip(read.entries, sections) {
            #expect(entry.section.map { Array($0.unicodeScalars) } == ExportExpectation.quote(section), "\(section.debugDescription)")
        }
    }

    @Test("A heading's line breaks become spaces; everything else in it survives")
    func headingLineBreaks() throws {
        let read = try ExportReadBack(MarkdownExport.render(F.document(
            title: "Two\nlines #", highlights: [F.highlight(id: F.id(1), quote: "q", section: "A\nB")])))
        #expect(read.title == "Two lines #")
        #expect(read.entries.first?.section == "A B")
    }

    @Test("The colour in the meta line renders back as written")
    func hazardousColors() throws {
        let colors = ["*red*", "a|b", "<b>", "[x]", "_y_", "`z`", "bright-red"]
        let document = F.document(highlights: colors.enumerated().map { index, color in
            F.highlight(id: F.id(index), quote: "q\(index)", color: color, paragraph: 2)
        })
        let read = try ExportReadBack(MarkdownExport.render(document))
        #expect(read.entries.map(\.meta) == colors.map { "¶ 2 · \($0) · 2026-11-24" })
    }

    static let yamlHazards: [String] = [
        "Colon: here", "# hash", "hash # inside", "\"double\" and 'single'", "- leading dash", "multi\nline",
        "back\\slash", "tab\there", "  spaces around  ", "yes", "No", "null", "~", "123", "1e3", "0x1F",
        "2026-10-02", "2026-02-30", "[flow]", "{map: 1}", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`",
        "? key", "control \u{1}\u{7}\u{1B}\u{7F}\u{85}\u{9F}", "separators \u{2028} \u{2029}", "bom \u{FEFF}",
        "emoji 😀 漢字 שלום", "Cafe\u{301}", "", "---", "...", "a: b: c", "key:value", "trailing colon:",
        "\r\n crlf",
    ]

    @Test("Front matter strings with YAML hazards parse back to exactly the same value")
    func yamlStrings() throws {
        for text in Self.yamlHazards {
            let output = MarkdownExport.render(F.document(
                title: text, author: text, source: text, url: text, date: text, file: text))
            let frontMatter = try ExportReadBack.frontMatter(of: output)
            for key in ["title", "author", "source", "url", "date", "file"] {
                let value = try #require(frontMatter[key]?.scalar?.string, "\(key) for \(text.debugDescription)")
                #expect(
                    Array(value.unicodeScalars) == ExportExpectation.yaml(text),
                    "\(key): \(text.debugDescription) read back as \(value.debugDescription)")
            }
            #expect(frontMatter["highlights"]?.int == 0)
        }
    }

    @Test("Tags are a YAML flow list whose items parse back as the same strings, never as other types")
    func yamlTags() throws {
        let tags = ["energy", "local government", "c++", "日本", "e\u{301}t\u{E9}"] + Self.yamlHazards.filter { !$0.isEmpty }
        let output = MarkdownExport.render(F.document(tags: tags))
        #expect(output.contains("\ntags: [energy, \"local government\", \"c++\", 日本, été, \"Colon: here\", "))
        let frontMatter = try ExportReadBack.frontMatter(of: output)
        let items = try #require(frontMatter["tags"]?.sequence)
        #expect(items.map { $0.tag.description } == Array(repeating: Tag.Name.str.rawValue, count: tags.count))
        #expect(items.map { Array(($0.scalar?.string ?? "").unicodeScalars) } == tags.map(ExportExpectation.yaml))
    }

    @Test("A YYYY-MM-DD date is a YAML date; any other date is a string kept as written")
    func yamlDates() throws {
        let day = try ExportReadBack.frontMatter(of: MarkdownExport.render(F.document(date: "2026-10-02")))
        #expect(day["date"]?.tag.description == Tag.Name.timestamp.rawValue)
        #expect(day["date"]?.scalar?.string == "2026-10-02")
        for date in ["2026-02-30", "March 3", "2026-1-2", "2026"] {
            let other = try ExportReadBack.frontMatter(of: MarkdownExport.render(F.document(date: date)))
            #expect(other["date"]?.tag.description == Tag.Name.str.rawValue)
            #expect(other["date"]?.scalar?.string == date)
        }
    }

    @Test("The article loader reads the export's own front matter back as the article's metadata")
    func loaderMetadata() throws {
        let document = Self.adversarialDocument()
        let article = try ArticleLoader.load(bytes: Array(MarkdownExport.render(document).utf8), fileName: "x.md")
        #expect(article.warnings.isEmpty)
        #expect(article.metadata.title == document.article.title)
        #expect(article.metadata.author == document.article.author)
        #expect(article.metadata.source == document.article.source)
        #expect(article.metadata.url == document.article.url)
        #expect(article.metadata.date == document.article.date)
        #expect(article.metadata.tags == document.article.tags)
    }
}
