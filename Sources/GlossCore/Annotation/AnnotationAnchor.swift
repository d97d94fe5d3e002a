/// How well an annotation's anchor matches the article text it is shown on.
public enum AnchorStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Found at its stored position with the same quote.
    case exact
    /// Moved by mapping the old text onto the new one (the text around it changed).
    case mapped
    /// Found only by approximate matching of its quote; worth a second look.
    case fuzzy
    /// Not found in the current text; kept so the note is never lost.
    case orphan
}

/// W3C Web Annotation `TextQuoteSelector`: the highlighted text with a little context on each side.
public struct TextQuoteSelector: Sendable, Hashable, Codable {
    /// How many Unicode scalars of context `prefix` and `suffix` keep at most.
    public static let contextLength = 32

    public var exact: String
    public var prefix: String
    public var suffix: String

    /// Context longer than `contextLength` scalars is cut to the part nearest the quote.
    public init(exact: String, prefix: String = "", suffix: String = "") {
        self.exact = exact
        self.prefix = Self.cut(prefix, keepingEnd: true)
        self.suffix = Self.cut(suffix, keepingEnd: false)
    }

    /// `context` cut to its last (or first) `contextLength` scalars. Context read from a file or
    /// the text is almost always short enough already: then it is kept as it is, without
    /// counting, which matters when a thousand anchors are read at once.
    private static func cut(_ context: String, keepingEnd: Bool) -> String {
        if context.utf8.count <= contextLength { return context }
        let scalars = context.unicodeScalars
        var index = keepingEnd ? scalars.endIndex : scalars.startIndex
        var count = 0
        while count < contextLength, index != (keepingEnd ? scalars.startIndex : scalars.endIndex) {
            if keepingEnd { scalars.formIndex(before: &index) } else { scalars.formIndex(after: &index) }
            count += 1
        }
        if index == (keepingEnd ? scalars.startIndex : scalars.endIndex) { return context }
        return String(keepingEnd ? scalars[index...] : scalars[..<index])
    }

    /// The quote at `range` (Unicode scalar offsets) of `text`, with its context; nil if out of bounds.
    public init?(in text: String, range: Range<Int>) {
        let scalars = text.unicodeScalars
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        let prefixStart = scalars.index(start, offsetBy: -min(Self.contextLength, range.lowerBound))
        let suffixEnd = scalars.index(end, offsetBy: min(Self.contextLength, scalars.count - range.upperBound))
        self.init(
            exact: String(scalars[start..<end]),
            prefix: String(scalars[prefixStart..<start]),
            suffix: String(scalars[end..<suffixEnd]))
    }

    private enum CodingKeys: String, CodingKey { case type, exact, prefix, suffix }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            exact: try container.decode(String.self, forKey: .exact),
            prefix: try container.decodeIfPresent(String.self, forKey: .prefix) ?? "",
            suffix: try container.decodeIfPresent(String.self, forKey: .suffix) ?? "")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("TextQuoteSelector", forKey: .type)
        try container.encode(exact, forKey: .exact)
        try container.encode(prefix, forKey: .prefix)
        try container.encode(suffix, forKey: .suffix)
    }
}

/// W3C Web Annotation `TextPositionSelector`: a half-open range of Unicode scalar offsets
/// into the article's normalized text (see `ArticleText`).
public struct TextPositionSelector: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var range: Range<Int> { start..<end }

    private enum CodingKeys: String, CodingKey { case type, start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start >= 0, end >= start else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "position \(start)..<\(end) is not a valid range")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("TextPositionSelector", forKey: .type)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// Where an annotation sits: both W3C selectors plus the blocks it covers, for quick display.
public struct AnnotationAnchor: Sendable, Hashable, Codable {
    public var quote: TextQuoteSelector
    public var position: TextPositionSelector
    /// First block covered (0-based; shown to the user as ¶ blockIndex+1).
    public var blockIndex: Int
    /// Last block covered, inclusive (equal to `blockIndex` for a highlight inside one block).
    public var blockEnd: Int
    public var status: AnchorStatus

    public init(
        quote: TextQuoteSelector, position: TextPositionSelector,
        blockIndex: Int, blockEnd: Int? = nil, status: AnchorStatus = .exact
    ) {
        self.quote = quote
        self.position = position
        self.blockIndex = blockIndex
        self.blockEnd = max(blockIndex, blockEnd ?? blockIndex)
        self.status = status
    }

    /// An anchor for the scalar range `range` of the article's normalized text; nil if out of bounds.
    /// The quote and context are read from the blocks' pieces, not from a joined copy of the text.
    public init?(range: Range<Int>, in text: ArticleText, status: AnchorStatus = .exact) {
        guard let anchor = UnchangedTextAnchoring(article: text, text: text).anchored(range, status: status) else {
            return nil
        }
        self = anchor
    }

    private enum CodingKeys: String, CodingKey { case quote, position, blockIndex, blockEnd, status }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blockIndex = try container.decode(Int.self, forKey: .blockIndex)
        guard blockIndex >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .blockIndex, in: container, debugDescription: "negative block index \(blockIndex)")
        }
        // A status from a newer version that this one does not know is treated as a fuzzy match.
        var status = AnchorStatus.exact
        if let raw = try container.decodeIfPresent(String.self, forKey: .status) {
            status = AnchorStatus(rawValue: raw) ?? .fuzzy
        }
        self.init(
            quote: try container.decode(TextQuoteSelector.self, forKey: .quote),
            position: try container.decode(TextPositionSelector.self, forKey: .position),
            blockIndex: blockIndex,
            blockEnd: try container.decodeIfPresent(Int.self, forKey: .blockEnd),
            status: status)
    }
}
