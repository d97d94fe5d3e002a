import Testing

@testable import GlossCore
import GlossTestSupport

/// Exports of the sample articles with fixed annotations, compared byte for byte with
/// `Golden/*.md` (re-record with `RECORD_GOLDEN=1`).
@Suite("Markdown export: golden files")
struct ExportMarkdownGoldenTests {
    static let created = Timestamp(millisecondsSince1970: 1_795_514_400_000)  // 2026-11-24T10:00:00Z

    static func annotation(
        _ id: String, quoting needle: String, in text: ArticleText, note: String = "", color: String = "yellow",
        status: AnchorStatus = .exact, day: Int64 = 0
    ) throws -> Annotation {
        let range = try ReanchorFixture.range(of: needle, in: text.text)
        let anchor = try #require(AnnotationAnchor(range: range, in: text, status: status))
        let time = Timestamp(millisecondsSince1970: created.millisecondsSince1970 + day * 86_400_000)
        return Annotation(id: id, created: time, modified: time, color: color, note: note, anchor: anchor)
    }

    static func orphan(_ id: String, quote: String, note: String, block: Int) -> Annotation {
        let anchor = AnnotationAnchor(
            quote: TextQuoteSelector(exact: quote), position: TextPositionSelector(start: 0, end: 0),
            blockIndex: block, status: .orphan)
        return Annotation(id: id, created: created, color: "blue", note: note, anchor: anchor)
    }

    static func binanceDocument() throws -> ExportDocument {
        let article = try SampleArticles.load("binance-world-liberty.txt")
        let text = ArticleText(article)
        let annotations = [
            try annotation(
                "3f9a2c41-1111-4000-8000-000000000001",
                quoting: "Binance and President Donald Trump has just struck an agreement", in: text,
                note: "The core claim. #binance #trump"),
            try annotation(
                "7b1e0d22-2222-4000-8000-000000000002",
                quoting: "granting pardons to top crypto executives, who have been previously persecuted by the previous Biden administration. The list of crypto leaders includes BiMEX co-founder Arthur Hay, the founder of Silk Road Ross Ulbricht among many others.\n\nSimilarly, Binance is now hoping",
                in: text, note: "Two paragraphs.\nA second line in the first note paragraph.\n\nAnd a second paragraph. #pardons",
                color: "green", day: 1),
            try annotation(
                "c0ffee33-3333-4000-8000-000000000003", quoting: "Regulatory rollbacks", in: text,
                note: "Check the wording: *rollbacks* vs. [repeal]. #regulation", color: "red", status: .fuzzy, day: 2),
            try annotation("d00d0044-4444-4000-8000-000000000004", quoting: "U.S treasury officials", in: text),
            orphan(
                "77aa0155-5555-4000-8000-000000000005", quote: "Text that no longer appears in the article.",
                note: "Was in the first version. #binance", block: 7),
        ]
        return ExportDocument(
            article: article, file: "binance-world-liberty.txt", fingerprint: ArticleFingerprint.sha256(of: text.text),
            annotations: annotations)
    }

    static func harborDocument() throws -> ExportDocument {
        let article = try SampleArticles.load("harbor-city-grid-battery.md")
        let text = ArticleText(article)
        let annotations = [
            try annotation(
                "a1b2c3d4-0000-4000-8000-000000000001", quoting: "240-megawatt-hour", in: text,
                note: "Size matters. #energy"),
            try annotation(
                "b2c3d4e5-0000-4000-8000-000000000002", quoting: "Harbor City has leaned on two ageing gas turbines",
                in: text, note: "- not a list\n# not a heading\n> not a quote"),
        ]
        return ExportDocument(
            article: article, file: "harbor-city-grid-battery.md", fingerprint: ArticleFingerprint.sha256(of: text.text),
            annotations: annotations)
    }

    @Test("The Binance article: before any heading, multi-paragraph, fuzzy, orphan, notes with tags")
    func binance() throws {
        let document = try Self.binanceDocument()
        #expect(document.highlights.map(\.status) == [.exact, .exact, .exact, .fuzzy])
        #expect(document.orphans.count == 1)
        #expect(document.highlights[1].paragraphEnd > document.highlights[1].paragraph)
        let output = MarkdownExport.render(document)
        expectGolden(output, named: "binance-world-liberty.md")
        let read = try ExportReadBack(output)
        #expect(read.strayBlocks.isEmpty)
        for (entry, highlight) in zip(read.entries, document.highlights + document.orphans) {
            #expect(entry.quote == ExportExpectation.quote(highlight.quote))
            #expect(entry.note == ExportExpectation.note(highlight.note))
        }
    }

    @Test("The Markdown sample: its title heading is not repeated; a note's Markdown stays Markdown")
    func harbor() throws {
        let output = MarkdownExport.render(try Self.harborDocument())
        expectGolden(output, named: "harbor-city-grid-battery.md")
        let read = try ExportReadBack(output)
        #expect(read.strayBlocks.isEmpty)
        #expect(read.entries.map(\.section) == [nil, "Why the city wanted it"])
        // The note is Markdown: its list and quote stay, only the heading that would start a
        // section of its own is guarded.
        #expect(read.entries.last?.note == ExportExpectation.note("- not a list\n# not a heading\n> not a quote"))
    }
}
