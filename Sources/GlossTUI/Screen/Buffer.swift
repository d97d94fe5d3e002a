import GlossCore

/// One screen cell: a grapheme cluster (already terminal-safe) and its style.
/// The right half of a double-width character is a continuation cell with empty text.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// An in-memory screen that panes draw into and a `Terminal` shows.
/// Every write is clipped to the buffer and filtered through `TerminalSafe`, so a pane
/// can neither crash on bad coordinates nor emit a control character.
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Sets a single-width cell, repairing any double-width character it cuts in half.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style) }
        if x + 1 < width, cells[i + 1].isContinuation { cells[i + 1] = Cell(text: " ", style: cells[i + 1].style) }
        cells[i] = cell
    }

    /// Fills `rect` (clipped) with blanks of `style`. A double-width character cut by the rect's
    /// left or right edge becomes a blank, as `set` does: half of it can't be drawn.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * width
            if r.x > 0, cells[row + r.x].isContinuation {
                cells[row + r.x - 1] = Cell(text: " ", style: cells[row + r.x - 1].style)
            }
            if r.maxX < width, cells[row + r.maxX].isContinuation {
                cells[row + r.maxX] = Cell(text: " ", style: cells[row + r.maxX].style)
            }
            for x in r.x..<r.maxX { cells[row + x] = Cell(text: " ", style: style) }
        }
    }

    /// Applies `style` on top of the cells in `rect` (clipped).
    public mutating func restyle(_ rect: Rect, with style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = cells[y * width + x].style.merged(with: style) }
        }
    }

    /// Writes `text` from (x, y), never past `x + maxWidth` or the buffer's edge, and never
    /// splitting a wide character. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let pieces = TerminalSafe.placeholder(forCharacter: character)
            for piece in pieces {
                let w = DisplayWidth.of(piece)
                if w == 0 {
                    // Combining marks without a base join the previous cell.
                    if column > x, column - 1 < width, column - 1 >= 0 {
                        var prev = column - 1
                        if cells[y * width + prev].isContinuation, prev > 0 { prev -= 1 }
                        cells[y * width + prev].text.append(piece)
                    }
                    continue
                }
                guard column + w <= limit else { return column - x }
                if column >= 0 {
                    set(x: column, y: y, Cell(text: String(piece), style: style))
                    if w == 2 {
                        if column + 2 < width, cells[y * width + column + 2].isContinuation {
                            cells[y * width + column + 2] = Cell(text: " ", style: style)
                        }
                        cells[y * width + column + 1] = Cell(text: "", style: style)
                    }
                }
                column += w
            }
        }
        return column - x
    }

    /// The text of each row, continuation cells skipped; handy in tests.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            return line
        }
    }

    /// Rows with trailing spaces removed.
    public var trimmedLines: [String] {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }
    }
}
