import Foundation
import Testing

@testable import GlossCore

/// The export of the Binance sample with one highlight of each kind the JSON export must carry.
enum W3CFixture {
    static let binanceFile = "binance-world-liberty.txt"

    /// The note with characters JSON must escape, non-ASCII text, and an NFD "é" (e + U+0301).
    static let adversarialNote = "Zoë’s «remark»: \"quoted\" and a back\\slash,\ttab, bell\u{7}, "
        + "escape \u{1B}[31m, NEL\u{85}, line\u{2028}separator.\nNew line: 東京 🇯🇵 cafe\u{301} #énergie #東京"

    static func binanceArticle() throws -> Article {
        try SampleArticles.load(binanceFile)
    }

    static func binance() throws -> ExportDocument {
        let article = try binanceArticle()
        return ExportDocument(
            article: article, file: binanceFile, fingerprint: fingerprint(of: article),
            annotations: try annotations(on: article))
    }

    static func fingerprint(of article: Article) -> String {
        ArticleFingerprint.sha256(of: ArticleText.normalized(article))
    }

    static func time(_ minute: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: 1_746_000_000_000 + minute * 60_000)
    }

    static func annotations(on article: Article) throws -> [Annotation] {
        let text = ArticleText(article)
        return [
            // A plain highlight whose quote holds double quotes.
            Annotation(
                id: "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7", created: time(1),
                anchor: try anchor(in: text, block: 1, from: "Changpeng \"CZ\" Zhao")),
            // A note with tags, found by mapping after an edit.
            Annotation(
                id: "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", created: time(2), modified: time(30), color: "green",
                note: "Pardons as a pattern: see Ulbricht. #pardons #crypto-policy",
                anchor: try anchor(in: text, block: 4, from: "granting pardons to top crypto executives", status: .mapped)),
            // A highlight over two paragraphs, with an upper-case id as a hand-edited file may hold.
            Annotation(
                id: "C0FFEE00-1234-4ABC-8DEF-0123456789AB", created: time(3), color: "blue",
                anchor: try anchor(in: text, block: 5, from: "Trump's presidential power", toBlock: 6, through: "last month")),
            // Found only by approximate matching; the quote has a typographic apostrophe.
            Annotation(
                id: "2b3c4d5e-6f70-4b8c-9d0e-1f2a3b4c5d6e", created: time(4), note: "Check this one again.",
                anchor: try anchor(in: text, block: 16, from: "under Trump’s leadership", status: .fuzzy)),
            // The note every string escape goes through.
            Annotation(
                id: "3c4d5e6f-7081-4c9d-8e0f-2a3b4c5d6e7f", created: time(5), color: "pink",
                note: adversarialNote,
                anchor: try anchor(in: text, block: 14, from: "oversight program—moves")),
            // Not found in the current text: exported last, with its quote and nothing stale.
            Annotation(
                id: "4d5e6f70-8192-4dae-9f10-3b4c5d6e7f80", created: time(6), modified: time(7),
                note: "Kept although the paragraph is gone. #orphaned",
                anchor: AnnotationAnchor(
                    quote: TextQuoteSelector(
                        exact: "a sentence that was removed from the article",
                        prefix: "Before it, ", suffix: " and after it."),
                    position: TextPositionSelector(start: 1200, end: 1244), blockIndex: 7, status: .orphan)),
            // A deleted annotation: never exported.
            Annotation(
                id: "5e6f7081-92a3-4ebf-8021-4c5d6e7f8091", created: time(8),
                anchor: try anchor(in: text, block: 0, from: "Wall Street Journal"), deleted: true),
        ]
    }

    /// The anchor of the text from `start` in block `block` through `end` in `toBlock`
    /// (or to the end of `start` when `end` is nil).
    static func anchor(
        in text: ArticleText, block: Int, from start: String, toBlock: Int? = nil, through end: String? = nil,
        status: AnchorStatus = .exact
    ) throws -> AnnotationAnchor {
        let lower = try #require(offset(of: start, inBlock: block, of: text))
        var upper = lower + start.unicodeScalars.count
        if let end, let toBlock {
            upper = try #require(offset(of: end, inBlock: toBlock, of: text)) + end.unicodeScalars.count
        }
        return try #require(AnnotationAnchor(range: lower..<upper, in: text, status: status))
    }

    /// The normalized-text offset where `needle` first occurs in block `block`.
    static func offset(of needle: String, inBlock block: Int, of text: ArticleText) -> Int? {
        guard let range = text.range(ofBlock: block) else { return nil }
        let scalars = Array(text.text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        var start = range.lowerBound
        while start + pattern.count <= range.upperBound {
            if Array(scalars[start..<(start + pattern.count)]) == pattern { return start }
            start += 1
        }
        return nil
    }

    /// A second article with full front matter, and a third with no annotations.
    static func library() throws -> [ExportDocument] {
        let harbor = try SampleArticles.load("harbor-city-grid-battery.md")
        let harborText = ArticleText(harbor)
        let battery = try #require(harbor.blocks.firstIndex { $0.text.contains("240-megawatt-hour") })
        let harborNotes = [
            Annotation(
                id: "7081a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b", created: time(10), note: "Size matters here. #energy",
                anchor: try anchor(in: harborText, block: battery, from: "240-megawatt-hour")),
        ]
        let millbrook = try SampleArticles.load("millbrook-library-levy.txt")
        return [
            try binance(),
            ExportDocument(
                article: harbor, file: "harbor-city-grid-battery.md", fingerprint: fingerprint(of: harbor),
                annotations: harborNotes),
            ExportDocument(
                article: millbrook, file: "millbrook-library-levy.txt", fingerprint: fingerprint(of: millbrook),
                annotations: []),
        ]
    }
}

@Suite("W3C export: golden files and determinism")
struct ExportW3CTests {
    @Test("One article with every kind of highlight matches its golden file")
    func binanceGolden() throws {
        expectGolden(W3CExport.render(try W3CFixture.binance()), named: "binance.jsonld")
    }

    @Test("Several articles give an array of collections that matches its golden file")
    func libraryGolden() throws {
        expectGolden(W3CExport.render(try W3CFixture.library()), named: "library.jsonld")
    }

    @Test("The same data gives the same bytes, whatever order the annotations come in")
    func deterministic() throws {
        let article = try W3CFixture.binanceArticle()
        let annotations = try W3CFixture.annotations(on: article)
        let fingerprint = W3CFixture.fingerprint(of: article)
        let forward = ExportDocument(
            article: article, file: W3CFixture.binanceFile, fingerprint: fingerprint, annotations: annotations)
        let backward = ExportDocument(
            article: article, file: W3CFixture.binanceFile, fingerprint: fingerprint,
            annotations: annotations.reversed())
        let first = W3CExport.render(forward)
        #expect(first == W3CExport.render(forward))
        #expect(first == W3CExport.render(backward))
        #expect(W3CExport.render([forward, backward]) == W3CExport.render([backward, forward]))
    }

    @Test("The output changes when the data does, so the golden comparison means something")
    func sensitiveToData() throws {
        var doc = try W3CFixture.binance()
        let before = W3CExport.render(doc)
        doc.highlights[0].color = "purple"
        #expect(W3CExport.render(doc) != before)
        #expect(W3CExport.render(doc).contains("\"gloss:color\": \"purple\""))
    }

    @Test("Pretty-printed: two-space indents, one member per line, a final newline, no export time")
    func prettyPrinted() throws {
        let doc = try W3CFixture.binance()
        let output = W3CExport.render(doc)
        #expect(output.hasPrefix("{\n  \"@context\": [\n    \"http://www.w3.org/ns/anno.jsonld\",\n"))
        #expect(output.hasSuffix("\n}\n"))
        #expect(!output.hasSuffix("\n\n"))
        let lines = output.split(separator: "\n")
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0, "\(line)")
            #expect(!line.hasSuffix(" "), "\(line)")
        }
        // The keys at the top level, in their fixed order.
        let topKeys = lines.filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == ["@context", "id", "type", "label", "modified", "total", "gloss:article", "first", "last"])
        // The only times in the output are the annotations' own.
        let times = Set(doc.highlights.flatMap { [$0.created, $0.modified] } + doc.orphans.flatMap { [$0.created, $0.modified] })
            .map(\.description)
        for line in lines where line.contains("\"created\"") || line.contains("\"modified\"") {
            #expect(times.contains { line.contains($0) }, "\(line)")
        }
        #expect(!output.contains("generated"))
    }

    @Test("An empty list renders as an empty array; a single article in a list is that article's document")
    func arrays() throws {
        #expect(W3CExport.render([]) == "[]\n")
        let doc = try W3CFixture.binance()
        let single = try #require(
            try JSONSerialization.jsonObject(with: Data(W3CExport.render(doc).utf8)) as? NSDictionary)
        let list = try #require(
            try JSONSerialization.jsonObject(with: Data(W3CExport.render([doc]).utf8)) as? [NSDictionary])
        #expect(list == [single])
    }
}
