/// A link inside an exported highlight's quote: `[text](url)` in Markdown, `{text, url}` in the
/// W3C JSON (`gloss:links`), `![alt](src)` for an image.
public struct ExportLink: Sendable, Hashable {
    /// The linked text as it appears in the quote; an image's alt text.
    public var text: String
    public var url: String
    public var isImage: Bool
    /// Unicode-scalar offsets of the linked text in the quote (for an image, of `[image: alt]`).
    public var range: Range<Int>

    public init(text: String, url: String, isImage: Bool = false, range: Range<Int>) {
        self.text = text
        self.url = url
        self.isImage = isImage
        self.range = range
    }

    /// Where each block starts in the article's normalized text, for locating links; nil when
    /// the article has no links at all (the common case costs nothing).
    static func blockStarts(of article: Article) -> [Int]? {
        guard article.blocks.contains(where: { !$0.links.isEmpty }) else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(article.blocks.count)
        var offset = 0
        for block in article.blocks {
            starts.append(offset)
            offset += block.text.unicodeScalars.count + ArticleText.separatorLength
        }
        return starts
    }

    /// The links of `article` inside the highlight `anchor`, clipped to it, with offsets in its
    /// quote. An image counts only when all of its `[image: alt]` is highlighted. Links are left
    /// out when the quote is not the article's text at the anchor (a fuzzy match).
    static func links(in article: Article, blockStarts: [Int], anchor: AnnotationAnchor) -> [ExportLink] {
        let quote = Array(anchor.quote.exact.unicodeScalars)
        let selected = anchor.position.range
        guard anchor.blockIndex >= 0, anchor.blockEnd < article.blocks.count, anchor.blockIndex <= anchor.blockEnd,
            selected.count == quote.count
        else { return [] }
        var found: [ExportLink] = []
        for blockIndex in anchor.blockIndex...anchor.blockEnd {
            let block = article.blocks[blockIndex]
            guard !block.links.isEmpty else { continue }
            let scalars = Array(block.text.unicodeScalars)
            for link in block.links where link.range.upperBound <= scalars.count {
                let start = blockStarts[blockIndex]
                let linked = (start + link.range.lowerBound)..<(start + link.range.upperBound)
                let clipped = linked.clamped(to: selected)
                guard !clipped.isEmpty else { continue }
                let isImage = link.kind == .image
                if isImage, clipped != linked { continue }
                let inQuote = (clipped.lowerBound - selected.lowerBound)..<(clipped.upperBound - selected.lowerBound)
                let inBlock = (clipped.lowerBound - start)..<(clipped.upperBound - start)
                guard quote[inQuote].elementsEqual(scalars[inBlock]) else { return [] }
                var text = String(String.UnicodeScalarView(quote[inQuote]))
                if isImage { text = Article.altText(ofImageText: text) }
                found.append(ExportLink(text: text, url: link.url, isImage: isImage, range: inQuote))
            }
        }
        // Nested links (an image inside a link) cannot both be written: the outer one is kept.
        var kept: [ExportLink] = []
        for link in found.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) })
        where kept.last.map({ $0.range.upperBound <= link.range.lowerBound }) ?? true {
            kept.append(link)
        }
        return kept
    }
}
