import PropertyBased
import Testing

@testable import GlossCore
import GlossTestSupport

/// Random quotes, notes, sections and titles drawn from a hazard-heavy alphabet always render
/// back to exactly themselves.
@Suite("Markdown export: random text round trip")
struct ExportMarkdownPropertyTests {
    typealias F = ExportFixture

    /// Pieces of text that mean something to Markdown, YAML or Unicode, mixed with plain letters.
    static let pieces: [String] = [
        "a", "b", "Z", "7", "word", " ", "  ", "\t", "\n", "\n\n", "\n\n\n",
        "*", "_", "`", "[", "]", "(", ")", "<", ">", "!", "&", "&amp;", "&#", "&#x41;", ";", "#", "# ", "##",
        "-", "- ", "+ ", "=", "1.", "2)", "\\", "|", "^", "$", "%", "~", ":", ": ", "'", "\"", "{", "}", "@", ".",
        "漢", "字", "😀", "👩🏽‍🔬", "🇯🇵", "ש", "ل", "\u{301}", "e\u{301}", "\u{338}", "\u{200D}", "\u{FE0F}", "ก่",
        "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\r", "\u{0B}", "\u{A0}", "\u{3000}", "\u{2028}", "\u{FEFF}",
        "www.x.org", "http://a.b/c_d", "a@b.co", "---", "===", "```", "~~~", "    ", "#tag", " #tag", "^gloss-abc123",
        "<div>", "</b>", "<!--", "[[", "]]", "![", "](", "\\\n", "  \n", " \n", "\n:--", "\n--:", "\n:-:\n",
    ]

    static let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...20).map { $0.joined() }

    @Test("A random quote renders back to exactly itself; a random note is written as its own Markdown and leaves the export's shape whole")
    func quoteAndNote() async {
        await propertyCheck(count: 400, input: Self.text, Self.text, Self.text) { quote, note, section in
            let document = F.document(highlights: [
                F.highlight(id: F.id(1), quote: "plain before", paragraph: 1),
                F.highlight(id: F.id(2), quote: quote, note: note, paragraph: 2, section: "S " + section),
                F.highlight(id: F.id(3), quote: "plain after", note: note, paragraph: 3, section: "S " + section),
            ], orphans: [F.highlight(id: F.id(4), quote: note, note: "plain", status: .orphan)])
            let output = MarkdownExport.render(document)
            #expect(ExportExpectation.isNFC(output))
            if let written = MarkdownNote.markdown(of: ArticleText.nfc(note)) {
                #expect(output.contains("\n\n" + written + "\n"), "note \(note.debugDescription)")
            }
            do {
                // Whatever the note holds, every highlight after it is still found whole.
                let read = try ExportReadBack(output)
                try #require(read.entries.count == 4)
                #expect(read.entries[1].quote == ExportExpectation.quote(quote), "quote \(quote.debugDescription)")
                // A note ending in a block quote reads as one quote run with the next highlight's
                // (blocks don't keep where one block quote ends): its quote ends that run.
                #expect(read.entries[2].quote.ends(with: ExportExpectation.quote("plain after")), "note \(note.debugDescription)")
                #expect(read.entries[2].meta.hasPrefix("¶ 3 · yellow"), "note \(note.debugDescription)")
                #expect(read.entries[3].quote == ExportExpectation.quote(note), "orphan quote \(note.debugDescription)")
                #expect(read.entries[3].note == ExportExpectation.note("plain"))
                #expect(read.entries[3].isOrphan)
                let heading = ArticleText.nfc("S " + section).unicodeScalars.map { $0 == "\n" ? " " : $0 }
                #expect(read.entries[1].section.map { Array($0.unicodeScalars) } == heading)
                #expect(read.entries.map(\.blockID) == (1...4).map { _ in "gloss-000000" })
            } catch {
                Issue.record("export does not read back (\(error)): \(output.debugDescription)")
            }
        }
    }

    /// Found by the property above: a combining mark joins the last `-` of `<!--` into one
    /// character, but CommonMark still opens a comment there, which swallowed every highlight after.
    @Test("A raw HTML opener followed by a combining mark is guarded like any other", arguments: [
        "<!--\u{301}", "<!-\u{301}-", "<script\u{301}", "<?\u{301}", "<!a\u{301}", "<![CDATA[\u{301}",
    ])
    func htmlOpenerWithACombiningMark(note: String) throws {
        let document = F.document(highlights: [
            F.highlight(id: F.id(1), quote: "plain before", paragraph: 1),
            F.highlight(id: F.id(2), quote: "middle", note: note, paragraph: 2),
            F.highlight(id: F.id(3), quote: "plain after", note: note, paragraph: 3),
        ], orphans: [F.highlight(id: F.id(4), quote: "gone", note: "plain", status: .orphan)])
        let read = try ExportReadBack(MarkdownExport.render(document))
        #expect(read.entries.count == 4)
        #expect(read.entries.last?.isOrphan == true)
    }

    @Test("A random title and metadata parse back from the front matter")
    func frontMatter() async {
        await propertyCheck(count: 300, input: Self.text, Self.text) { title, tag in
            let output = MarkdownExport.render(F.document(
                title: title, author: tag, url: title, date: tag, file: title,
                tags: tag.isEmpty ? [] : [tag, "plain"]))
            do {
                let frontMatter = try ExportReadBack.frontMatter(of: output)
                for key in ["title", "url", "file"] {
                    #expect(
                        frontMatter[key]?.scalar.map { Array($0.string.unicodeScalars) } == ExportExpectation.yaml(title),
                        "\(key) \(title.debugDescription)")
                }
                for key in ["author", "date"] {
                    #expect(
                        frontMatter[key]?.scalar.map { Array($0.string.unicodeScalars) } == ExportExpectation.yaml(tag),
                        "\(key) \(tag.debugDescription)")
                }
                if !tag.isEmpty {
                    let items = frontMatter["tags"]?.sequence?.map { Array(($0.scalar?.string ?? "").unicodeScalars) }
                    #expect(items == [ExportExpectation.yaml(tag), Array("plain".unicodeScalars)], "tag \(tag.debugDescription)")
                }
            } catch {
                Issue.record("front matter does not parse (\(error)): \(output.debugDescription)")
            }
        }
    }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
