import GlossCore

/// An article open in the reader: its layout, the focused block, the scroll position and search.
public struct ReaderState {
    public var relativePath: String
    public var article: Article
    public let layout: ArticleLayout
    /// The focused block (0-based; shown as ¶ focus+1).
    public var focus: Int
    public var viewport: Viewport
    public var search: SearchState?
    /// Block indices of headings, for `]` and `[`.
    public let headings: [Int]
    public var annotations: ReaderAnnotations
    /// Only the opening of the article is loaded (see `OpenedArticle.isPartial`).
    public var isPartial = false

    public init(
        relativePath: String, article: Article, textWidth: Int, viewHeight: Int, focus: Int = 0,
        annotations: ReaderAnnotations? = nil, header: BylineHeader? = nil, linkMarkers: Bool = false
    ) {
        self.relativePath = relativePath
        self.article = article
        self.annotations = annotations ?? ReaderAnnotations(annotations: [], text: ArticleText(article))
        self.layout = ArticleLayout(blocks: article.blocks, width: textWidth, header: header, showsLinkMarkers: linkMarkers)
        self.focus = article.blocks.isEmpty ? 0 : max(0, min(focus, article.blocks.count - 1))
        self.viewport = Viewport(height: viewHeight)
        self.headings = article.blocks.indices.filter { article.blocks[$0].isHeading }
        if !article.blocks.isEmpty { self.viewport.reveal(block: self.focus, in: layout) }
    }

    public var blockCount: Int { article.blocks.count }

    /// Percent of the article read, by focused block; 100 at the last block.
    public var percent: Int {
        guard blockCount > 1 else { return blockCount == 1 ? 100 : 0 }
        return (focus * 100) / (blockCount - 1)
    }

    public mutating func focus(on block: Int) {
        guard blockCount > 0 else { return }
        focus = max(0, min(block, blockCount - 1))
        viewport.reveal(block: focus, in: layout)
    }

    /// Re-lays out for a new text area, keeping the focused block on screen.
    public mutating func resize(textWidth: Int, viewHeight: Int) {
        layout.setWidth(textWidth)
        viewport.height = max(1, viewHeight)
        guard blockCount > 0 else { return }
        viewport.top = LinePosition(block: min(viewport.top.block, blockCount - 1), line: 0)
        viewport.reveal(block: focus, in: layout)
    }
}

/// The active search: its query and the match the focus is on.
public struct SearchState: Hashable, Sendable {
    public var query: String
    public var current: SearchMatch?

    public init(query: String, current: SearchMatch? = nil) {
        self.query = query
        self.current = current
    }
}
