/// Metadata from front matter, or derived when absent.
public struct ArticleMetadata: Sendable, Hashable {
    public var title: String
    public var author: String?
    public var source: String?
    public var date: String?
    public var url: String?
    public var tags: [String]
    /// Media files of a feed entry (front matter `enclosures:`).
    public var enclosures: [Enclosure] = []
    /// The path of the article this one was saved from (front matter `via:`).
    public var via: String?

    public init(
        title: String, author: String? = nil, source: String? = nil,
        date: String? = nil, url: String? = nil, tags: [String] = []
    ) {
        self.title = title
        self.author = author
        self.source = source
        self.date = date
        self.url = url
        self.tags = tags
    }
}

/// How the text of a file was laid out, detected when it is loaded.
public enum ArticleFormat: String, Sendable, Hashable {
    /// Plain text with one paragraph per line.
    case plainLines
    /// Plain text hard-wrapped, paragraphs separated by blank lines.
    case plainWrapped
    case markdown
}

/// A loaded article: metadata and its blocks in reading order.
/// Block `i` (0-based) is shown to the user as `¶ i+1`.
public struct Article: Sendable, Hashable {
    public var metadata: ArticleMetadata
    public var format: ArticleFormat
    public var blocks: [Block]
    /// Non-fatal problems found while loading (invalid UTF-8 replaced, front matter ignored, …).
    public var warnings: [String]

    public init(metadata: ArticleMetadata, format: ArticleFormat, blocks: [Block], warnings: [String] = []) {
        self.metadata = metadata
        self.format = format
        self.blocks = blocks
        self.warnings = warnings
    }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Total words over all blocks, counted as runs of non-whitespace;
    /// CJK ideographs count one word each, as reading-time estimates usually do.
    public var wordCount: Int {
        blocks.reduce(0) { $0 + WordCounter.count($1.text) }
    }
}

/// Counts words for reading-time estimates.
public enum WordCounter {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if isIdeograph(scalar) {
                words += 1
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
        return words
    }

    /// Minutes to read at 230 words a minute, at least 1 for a non-empty text.
    public static func minutes(forWords words: Int) -> Int {
        words == 0 ? 0 : max(1, (words + 115) / 230)
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
