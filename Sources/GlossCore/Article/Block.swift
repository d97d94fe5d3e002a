/// What a block of an article is: the unit that is read, searched and annotated.
public enum BlockKind: Sendable, Hashable {
    case heading(level: Int)
    case paragraph
    /// `marker` is what is drawn before the first line ("•", "1."); `depth` starts at 0.
    case listItem(marker: String, depth: Int)
    case quote(depth: Int)
    case code(language: String?)
    /// A GFM table: its text is the rows joined by "\n", cells by " | " (see ``TableShape``).
    case table(TableShape)
}

/// Inline emphasis inside a block.
public struct InlineStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let emphasis = InlineStyle(rawValue: 1 << 0)
    public static let strong = InlineStyle(rawValue: 1 << 1)
    public static let code = InlineStyle(rawValue: 1 << 2)
    public static let link = InlineStyle(rawValue: 1 << 3)
    public static let strikethrough = InlineStyle(rawValue: 1 << 4)
    /// A link's number marker (`[3]`): drawn by the layout, never part of a block's text.
    public static let linkMarker = InlineStyle(rawValue: 1 << 5)
}

/// A styled run of a block's text. Offsets count Unicode scalars of `Block.text`,
/// the same unit annotations are anchored in.
public struct InlineSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var style: InlineStyle
    public init(range: Range<Int>, style: InlineStyle) {
        self.range = range
        self.style = style
    }
}

/// One block of an article with its plain text (no markup) and inline styles.
public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    public var text: String
    public var spans: [InlineSpan]
    /// The links and images in the text, in reading order, with their targets.
    public var links: [InlineLink]

    public init(kind: BlockKind, text: String, spans: [InlineSpan] = [], links: [InlineLink] = []) {
        self.kind = kind
        self.text = text
        self.spans = spans
        self.links = links
    }

    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}
