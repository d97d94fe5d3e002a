/// A place in an article's text: a block and a Unicode-scalar offset into that block's text.
public struct TextPoint: Hashable, Sendable, Comparable {
    public var block: Int
    /// Unicode scalars from the start of the block's text.
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    /// Reading order: by block, then by offset inside it.
    public static func < (lhs: TextPoint, rhs: TextPoint) -> Bool {
        lhs.block != rhs.block ? lhs.block < rhs.block : lhs.offset < rhs.offset
    }
}
