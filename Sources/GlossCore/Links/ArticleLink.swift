/// One numbered link of an article, as the reader's markers and link list show it.
public struct ArticleLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link
        case image
        case enclosure
    }

    /// 1-based, in reading order; enclosures come after the links of the text.
    public var number: Int
    /// The block holding the link; nil for an enclosure.
    public var block: Int?
    /// The scalar range of the link's text in its block (empty for an enclosure).
    public var range: Range<Int>
    public var url: String
    public var kind: Kind
    /// The link's text, an image's alt text, or `enclosure audio/mpeg 42 MB`.
    public var label: String

    public init(number: Int, block: Int?, range: Range<Int>, url: String, kind: Kind, label: String) {
        self.number = number
        self.block = block
        self.range = range
        self.url = url
        self.kind = kind
        self.label = label
    }
}

extension Article {
    /// Every link of the article, numbered in reading order: the links and images of the blocks,
    /// then the enclosures. Linear in the number of links.
    public var numberedLinks: [ArticleLink] {
        var links: [ArticleLink] = []
        for (index, block) in blocks.enumerated() where !block.links.isEmpty {
            let scalars = Array(block.text.unicodeScalars)
            for link in block.links {
                let lower = max(0, min(link.range.lowerBound, scalars.count))
                let upper = max(lower, min(link.range.upperBound, scalars.count))
                var text = String(String.UnicodeScalarView(scalars[lower..<upper]))
                let kind: ArticleLink.Kind = link.kind == .image ? .image : .link
                if kind == .image { text = Self.altText(ofImageText: text) }
                links.append(ArticleLink(
                    number: links.count + 1, block: index, range: link.range, url: link.url, kind: kind,
                    label: Self.collapsed(text)))
            }
        }
        for enclosure in metadata.enclosures {
            links.append(ArticleLink(
                number: links.count + 1, block: nil, range: 0..<0, url: enclosure.url, kind: .enclosure,
                label: enclosure.label))
        }
        return links
    }

    /// `chart` for the `[image: chart]` text an image is shown as.
    static func altText(ofImageText text: String) -> String {
        var alt = Substring(text)
        if alt.hasPrefix("[image: ") { alt = alt.dropFirst(8) } else if alt.hasPrefix("[image") { alt = alt.dropFirst(6) }
        if alt.hasSuffix("]") { alt = alt.dropLast() }
        return String(alt)
    }

    /// Runs of whitespace (line breaks included) as one space, without spaces at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
