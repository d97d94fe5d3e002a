import Testing
import Yams

@testable import GlossCore
import GlossTestSupport

@Suite("Markdown export: shape")
struct ExportMarkdownTests {
    typealias F = ExportFixture

    static func harborDocument() -> ExportDocument {
        F.document(
            title: "Harbor Cities Bet on Tidal Power", author: "Mira Okafor", source: "Coastal Ledger",
            url: "https://example.org/coastal/tidal-power", date: "2026-10-02", file: "markets-brief.md",
            tags: ["energy", "harbor"],
            highlights: [
                F.highlight(
                    id: "3F9A2C41-0000-4000-8000-000000000001",
                    quote: "Turbines and moorings, about 61% of the budget.",
                    note: "Compare with the 2019 audit. #energy", paragraph: 5, section: "What the money buys"),
            ],
            orphans: [
                F.highlight(
                    id: "77aa0102-0000-4000-8000-000000000002",
                    quote: "Text that no longer appears in the article.", color: "blue", paragraph: 9,
                    status: .orphan, created: Timestamp(millisecondsSince1970: 1_795_000_000_000)),
            ])
    }

    @Test("The issue's example: front matter, title, section, quote with block id, meta, note, orphans")
    func issueExample() {
        let expected = """
            ---
            title: "Harbor Cities Bet on Tidal Power"
            author: "Mira Okafor"
            source: "Coastal Ledger"
            url: "https://example.org/coastal/tidal-power"
            date: 2026-10-02
            file: "markets-brief.md"
            highlights: 2
            notes: 1
            tags: [energy, harbor]
            updated: 2026-11-24T10:00:00Z
            ---

            # Harbor Cities Bet on Tidal Power

            ## What the money buys

            > Turbines and moorings, about 61% of the budget. ^gloss-3f9a2c

            ¶ 5 · yellow · 2026-11-24

            Compare with the 2019 audit. #energy

            ## Orphaned highlights

            > Text that no longer appears in the article. ^gloss-77aa01

            ¶ 9 · blue · 2026-11-18

            """
        expectSameBytes(MarkdownExport.render(Self.harborDocument()), expected, "the export")
    }

    @Test("Absent metadata leaves no key; no highlights gives no updated, no sections, no orphans heading")
    func emptyDocument() {
        let output = MarkdownExport.render(F.document(title: "Only a title", file: "a.txt"))
        let expected = """
            ---
            title: "Only a title"
            file: "a.txt"
            highlights: 0
            notes: 0
            ---

            # Only a title

            """
        expectSameBytes(output, expected, "the export")
    }

    @Test("Highlights are grouped under their heading; one before any heading goes under the title")
    func sections() throws {
        let document = F.document(highlights: [
            F.highlight(id: F.id(1), quote: "Lead", paragraph: 1),
            F.highlight(id: F.id(2), quote: "First", paragraph: 3, section: "Costs"),
            F.highlight(id: F.id(3), quote: "Second", paragraph: 4, section: "Costs"),
            F.highlight(id: F.id(4), quote: "Third", paragraph: 7, section: "Risks"),
        ])
        let output = MarkdownExport.render(document)
        #expect(output.components(separatedBy: "## Costs").count == 2)
        let lead = try #require(output.range(of: "> Lead"))
        let costs = try #require(output.range(of: "## Costs"))
        let second = try #require(output.range(of: "> Second"))
        let risks = try #require(output.range(of: "## Risks"))
        #expect(lead.upperBound < costs.lowerBound && costs.upperBound < second.lowerBound)
        #expect(second.upperBound < risks.lowerBound)
        let read = try ExportReadBack(output)
        #expect(read.entries.map(\.section) == [nil, "Costs", "Costs", "Risks"])
        #expect(read.strayBlocks.isEmpty)
    }

    @Test("A title heading at the top is not repeated as a section; one after other highlights is")
    func titleHeading() {
        let underTitle = MarkdownExport.render(F.document(title: "Tides", highlights: [
            F.highlight(id: F.id(1), quote: "One", paragraph: 2, section: "Tides"),
            F.highlight(id: F.id(2), quote: "Two", paragraph: 5, section: "Later"),
        ]))
        #expect(!underTitle.contains("## Tides"))
        #expect(underTitle.contains("# Tides\n\n> One ^gloss-000000\n"))
        #expect(underTitle.contains("## Later"))

        let titleLater = MarkdownExport.render(F.document(title: "Tides", highlights: [
            F.highlight(id: F.id(1), quote: "Before", paragraph: 1),
            F.highlight(id: F.id(2), quote: "After", paragraph: 4, section: "Tides"),
        ]))
        #expect(titleLater.contains("\n## Tides\n\n> After"))
    }

    @Test("A multi-paragraph highlight keeps its paragraphs as > lines with a blank > between, and ¶ 4–6")
    func multiParagraph() throws {
        let quote = "First paragraph.\n\nSecond one.\n\nThird."
        let output = MarkdownExport.render(F.document(highlights: [
            F.highlight(id: "abcdef12", quote: quote, paragraph: 4, paragraphEnd: 6),
        ]))
        #expect(output.contains("> First paragraph.\n>\n> Second one.\n>\n> Third. ^gloss-abcdef\n\n¶ 4–6 · yellow · "))
        let read = try ExportReadBack(output)
        #expect(read.entries.first?.quote == ExportExpectation.quote(quote))
    }

    @Test("A line break inside a quote is a hard break (backslash); a note keeps its own line breaks")
    func hardBreaks() throws {
        let output = MarkdownExport.render(F.document(highlights: [
            F.highlight(id: F.id(1), quote: "Roses are red,\nviolets blue", note: "line one\nline two\n\nnext"),
        ]))
        #expect(output.contains("> Roses are red,\\\n> violets blue ^gloss-"))
        #expect(output.contains("\nline one\nline two\n\nnext\n"))
        let entry = try #require(try ExportReadBack(output).entries.first)
        #expect(entry.quote == ExportExpectation.quote("Roses are red,\nviolets blue"))
        #expect(entry.note == ExportExpectation.note("line one\nline two\n\nnext"))
    }

    @Test("A fuzzy highlight is marked for checking in its meta line; exact and mapped ones are not")
    func fuzzyMarker() {
        let output = MarkdownExport.render(F.document(highlights: [
            F.highlight(id: F.id(1), quote: "Exact", paragraph: 1),
            F.highlight(id: F.id(2), quote: "Moved", paragraph: 2, status: .mapped),
            F.highlight(id: F.id(3), quote: "Fuzzy", color: "green", paragraph: 5, status: .fuzzy),
        ]))
        #expect(output.contains("\n¶ 5 · green · 2026-11-24 · (re-anchored, check)\n"))
        #expect(output.components(separatedBy: "(re-anchored, check)").count == 2)
    }

    @Test("Block ids use the first six hex digits of the id, lowercase, and only [a-z0-9-]")
    func blockIDs() throws {
        let ids = ["3F9A2C41-AAAA", "{ab-cd-ef-12}", "xyz", "12"]
        let output = MarkdownExport.render(F.document(highlights: ids.enumerated().map {
            F.highlight(id: $1, quote: "Quote \($0)", paragraph: $0 + 1)
        }))
        let read = try ExportReadBack(output)
        #expect(read.entries.map(\.blockID) == ["gloss-3f9a2c", "gloss-abcdef", "gloss-000000", "gloss-120000"])
        for entry in read.entries {
            #expect(entry.blockID.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        }
    }

    @Test("Dates: the meta line has the UTC day of creation; updated is the newest modification")
    func dates() throws {
        let lateEvening = Timestamp(iso8601: "2026-03-01T23:30:00-05:00")  // 2026-03-02 04:30 UTC
        let newest = try #require(Timestamp(iso8601: "2026-04-05T06:07:08.009Z"))
        let output = MarkdownExport.render(F.document(highlights: [
            F.highlight(id: F.id(1), quote: "A", created: try #require(lateEvening), modified: newest),
            F.highlight(id: F.id(2), quote: "B", created: try #require(lateEvening)),
        ]))
        #expect(output.contains("¶ 1 · yellow · 2026-03-02\n"))
        #expect(output.contains("\nupdated: 2026-04-05T06:07:08.009Z\n"))
        let read = try ExportReadBack(output)
        #expect(read.frontMatter["updated"]?.tag.description == Tag.Name.timestamp.rawValue)
    }

    @Test("Rendering twice gives the same bytes")
    func deterministic() {
        let document = ExportMarkdownRoundTripTests.adversarialDocument()
        let first = MarkdownExport.render(document)
        let second = MarkdownExport.render(document)
        expectSameBytes(second, first, "a second rendering")
        #expect(first.utf8.count > 1000)
    }

    @Test("Unicode passes through unchanged, as NFC: CJK, emoji, right-to-left, combining marks")
    func unicode() throws {
        let decomposed = "Cafe\u{301} ne\u{301}e"
        let quote = "東京の電力 🌊👩🏽‍🔬 مرحبا بالعالم \(decomposed) ก่อน"
        let note = "日本語のメモ #エネルギー 🙂 \(decomposed)"
        let output = MarkdownExport.render(F.document(title: "タイトル \(decomposed)", highlights: [
            F.highlight(id: F.id(1), quote: quote, note: note, section: "Раздел \(decomposed)"),
        ]))
        #expect(ExportExpectation.isNFC(output))
        #expect(output.unicodeScalars.contains("\u{E9}"))
        #expect(!output.unicodeScalars.contains("\u{301}"))
        #expect(output.contains("> 東京の電力 🌊👩🏽‍🔬 مرحبا بالعالم Café née ก่อน ^gloss-"))
        #expect(output.contains("\n日本語のメモ #エネルギー 🙂 Café née\n"))
        let read = try ExportReadBack(output)
        let entry = try #require(read.entries.first)
        #expect(entry.quote == ExportExpectation.quote(quote))
        #expect(entry.note == ExportExpectation.note(note))
        #expect(read.entries.first?.section.map { Array($0.unicodeScalars) } == Array("Раздел Café née".unicodeScalars))
    }

    @Test("Ordinary prose stays readable: tags, snake_case, AT&T, 61%, C#, 3.14 are written as they are")
    func readableProse() {
        let text = "Tags #energy and #to_read, snake_case, AT&T, 61% of it, C# code, 3.14 and (a, b)."
        let output = MarkdownExport.render(F.document(highlights: [F.highlight(id: F.id(1), quote: text, note: text)]))
        #expect(output.contains("> \(text) ^gloss-"))
        #expect(output.contains("\n\(text)\n"))
    }

    @Test("Every paragraph of the export is separated by exactly one blank line; it ends with one newline")
    func spacing() {
        let output = MarkdownExport.render(Self.harborDocument())
        #expect(!output.contains("\n\n\n"))
        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
        #expect(!output.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}
