/// Accumulates a block's plain text and its inline styles while a document is walked.
///
/// Spans come out flat: sorted, non-overlapping, each carrying the union of the styles open over
/// it (`**a *b***` gives `a` strong and `b` strong+emphasis). Offsets count Unicode scalars.
struct InlineTextBuilder: Sendable {
    private(set) var text = ""
    private(set) var scalarCount = 0
    private(set) var spans: [InlineSpan] = []
    /// The union of the styles open at each level, so closing one is constant time however deep
    /// the nesting (cmark-gfm nests emphasis as deep as the input asks).
    private var openStyles: [InlineStyle] = []
    private var style: InlineStyle = []
    private(set) var links: [InlineLink] = []
    /// Links being read: where each started, its target and kind.
    private var openLinks: [(start: Int, url: String, kind: InlineLink.Kind)] = []

    var isEmpty: Bool { scalarCount == 0 }

    /// Starts a styled run; everything appended until the matching `popStyle()` carries it.
    mutating func pushStyle(_ added: InlineStyle) {
        style.formUnion(added)
        openStyles.append(style)
    }

    mutating func popStyle() {
        guard !openStyles.isEmpty else { return }
        openStyles.removeLast()
        style = openStyles.last ?? []
    }

    /// Starts a link (or image) to `url`; everything appended until `closeLink()` is its text.
    mutating func openLink(_ url: String, kind: InlineLink.Kind) {
        openLinks.append((scalarCount, url, kind))
    }

    /// Ends the innermost open link. Links without a target lead nowhere and are not kept.
    mutating func closeLink() {
        guard let open = openLinks.popLast(), !open.url.isEmpty else { return }
        let link = InlineLink(range: open.start..<scalarCount, url: open.url, kind: open.kind)
        // An image inside a link closes first; links stay in the order they start.
        let index = links.lastIndex { $0.range.lowerBound <= link.range.lowerBound }.map { $0 + 1 } ?? 0
        links.insert(link, at: index)
    }

    mutating func append(_ piece: String) {
        let count = piece.unicodeScalars.count
        guard count > 0 else { return }
        let range = scalarCount..<(scalarCount + count)
        if !style.isEmpty {
            if let last = spans.last, last.style == style, last.range.upperBound == range.lowerBound {
                spans[spans.count - 1].range = last.range.lowerBound..<range.upperBound
            } else {
                spans.append(InlineSpan(range: range, style: style))
            }
        }
        text += piece
        scalarCount += count
    }

    func block(_ kind: BlockKind) -> Block {
        Block(kind: kind, text: text, spans: spans, links: links)
    }
}
