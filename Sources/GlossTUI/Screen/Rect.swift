/// A rectangle of cells on the screen.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The part of this rectangle that is also inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x)
        let ny = max(y, other.y)
        return Rect(x: nx, y: ny, width: min(maxX, other.maxX) - nx, height: min(maxY, other.maxY) - ny)
    }

    /// Splits off `width` columns on the right: (left, right).
    public func splitRight(width right: Int) -> (Rect, Rect) {
        let w = min(max(0, right), width)
        return (
            Rect(x: x, y: y, width: width - w, height: height),
            Rect(x: maxX - w, y: y, width: w, height: height)
        )
    }

    /// Splits off `height` rows at the bottom: (top, bottom).
    public func splitBottom(height bottom: Int) -> (Rect, Rect) {
        let h = min(max(0, bottom), height)
        return (
            Rect(x: x, y: y, width: width, height: height - h),
            Rect(x: x, y: maxY - h, width: width, height: h)
        )
    }

    /// The rectangle shrunk by `dx` columns and `dy` rows on each side.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }
}

/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
