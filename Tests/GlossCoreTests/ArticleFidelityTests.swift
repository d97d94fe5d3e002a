import Testing

@testable import GlossCore

/// A text in the shape of /usr/share/common-licenses/GPL-3 (written for this test): a centred
/// title over two lines, a centred one-word heading, hard-wrapped paragraphs, lettered items
/// indented by four spaces, and a wrapped line that happens to start with `7.`.
let gplShapedText = """
                        GNU HARBOR PUBLIC NOTICE
                           Version 3, 2 May 2026

     Copyright (C) 2026 Harbor City Council <https://example.org/>
     Everyone may copy and hand out exact copies of this notice, but
     changing it is not allowed.

                                Preamble

      The Harbor Public Notice is a free notice for the tide turbines and
    for the other kinds of works that the council pays for each year.

      When we speak of the turbines, we are referring to the machines and
    not to the money, which is covered by a separate notice of its own.

      5. Conveying Modified Versions.

      You may convey a work based on the turbines, provided that you also
    meet all of these conditions:

        a) The work must carry prominent notices stating that you changed
        it, and giving a relevant date for the change.

        b) The work must carry prominent notices stating that it is
        released under this Notice and any conditions added under section
        7.  This requirement modifies the requirement in section 4 to
        "keep intact all notices".

        c) You must license the entire work, as a whole, under this
        Notice to anyone who comes into possession of a copy of it.

"""

@Suite("What a reader sees first: titles and paragraphs")
struct ArticleFidelityTests {
    @Test("A plain-text article without an opening heading is titled after its file, not a later section")
    func plainSectionIsNotTitle() throws {
        let article = try loadArticle(
            [prose(3), prose(3, offset: 1), "The evolving landscape", prose(3, offset: 2)].joined(separator: "\n"),
            fileName: "news/binance-world-liberty.txt")
        #expect(article.blocks[2].isHeading)
        #expect(article.metadata.title == "Binance World Liberty")
    }

    @Test("GPL-shaped text: titled after its file, and 'section / 7.  This' stays one paragraph")
    func gplShape() throws {
        let article = try loadArticle(gplShapedText, fileName: "GPL-3")
        #expect(article.format == .plainWrapped)
        #expect(article.metadata.title == "GPL 3")
        #expect(article.blocks.contains { $0.isHeading && $0.text == "Preamble" })
        let item = try #require(article.blocks.first { $0.text.hasPrefix("b) The work") })
        #expect(
            item.text
                == "b) The work must carry prominent notices stating that it is released under this Notice and any "
                + "conditions added under section 7.  This requirement modifies the requirement in section 4 to "
                + "\"keep intact all notices\".")
        #expect(!article.blocks.contains { $0.text.hasPrefix("7.") })
    }

    @Test("Hard-wrapped lines starting like a list item or a quote continue their paragraph")
    func continuationLines() throws {
        let first = "Harbor crews found that the tidal array delivered about"
        let text = [
            "\(first)\n- 12 percent more power than planned over the whole winter of this",
            "year, and the council said the surplus would be sold at\n> market rates to the neighbouring town.",
            hardWrap(prose(4)),
        ].joined(separator: "\n") + "\n\n" + hardWrap(prose(4, offset: 2))
        let article = try loadArticle(text)
        #expect(article.format == .plainWrapped)
        #expect(article.blocks.count == 2)
        #expect(article.blocks[0].text.hasPrefix("\(first) - 12 percent more power"))
        #expect(article.blocks[0].text.contains("sold at > market rates"))
    }

    @Test("A Markdown file's opening # heading is its title; a level-1 heading further in is not")
    func markdownTitles() throws {
        let opening = try loadMarkdown("# Swift Argument Parser\n\nIntro.\n")
        #expect(opening.metadata.title == "Swift Argument Parser")
        let later = try loadArticle("Intro.\n\n# Usage\n\nText.\n", fileName: "swift-argument-parser.md")
        #expect(later.metadata.title == "Swift Argument Parser")
    }

    @Test("Front matter's title wins over an opening heading")
    func frontMatterWins() throws {
        let article = try loadMarkdown("---\ntitle: From the feed\n---\n# Heading\n\nText.\n")
        #expect(article.metadata.title == "From the feed")
    }
}
