/// One screen line of a wrapped block.
public struct WrappedLine: Hashable, Sendable {
    /// What to draw, left to right.
    public var glyphs: [Glyph]
    /// Columns taken by `glyphs`; never more than the width the block was wrapped to.
    public var width: Int
    /// Unicode-scalar offsets of the block's text that belong to this line, from its first
    /// character up to where the next line starts: spaces dropped at the wrap point and the
    /// line's `\n` belong to it. The ranges of a block's lines are contiguous and cover the text.
    public var range: Range<Int>

    public init(glyphs: [Glyph], width: Int, range: Range<Int>) {
        self.glyphs = glyphs
        self.width = width
        self.range = range
    }

    /// The column where the glyph showing scalar `offset` starts, or nil if none on this line
    /// shows it (a dropped space or the line's `\n`).
    public func column(ofOffset offset: Int) -> Int? {
        var column = 0
        for glyph in glyphs {
            if glyph.offset <= offset, offset < glyph.offset + max(glyph.scalarCount, 1) { return column }
            column += glyph.width
        }
        return nil
    }
}

extension Array where Element == WrappedLine {
    /// The index of the line whose range contains scalar `offset`. Offsets before the first line
    /// give 0 and offsets at or past the end give the last line; an empty array gives nil.
    public func lineIndex(containing offset: Int) -> Int? {
        guard !isEmpty else { return nil }
        // The last line starting at or before `offset`; lines start in increasing order.
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self[middle].range.lowerBound <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
