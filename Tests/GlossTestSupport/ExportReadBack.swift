import GlossCore
import Yams

/// A Markdown export read back as a reader of the file sees it: the body with the app's own
/// CommonMark loader (cmark-gfm), the front matter with Yams. The oracle of the export round-trip
/// tests and of the export fuzz target; problems are thrown as values, so a test fails with them
/// and the fuzz target reports them.
public struct ExportReadBack {
    /// One highlight as a Markdown reader sees it.
    public struct Entry: Equatable {
        public var section: String?
        public var quote: [Unicode.Scalar]
        public var blockID: String
        public var meta: String
        public var note: [Unicode.Scalar]
        public var isOrphan: Bool
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public var frontMatter: [String: Node] = [:]
    public var title = ""
    public var entries: [Entry] = []
    /// Blocks that do not fit the export's shape (a sign that some text escaped its place).
    public var strayBlocks: [Block] = []

    public init(_ markdown: String) throws {
        let article: Article
        do {
            article = try ArticleLoader.load(bytes: Array(markdown.utf8), fileName: "export.md")
        } catch {
            throw Problem("the export does not load: \(error)")
        }
        frontMatter = try Self.frontMatter(of: markdown)
        var blocks = article.blocks[...]
        guard let first = blocks.popFirst(), first.kind == .heading(level: 1) else { throw Problem("no title heading") }
        title = first.text
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
                guard let meta = blocks.popFirst(), meta.kind == .paragraph else { throw Problem("no meta line after a quote") }
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
                strayBlocks.append(block)
            }
        }
    }

    /// A note as a Markdown reader sees it, read alone: notes are exported as written, so what
    /// comes back is the text of the note's own Markdown blocks.
    public static func expectedNote(_ text: String) -> [Unicode.Scalar] {
        guard let markdown = MarkdownNote.markdown(of: ArticleText.nfc(text)),
            let article = try? ArticleLoader.load(bytes: Array(markdown.utf8), fileName: "note.md")
        else { return [] }
        var scalars = Array(article.blocks.map(\.text).joined(separator: "\n\n").unicodeScalars)
        // Alone, a byte order mark at the very start is taken for the file's own and dropped; inside
        // the export it is the note's first character.
        if markdown.unicodeScalars.first == "\u{FEFF}", scalars.first != "\u{FEFF}" { scalars.insert("\u{FEFF}", at: 0) }
        return scalars
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
    public static func frontMatter(of markdown: String) throws -> [String: Node] {
        guard markdown.hasPrefix("---\n") else { throw Problem("no front matter") }
        let rest = markdown.dropFirst(4)
        guard let close = rest.range(of: "\n---\n") else { throw Problem("front matter not closed") }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(rest[..<close.lowerBound]))
        } catch {
            throw Problem("front matter is not YAML: \(error)")
        }
        guard let mapping = root?.mapping else { throw Problem("front matter is not a mapping") }
        var frontMatter: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw Problem("a front matter key is not a string") }
            frontMatter[name] = value
        }
        return frontMatter
    }

    /// The quote without the block id that ends it and the space before the id.
    private static func splitBlockID(_ scalars: [Unicode.Scalar]) throws -> ([Unicode.Scalar], String) {
        let marker = Array("^gloss-".unicodeScalars)
        var start = scalars.count - marker.count
        while start >= 0, !scalars[start..<(start + marker.count)].elementsEqual(marker) { start -= 1 }
        guard start >= 0 else { throw Problem("no block id in \(String(String.UnicodeScalarView(scalars)).debugDescription)") }
        var quote = Array(scalars[..<start])
        if quote.last == " " { quote.removeLast() }
        return (quote, String(String.UnicodeScalarView(scalars[(start + 1)...])))
    }

    /// A front matter value as a string, if it is a scalar.
    public func string(_ key: String) -> String? {
        frontMatter[key]?.scalar?.string
    }
}
