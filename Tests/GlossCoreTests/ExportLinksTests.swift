import Foundation
import Testing

@testable import GlossCore

/// Highlights that contain links export them, and the Markdown reads back to the same text and
/// targets; the W3C JSON lists them as `gloss:links`.
@Suite("Export keeps links")
struct ExportLinksTests {
    /// The export of one highlight of `quote` (the first occurrence) in the article `markdown`.
    func export(_ markdown: String, highlighting quote: String) throws -> (document: ExportDocument, markdown: String) {
        let article = try loadMarkdown(markdown)
        let text = ArticleText(article)
        let start = try #require(text.text.range(of: quote))
        let lower = text.text.unicodeScalars.distance(from: text.text.unicodeScalars.startIndex, to: start.lowerBound)
        let range = lower..<(lower + quote.unicodeScalars.count)
        let anchor = try #require(AnnotationAnchor(range: range, in: text))
        let annotation = Annotation(
            id: ExportFixture.id(1), created: ExportFixture.created, modified: nil, color: "yellow", note: "", anchor: anchor)
        let document = ExportDocument(article: article, file: "a.md", fingerprint: "00", annotations: [annotation])
        return (document, MarkdownExport.render(document))
    }

    /// The quote's block of the export parsed back: its text and its links' targets.
    func readBack(_ markdown: String) throws -> (text: String, urls: [String], kinds: [InlineLink.Kind]) {
        let article = try loadMarkdown(markdown)
        let quote = try #require(article.blocks.first { if case .quote = $0.kind { true } else { false } })
        var text = quote.text
        if let range = text.range(of: " ^gloss-") { text = String(text[..<range.lowerBound]) }
        return (text, quote.links.map(\.url), quote.links.map(\.kind))
    }

    @Test(arguments: [
        "https://en.example.org/wiki/Tide_(disambiguation)",
        "https://x.example/a b/c d.html",
        "https://x.example/[bracket]?q=[1]&r=(2)",
        "https://x.example/back\\slash<angle>",
        "mailto:desk@x.example?subject=Hi",
    ])
    func linksRoundTrip(url: String) throws {
        let destination = LinkURL.markdownDestination(url)
        let source = "The council read [the *tide* report](\(destination)) aloud before the vote.\n"
        let (document, markdown) = try export(source, highlighting: "read the tide report aloud")
        let highlight = try #require(document.highlights.first)
        #expect(highlight.links == [ExportLink(text: "the tide report", url: destination, range: 5..<20)])
        #expect(markdown.contains("> read [the tide report](\(destination)) aloud ^gloss-"))
        let back = try readBack(markdown)
        #expect(back.text == "read the tide report aloud")
        #expect(back.urls == [destination])
    }

    @Test func linkTextIsEscapedAndPartialLinksAreClipped() throws {
        let source = "See [*stars* and \\[brackets\\]](https://x.example/s) here, then [more text](https://y.example).\n"
        let (_, markdown) = try export(source, highlighting: "stars and [brackets] here, then more")
        #expect(markdown.contains("[stars and \\[brackets\\]](https://x.example/s) here, then [more](https://y.example)"))
        let back = try readBack(markdown)
        #expect(back.text == "stars and [brackets] here, then more")
        #expect(back.urls == ["https://x.example/s", "https://y.example"])
    }

    @Test func anImageHighlightExportsAnImage() throws {
        let source = "Before ![The radar (loop)](https://x.example/radar 1.png) after.\n"
            .replacingOccurrences(of: "radar 1.png", with: "radar%201.png")
        let (document, markdown) = try export(source, highlighting: "[image: The radar (loop)]")
        #expect(document.highlights.first?.links.first?.isImage == true)
        #expect(markdown.contains("> ![The radar (loop)](https://x.example/radar%201.png) ^gloss-"))
        let back = try readBack(markdown)
        #expect(back.text == "[image: The radar (loop)]")
        #expect(back.kinds == [.image])
    }

    @Test func aQuoteAcrossParagraphsKeepsTheLinksOfEach() throws {
        let source = "One [first](https://a.example).\n\nTwo [second](https://b.example) end.\n"
        let (document, markdown) = try export(source, highlighting: "first.\n\nTwo second")
        #expect(document.highlights.first?.links.map(\.url) == ["https://a.example", "https://b.example"])
        #expect(markdown.contains("> [first](https://a.example).\n>\n> Two [second](https://b.example) ^gloss-"))
    }

    @Test func w3cListsTheLinks() throws {
        let (document, _) = try export("Read [the report](https://x.example/r) now.\n", highlighting: "the report now")
        let json = W3CExport.render(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require((object["first"] as? [String: Any])?["items"] as? [[String: Any]] ?? object["items"] as? [[String: Any]])
        let links = try #require(items.first?["gloss:links"] as? [[String: String]])
        #expect(links == [["text": "the report", "url": "https://x.example/r"]])
        let (plain, _) = try export("Read the report now.\n", highlighting: "the report now")
        #expect(!W3CExport.render(plain).contains("gloss:links"))
    }

    @Test func highlightsWithoutLinksExportAsBefore() throws {
        let (_, linked) = try export("Nothing linked in this one.\n", highlighting: "linked in this")
        #expect(linked.contains("> linked in this ^gloss-"))
    }
}
