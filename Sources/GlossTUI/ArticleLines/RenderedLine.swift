import GlossCore

/// What a screen line of an article belongs to, so panes can style it without re-deriving it.
public enum LineRole: Hashable, Sendable {
    case heading(level: Int)
    case paragraph
    case listItem
    case quote
    case code
    /// A table's header row (or, one record per row, the header line).
    case tableHeader
    /// A table's body row, its header rule, or a `Header: value` line of a record.
    case table
    /// The blank line that separates a block from the next one.
    case separator
    /// The byline header above ¶ 1 (``BylineHeader``): drawn with the first block, not part of it.
    case headerTitle
    case headerByline
    case headerRule

    /// Whether the line belongs to the byline header rather than to the block's text.
    public var isHeader: Bool {
        self == .headerTitle || self == .headerByline || self == .headerRule
    }
}

/// One screen line of a block: a decoration prefix (bullet, quote bar, indent) and wrapped text.
public struct RenderedLine: Hashable, Sendable {
    public var prefix: String
    public var text: WrappedLine?
    public var role: LineRole
    /// How the prefix is styled when not like its line: dim for the `↪` of a continued code line
    /// and a table's rule, bold for a record's `Header:` labels.
    public var prefixElement: ThemeElement?

    public init(prefix: String, text: WrappedLine?, role: LineRole, prefixElement: ThemeElement? = nil) {
        self.prefix = prefix
        self.text = text
        self.role = role
        self.prefixElement = prefixElement
    }
}

/// A place in the article at line granularity: line `line` of block `block`'s rendered lines.
public struct LinePosition: Hashable, Sendable, Comparable {
    public var block: Int
    public var line: Int

    public init(block: Int, line: Int) {
        self.block = block
        self.line = line
    }

    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        a.block != b.block ? a.block < b.block : a.line < b.line
    }

    public static let start = LinePosition(block: 0, line: 0)
}
