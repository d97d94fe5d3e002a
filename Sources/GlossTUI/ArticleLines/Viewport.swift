/// Scrolling arithmetic over an `ArticleLayout`. Positions are (block, line) pairs, so every
/// operation walks only as many blocks as fit on a screen, whatever the article's size.
public struct Viewport: Hashable, Sendable {
    public var top: LinePosition
    public var height: Int

    public init(top: LinePosition = .start, height: Int) {
        self.top = top
        self.height = max(1, height)
    }

    /// The position `count` lines after (or before, when negative) `position`, clamped to the article.
    public static func advance(_ position: LinePosition, by count: Int, in layout: ArticleLayout) -> LinePosition {
        guard layout.blockCount > 0 else { return .start }
        var pos = position
        var remaining = count
        if remaining >= 0 {
            while remaining > 0 {
                let h = layout.height(of: pos.block)
                let left = h - 1 - pos.line
                if remaining <= left { return LinePosition(block: pos.block, line: pos.line + remaining) }
                guard pos.block + 1 < layout.blockCount else { return LinePosition(block: pos.block, line: max(0, h - 1)) }
                remaining -= left + 1
                pos = LinePosition(block: pos.block + 1, line: 0)
            }
        } else {
            remaining = -remaining
            while remaining > 0 {
                if remaining <= pos.line { return LinePosition(block: pos.block, line: pos.line - remaining) }
                guard pos.block > 0 else { return .start }
                remaining -= pos.line + 1
                pos = LinePosition(block: pos.block - 1, line: max(0, layout.height(of: pos.block - 1) - 1))
            }
        }
        return pos
    }

    /// Lines from `a` to `b` (b after a), counting at most `limit` so the walk stays short.
    public static func distance(from a: LinePosition, to b: LinePosition, in layout: ArticleLayout, limit: Int) -> Int {
        guard a < b else { return 0 }
        if a.block == b.block { return min(limit, b.line - a.line) }
        var total = layout.height(of: a.block) - a.line
        var block = a.block + 1
        while block < b.block, total < limit {
            total += layout.height(of: block)
            block += 1
        }
        return min(limit, total + b.line)
    }

    /// The furthest top that still fills the screen: the last line sits on the bottom row.
    public func maxTop(in layout: ArticleLayout) -> LinePosition {
        guard layout.blockCount > 0 else { return .start }
        let last = layout.blockCount - 1
        let end = LinePosition(block: last, line: max(0, layout.height(of: last) - 1))
        return Self.advance(end, by: -(height - 1), in: layout)
    }

    /// Keeps the top inside the article.
    public mutating func clamp(in layout: ArticleLayout) {
        guard layout.blockCount > 0 else {
            top = .start
            return
        }
        if top.block >= layout.blockCount { top = LinePosition(block: layout.blockCount - 1, line: 0) }
        top.line = min(top.line, max(0, layout.height(of: top.block) - 1))
        top = min(top, maxTop(in: layout))
    }

    public mutating func scroll(by lines: Int, in layout: ArticleLayout) {
        top = Self.advance(top, by: lines, in: layout)
        clamp(in: layout)
    }

    /// Scrolls the least needed so that block `index` is on screen: all of it if it fits,
    /// otherwise its first lines.
    public mutating func reveal(block index: Int, in layout: ArticleLayout) {
        let start = LinePosition(block: index, line: 0)
        if start < top {
            top = start
        } else {
            let textHeight = max(1, layout.textHeight(of: index))
            if textHeight >= height {
                if Self.distance(from: top, to: start, in: layout, limit: height) >= height || top.block != index {
                    top = start
                }
            } else {
                let end = LinePosition(block: index, line: textHeight - 1)
                if Self.distance(from: top, to: end, in: layout, limit: height) >= height {
                    top = Self.advance(end, by: -(height - 1), in: layout)
                }
            }
        }
        clamp(in: layout)
    }

    /// Scrolls so that line `line` of block `index` is visible, a few lines below the top if it moves.
    public mutating func reveal(line: Int, ofBlock index: Int, in layout: ArticleLayout) {
        let target = LinePosition(block: index, line: line)
        if target < top || Self.distance(from: top, to: target, in: layout, limit: height) >= height {
            top = Self.advance(target, by: -min(3, height / 3), in: layout)
        }
        clamp(in: layout)
    }

    /// The blocks that have at least one line on screen, first to last.
    public func visibleBlocks(in layout: ArticleLayout) -> ClosedRange<Int>? {
        guard layout.blockCount > 0 else { return nil }
        let bottom = Self.advance(top, by: height - 1, in: layout)
        return top.block...bottom.block
    }

    /// The first block whose first line is on screen, or the top block when none starts there.
    public func firstBlockStartingOnScreen(in layout: ArticleLayout) -> Int {
        guard layout.blockCount > 0 else { return 0 }
        if top.line == 0 { return top.block }
        let next = top.block + 1
        guard next < layout.blockCount else { return top.block }
        let d = Self.distance(from: top, to: LinePosition(block: next, line: 0), in: layout, limit: height)
        return d < height ? next : top.block
    }
}
