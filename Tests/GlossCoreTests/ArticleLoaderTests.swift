import Testing

@testable import GlossCore

/// Loads UTF-8 text as a file with the given name.
func loadArticle(_ text: String, fileName: String = "article.txt") throws -> Article {
    try ArticleLoader.load(bytes: Array(text.utf8), fileName: fileName)
}

/// Loads Markdown text.
func loadMarkdown(_ text: String) throws -> Article {
    try loadArticle(text, fileName: "article.md")
}

/// Greedily wraps words into lines of at most `width` characters, as `fmt` or an editor would.
func hardWrap(_ paragraph: String, width: Int = 72) -> String {
    var lines: [String] = []
    var line = ""
    for word in paragraph.split(separator: " ") {
        if line.isEmpty {
            line = String(word)
        } else if line.count + 1 + word.count <= width {
            line += " " + word
        } else {
            lines.append(line)
            line = String(word)
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}

let sampleSentences = [
    "The council met on Tuesday evening to debate the budget for the coming year.",
    "Several residents spoke against the proposal, citing rising costs and slow repairs.",
    "Officials said the new plan would be published next week after a final review.",
    "Local businesses welcomed the decision but asked for clearer timelines.",
    "A spokesperson declined to comment on the details of the negotiations.",
]

/// A paragraph of realistic prose of about `sentences` sentences.
func prose(_ sentences: Int, offset: Int = 0) -> String {
    (0..<sentences).map { sampleSentences[($0 + offset) % sampleSentences.count] }.joined(separator: " ")
}

@Suite("ArticleLoader entry points")
struct ArticleLoaderTests {
    @Test("Markdown is chosen by the .md and .markdown extensions, in any case")
    func formatByExtension() {
        #expect(ArticleLoader.isMarkdown(fileName: "a.md"))
        #expect(ArticleLoader.isMarkdown(fileName: "dir/A.MARKDOWN"))
        #expect(ArticleLoader.isMarkdown(fileName: "notes.Md"))
        #expect(!ArticleLoader.isMarkdown(fileName: "a.txt"))
        #expect(!ArticleLoader.isMarkdown(fileName: "md"))
        #expect(!ArticleLoader.isMarkdown(fileName: "a.md.txt"))
        #expect(!ArticleLoader.isMarkdown(fileName: "dir.md/readme"))
    }

    @Test("The same Markdown-looking text is interpreted only in a Markdown file")
    func sameTextTwoFormats() throws {
        let text = "## Heading\n\nSome *emphasis* here.\n"
        let markdown = try loadArticle(text, fileName: "x.markdown")
        #expect(markdown.format == .markdown)
        #expect(markdown.blocks.map(\.kind) == [.heading(level: 2), .paragraph])
        #expect(markdown.blocks[1].text == "Some emphasis here.")

        let plain = try loadArticle(text, fileName: "x.text")
        #expect(plain.format != .markdown)
        #expect(plain.blocks.map(\.text) == ["## Heading", "Some *emphasis* here."])
        #expect(plain.blocks.allSatisfy { $0.spans.isEmpty })
    }

    @Test("Array, raw buffer, slice and generic collection entry points agree")
    func entryPointsAgree() throws {
        let bytes = Array("# Title\n\nHello *there* 👋\n".utf8)
        let fromArray = try ArticleLoader.load(bytes: bytes, fileName: "a.md")
        let fromRaw = try bytes.withUnsafeBytes { raw in try ArticleLoader.load(bytes: raw, fileName: "a.md") }
        let fromSlice = try ArticleLoader.load(bytes: bytes[...], fileName: "a.md")
        // Not contiguous: goes through the copying path.
        let fromSequence = try ArticleLoader.load(bytes: bytes.lazy.map { $0 }, fileName: "a.md")
        #expect(fromArray.blocks.count == 2)
        #expect(fromRaw == fromArray)
        #expect(fromSlice == fromArray)
        #expect(fromSequence == fromArray)
    }
}
