import GlossCore

/// The lines above ¶ 1: the title, then `author · source · date` and the article's URL (dim),
/// its enclosures, then a rule. They are drawn before the first block's lines but are not a
/// block, so `¶` numbers, offsets and annotations never count them.
public struct BylineHeader: Hashable, Sendable {
    public var title: String
    public var byline: String?
    public var url: String?
    public var enclosures: [String]

    public init(title: String, byline: String? = nil, url: String? = nil, enclosures: [String] = []) {
        self.title = title
        self.byline = byline
        self.url = url
        self.enclosures = enclosures
    }

    public init(_ metadata: ArticleMetadata) {
        let parts = [metadata.author, metadata.source, metadata.date].compactMap { $0 }.filter { !$0.isEmpty }
        self.init(
            title: metadata.title, byline: parts.isEmpty ? nil : parts.joined(separator: " · "),
            url: metadata.url, enclosures: metadata.enclosures.map(\.label))
    }

    /// The header's lines at `width`; enclosure `i` is shown with marker `[enclosureNumbers[i]]`
    /// when given. Everything from the article goes through the terminal-safe filter.
    func lines(width: Int, enclosureNumbers: [Int]?) -> [RenderedLine] {
        let width = max(1, width)
        var lines = TextWrapper.wrap(title, width: width).map { line in
            RenderedLine(prefix: line.glyphs.map(\.text).joined(), text: nil, role: .headerTitle)
        }
        func dim(_ text: String) {
            for line in TextWrapper.wrap(text, width: width) {
                lines.append(RenderedLine(prefix: line.glyphs.map(\.text).joined(), text: nil, role: .headerByline))
            }
        }
        if let byline { dim(byline) }
        if let url, !url.isEmpty { dim(url) }
        for (index, label) in enclosures.enumerated() {
            let number = enclosureNumbers.flatMap { $0.indices.contains(index) ? " [\($0[index])]" : nil } ?? ""
            dim(label + number)
        }
        lines.append(RenderedLine(prefix: String(repeating: "─", count: width), text: nil, role: .headerRule))
        lines.append(RenderedLine(prefix: "", text: nil, role: .separator))
        return lines
    }
}
