/// Where a search matched in an article: a block index and Unicode-scalar offsets in its text.
public struct SearchMatch: Hashable, Sendable, Comparable {
    public var block: Int
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }

    /// Reading order: by block, then by where the match starts.
    public static func < (lhs: SearchMatch, rhs: SearchMatch) -> Bool {
        (lhs.block, lhs.range.lowerBound, lhs.range.upperBound)
            < (rhs.block, rhs.range.lowerBound, rhs.range.upperBound)
    }
}
