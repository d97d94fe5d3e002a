/// What an export of one article's notes contains, independent of the output format: the
/// article's metadata and its live highlights, in reading order, each with the heading it falls
/// under. Built once and rendered as Markdown (built-in or a Mustache template) or W3C JSON-LD.
public struct ExportDocument: Sendable, Hashable {
    public var article: ExportArticle
    /// Anchored highlights (`exact`, `mapped`, `fuzzy`) in reading order.
    public var highlights: [ExportHighlight]
    /// Highlights that could not be re-anchored; exported last, never dropped.
    public var orphans: [ExportHighlight]

    public init(article: ExportArticle, highlights: [ExportHighlight], orphans: [ExportHighlight]) {
        self.article = article
        self.highlights = highlights
        self.orphans = orphans
    }

    /// The export of `annotations` (re-anchored on `article`'s current text; tombstones are
    /// skipped) of the article stored at `file` (its path relative to the articles directory).
    public init(article: Article, file: String, fingerprint: String, annotations: [Annotation]) {
        let live = AnnotationMerge.sorted(annotations.filter { !$0.deleted })
        let headings = article.blocks.indices.filter { article.blocks[$0].isHeading }
        func section(of block: Int) -> String? {
            // The last heading at or before the block; a highlight of a heading is under itself.
            var low = 0
            var high = headings.count - 1
            var found: Int?
            while low <= high {
                let mid = (low + high) / 2
                if headings[mid] <= block {
                    found = headings[mid]
                    low = mid + 1
                } else {
                    high = mid - 1
                }
            }
            return found.map { article.blocks[$0].text }
        }
        let anchored = live.filter { $0.anchor.status != .orphan }
        let orphaned = live.filter { $0.anchor.status == .orphan }
        var tags: [String] = []
        var seen = Set<String>()
        for tag in article.metadata.tags + live.flatMap(\.tags) where seen.insert(tag).inserted {
            tags.append(tag)
        }
        self.article = ExportArticle(
            title: article.metadata.title, author: article.metadata.author, source: article.metadata.source,
            url: article.metadata.url, date: article.metadata.date, file: file, fingerprint: fingerprint,
            tags: tags, updated: live.map(\.modified).max())
        let blockStarts = ExportLink.blockStarts(of: article)
        self.highlights = anchored.map { annotation in
            var highlight = ExportHighlight(annotation, section: section(of: annotation.anchor.blockIndex))
            if let blockStarts {
                highlight.links = ExportLink.links(in: article, blockStarts: blockStarts, anchor: annotation.anchor)
            }
            return highlight
        }
        self.orphans = orphaned.map { ExportHighlight($0, section: nil) }
    }

    /// Highlights and orphans together.
    public var highlightCount: Int { highlights.count + orphans.count }
    /// How many of them have a non-empty note.
    public var noteCount: Int { (highlights + orphans).filter { !$0.note.isEmpty }.count }
}

/// The article part of an export.
public struct ExportArticle: Sendable, Hashable {
    public var title: String
    public var author: String?
    public var source: String?
    public var url: String?
    public var date: String?
    /// The article's path relative to the articles directory.
    public var file: String
    /// SHA-256 of the normalized text the highlights are anchored on.
    public var fingerprint: String
    /// The article's own tags, then the notes' tags, each once, in order of first appearance.
    public var tags: [String]
    /// The newest `modified` time of the exported annotations; nil when there are none.
    public var updated: Timestamp?

    public init(
        title: String, author: String? = nil, source: String? = nil, url: String? = nil, date: String? = nil,
        file: String, fingerprint: String, tags: [String] = [], updated: Timestamp? = nil
    ) {
        self.title = title
        self.author = author
        self.source = source
        self.url = url
        self.date = date
        self.file = file
        self.fingerprint = fingerprint
        self.tags = tags
        self.updated = updated
    }
}

/// One highlight in an export.
public struct ExportHighlight: Sendable, Hashable {
    public var id: String
    /// The highlighted text; paragraphs of a multi-paragraph highlight are separated by "\n\n".
    public var quote: String
    public var note: String
    public var tags: [String]
    public var color: String
    /// 1-based `¶` of the first and last paragraph covered.
    public var paragraph: Int
    public var paragraphEnd: Int
    /// The text of the heading the highlight falls under; nil before any heading (and for orphans).
    public var section: String?
    public var created: Timestamp
    public var modified: Timestamp
    public var status: AnchorStatus
    /// The full anchor, for formats that carry selectors (W3C JSON).
    public var anchor: AnnotationAnchor
    /// The links inside the quote, in order, not overlapping.
    public var links: [ExportLink] = []

    public init(_ annotation: Annotation, section: String?) {
        self.id = annotation.id
        self.quote = annotation.anchor.quote.exact
        self.note = annotation.note
        self.tags = annotation.tags
        self.color = annotation.color
        self.paragraph = annotation.anchor.blockIndex + 1
        self.paragraphEnd = annotation.anchor.blockEnd + 1
        self.section = section
        self.created = annotation.created
        self.modified = annotation.modified
        self.status = annotation.anchor.status
        self.anchor = annotation.anchor
    }

    /// The Obsidian block id: `gloss-` and the first 6 hex digits of the id (only `[a-z0-9-]`).
    public var blockID: String {
        let hex = id.lowercased().filter { $0.isHexDigit }
        let six = String(hex.prefix(6))
        return "gloss-" + (six.count == 6 ? six : String((six + "000000").prefix(6)))
    }
}
