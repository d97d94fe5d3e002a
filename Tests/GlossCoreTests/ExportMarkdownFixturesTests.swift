import Foundation
import Testing
import Yams

@testable import GlossCore

/// Builds export documents and reads Markdown exports back the way a reader of the file would:
/// front matter with Yams, the body with the app's own CommonMark loader (cmark-gfm).
enum ExportFixture {
    static let created = Timestamp(millisecondsSince1970: 1_795_514_400_000)  // 2026-11-24T10:00:00Z

    static func highlight(
        id: String, quote: String, note: String = "", color: String = "yellow", paragraph: Int = 1,
        paragraphEnd: Int? = nil, section: String? = nil, status: AnchorStatus = .exact,
        created: Timestamp = ExportFixture.created, modified: Timestamp? = nil
    ) -> ExportHighlight {
        let anchor = AnnotationAnchor(
            quote: TextQuoteSelector(exact: quote), position: TextPositionSelector(start: 0, end: 0),
            blockIndex: paragraph - 1, blockEnd: (paragraphEnd ?? paragraph) - 1, status: status)
        let annotation = Annotation(
            id: id, created: created, modified: modified, color: color, note: note, anchor: anchor)
        return ExportHighlight(annotation, section: section)
    }

    static func document(
        title: String = "A title", author: String? = nil, source: String? = nil, url: String? = nil,
        date: String? = nil, file: String = "article.md", tags: [String] = [],
        highlights: [ExportHighlight] = [], orphans: [ExportHighlight] = []
    ) -> ExportDocument {
        let all = highlights + orphans
        let article = ExportArticle(
            title: title, author: author, source: source, url: url, date: date, file: file,
            fingerprint: "0000", tags: tags, updated: all.map(\.modified).max())
        return ExportDocument(article: article, highlights: highlights, orphans: orphans)
    }

    /// A UUID-like id whose block id is predictable.
    static func id(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex + "-0000-4000-8000-000000000000"
    }
}

/// An export read back: its front matter and, per highlight, the texts a Markdown reader sees.
struct ExportReadBack {
    struct Entry: Equatable {
        var section: String?
        var quote: [Unicode.Scalar]
        var blockID: String
        var meta: String
        var note: [Unicode.Scalar]
        var isOrphan: Bool
    }

    var frontMatter: [String: Node]
    var title: String
    var entries: [Entry]
    /// Blocks that do not fit the export's shape (a sign that some text escaped its place).
    var strayBlocks: [Block]

    init(_ markdown: String) throws {
        let bytes = Array(markdown.utf8)
        let article = try ArticleLoader.load(bytes: bytes, fileName: "export.md")
        frontMatter = try Self.frontMatter(of: markdown)

        var blocks = article.blocks[...]
        var stray: [Block] = []
        let popped = blocks.popFirst()
        let first = try #require(popped)
        #expect(first.kind == .heading(level: 1))
        title = first.text
        var entries: [Entry] = []
        var section: String?
        var inOrphans = false
        while let block = blocks.popFirst() {
            switch block.kind {
            case .heading(level: 2):
                if block.text == "Orphaned highlights" && blocks.allSatisfy({ !$0.isHeading }) {
                    inOrphans = true
                    section = nil
                } else {
                    section = block.text
                }
            case .quote(depth: 0):
                var quote = [block.text]
                while let next = blocks.first, next.kind == .quote(depth: 0) {
                    quote.append(next.text)
                    blocks.removeFirst()
                }
                let (text, blockID) = try Self.splitBlockID(Array(quote.joined(separator: "\n\n").unicodeScalars))
                let nextBlock = blocks.popFirst()
                let meta = try #require(nextBlock, "no meta line after a quote")
                #expect(meta.kind == .paragraph)
                // A note is Markdown: any blocks, up to the next highlight or section.
                var note: [String] = []
                while let next = blocks.first, next.kind != .heading(level: 2), !Self.startsHighlight(blocks) {
                    note.append(next.text)
                    blocks.removeFirst()
                }
                entries.append(Entry(
                    section: section, quote: text, blockID: blockID, meta: meta.text,
                    note: Array(note.joined(separator: "\n\n").unicodeScalars), isOrphan: inOrphans))
            default:
                stray.append(block)
            }
        }
        self.entries = entries
        self.strayBlocks = stray
    }

    /// Whether `blocks` start with a highlight: quote paragraphs, the last ending in a block id,
    /// then the meta line.
    static func startsHighlight(_ blocks: ArraySlice<Block>) -> Bool {
        var index = blocks.startIndex
        while index < blocks.endIndex, blocks[index].kind == .quote(depth: 0) { index += 1 }
        guard index > blocks.startIndex, index < blocks.endIndex else { return false }
        return blocks[index - 1].text.contains("^gloss-") && blocks[index].kind == .paragraph
            && blocks[index].text.hasPrefix("¶ ")
    }

    /// The front matter's keys and values, parsed with Yams.
    static func frontMatter(of markdown: String) throws -> [String: Node] {
        let opening = "---\n"
        #expect(markdown.hasPrefix(opening))
        let rest = markdown.dropFirst(opening.count)
        let close = try #require(rest.range(of: "\n---\n"))
        let root = try #require(try Yams.compose(yaml: String(rest[..<close.lowerBound])))
        var frontMatter: [String: Node] = [:]
        for (key, value) in try #require(root.mapping) {
            frontMatter[try #require(key.string)] = value
        }
        return frontMatter
    }

    /// The quote without the block id that ends it and the space before the id.
    private static func splitBlockID(_ scalars: [Unicode.Scalar]) throws -> ([Unicode.Scalar], String) {
        let marker = Array("^gloss-".unicodeScalars)
        var start = scalars.count - marker.count
        while start >= 0, !scalars[start..<(start + marker.count)].elementsEqual(marker) { start -= 1 }
        try #require(start >= 0, "no block id in \(String(String.UnicodeScalarView(scalars)))")
        var quote = Array(scalars[..<start])
        if quote.last == " " { quote.removeLast() }
        return (quote, String(String.UnicodeScalarView(scalars[(start + 1)...])))
    }

    func string(_ key: String) -> String? {
        frontMatter[key]?.scalar?.string
    }
}

/// What the export promises to render back: the text in NFC; for a note, without the line
/// breaks at its end (a Markdown paragraph cannot end in one).
enum ExportExpectation {
    static func quote(_ text: String) -> [Unicode.Scalar] {
        Array(ArticleText.nfc(text).unicodeScalars)
    }

    /// A note as its own Markdown reads, alone: notes are exported as written.
    static func note(_ text: String) -> [Unicode.Scalar] {
        guard let markdown = MarkdownNote.markdown(of: ArticleText.nfc(text)),
            let article = try? ArticleLoader.load(bytes: Array(markdown.utf8), fileName: "note.md")
        else { return [] }
        return Array(article.blocks.map(\.text).joined(separator: "\n\n").unicodeScalars)
    }

    /// A front matter value as Yams reads it back: Yams decodes scalars with Foundation, which
    /// drops a byte order mark at the start of a string (a reader's quirk; the file holds it).
    static func yaml(_ text: String) -> [Unicode.Scalar] {
        var scalars = quote(text)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return scalars
    }

    static func isNFC(_ text: String) -> Bool {
        Array(ArticleText.nfc(text).unicodeScalars) == Array(text.unicodeScalars)
    }
}

/// Compares `actual` with `Golden/<name>`, byte for byte; `RECORD_GOLDEN=1` writes it instead.
func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: file)
        return
    }
    guard let data = try? Data(contentsOf: file) else {
        Issue.record("missing golden \(name); run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    guard let diff = lineDiff(expected: String(decoding: data, as: UTF8.self), actual: actual) else { return }
    Issue.record("golden \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
}

/// Checks that two texts are the same bytes; a mismatch reports the differing lines.
func expectSameBytes(
    _ actual: String, _ expected: String, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let diff = lineDiff(expected: expected, actual: actual) else { return }
    Issue.record("\(context) differs:\n\(diff)", sourceLocation: sourceLocation)
}

/// The first differing lines of two texts, compared byte for byte; nil when they are the same bytes.
func lineDiff(expected: String, actual: String) -> String? {
    guard Array(expected.utf8) != Array(actual.utf8) else { return nil }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(old.count, new.count) {
        let before = index < old.count ? String(old[index]) : "<none>"
        let after = index < new.count ? String(new[index]) : "<none>"
        if Array(before.utf8) != Array(after.utf8) {
            diff.append("line \(index + 1):\n  - \(before.debugDescription)\n  + \(after.debugDescription)")
        }
    }
    return diff.prefix(12).joined(separator: "\n")
}
