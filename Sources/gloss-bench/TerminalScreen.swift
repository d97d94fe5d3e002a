import GlossCore

/// A small xterm screen model: enough of the cursor, erase, insert/delete, scroll-region and
/// repeat sequences that ncurses, less and vim send for `xterm-256color` to know which text is on
/// which row, the way a user would see it. Colours and attributes are ignored.
struct TerminalScreen {
    let width: Int
    let height: Int
    /// Row-major cells; "" marks the right half of a double-width character.
    private(set) var cells: [String]
    private(set) var cursorX = 0
    private(set) var cursorY = 0
    /// Bytes the terminal owes the program (answers to cursor position queries).
    var replies: [UInt8] = []
    /// Bumped by every change to the cells, so callers can skip re-checking an unchanged screen.
    private(set) var revision = 0

    private var pendingWrap = false
    private var scrollTop = 0
    private var scrollBottom: Int
    private var savedCursor = (x: 0, y: 0)
    private var lastPrinted: Unicode.Scalar = " "
    private var parser = EscapeSequenceParser()

    init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        cells = Array(repeating: " ", count: self.width * self.height)
        scrollBottom = self.height - 1
    }

    /// The text of row `y`, trailing blanks kept.
    func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return cells[(y * width)..<((y + 1) * width)].joined()
    }

    var rows: [String] { (0..<height).map(row) }

    /// Whether `text` appears within one row.
    func contains(_ text: String) -> Bool {
        (0..<height).contains { row($0).contains(text) }
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            guard let event = parser.feed(byte) else { continue }
            apply(event)
        }
    }

    private mutating func apply(_ event: TerminalEvent) {
        switch event {
        case .print(let scalar): print(scalar)
        case .control(let byte): control(byte)
        case .escape(let final, let intermediates): escape(final, intermediates: intermediates)
        case .csi(let final, let parameters, let marker, let intermediates):
            guard intermediates.isEmpty else { return }
            csi(final, parameters, marker: marker)
        }
    }

    // MARK: - Printing

    private mutating func print(_ scalar: Unicode.Scalar) {
        let columns = DisplayWidth.of(scalar)
        if columns == 0 {
            // Combining marks and joiners belong to the character before the cursor.
            let x = pendingWrap ? cursorX : cursorX - 1
            if x >= 0 { cells[cursorY * width + x].unicodeScalars.append(scalar) }
            revision += 1
            return
        }
        if pendingWrap || (columns == 2 && cursorX == width - 1) {
            cursorX = 0
            lineFeed()
        }
        put(String(scalar), at: cursorX)
        if columns == 2, cursorX + 1 < width { put("", at: cursorX + 1) }
        lastPrinted = scalar
        cursorX += columns
        if cursorX >= width {
            cursorX = width - 1
            pendingWrap = true
        }
    }

    /// Sets one cell, blanking the other half of any double-width character it cuts through.
    private mutating func put(_ text: String, at x: Int) {
        let index = cursorY * width + x
        if cells[index].isEmpty {
            if x > 0, !text.isEmpty { cells[index - 1] = " " }
        } else if x + 1 < width, cells[index + 1].isEmpty {
            cells[index + 1] = " "
        }
        cells[index] = text
        revision += 1
    }

    // MARK: - Controls

    private mutating func control(_ byte: UInt8) {
        switch byte {
        case 0x08: moveTo(x: cursorX - 1, y: cursorY)
        case 0x09: moveTo(x: min(width - 1, (cursorX / 8 + 1) * 8), y: cursorY)
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x0D: moveTo(x: 0, y: cursorY)
        default: break
        }
    }

    private mutating func escape(_ final: UInt8, intermediates: [UInt8]) {
        guard intermediates.isEmpty else { return }  // charset designations and the like
        switch final {
        case UInt8(ascii: "7"): savedCursor = (cursorX, cursorY)
        case UInt8(ascii: "8"): moveTo(x: savedCursor.x, y: savedCursor.y)
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"):
            lineFeed()
            cursorX = 0
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "c"):
            scrollTop = 0
            scrollBottom = height - 1
            erase(from: 0, to: cells.count)
            moveTo(x: 0, y: 0)
        default: break
        }
    }

    private mutating func csi(_ final: UInt8, _ parameters: [Int?], marker: UInt8?) {
        func count(_ index: Int = 0) -> Int { max(1, parameter(parameters, index) ?? 1) }
        if let marker {
            if marker == UInt8(ascii: "?"), final == UInt8(ascii: "h") || final == UInt8(ascii: "l") {
                switchScreen(parameters, entering: final == UInt8(ascii: "h"))
            }
            return
        }
        let here = cursorY * width
        switch final {
        case UInt8(ascii: "@"): shiftCells(in: cursorY, from: cursorX, by: count())
        case UInt8(ascii: "P"): shiftCells(in: cursorY, from: cursorX, by: -count())
        case UInt8(ascii: "A"): moveTo(x: cursorX, y: cursorY - count())
        case UInt8(ascii: "B"), UInt8(ascii: "e"): moveTo(x: cursorX, y: cursorY + count())
        case UInt8(ascii: "C"), UInt8(ascii: "a"): moveTo(x: cursorX + count(), y: cursorY)
        case UInt8(ascii: "D"): moveTo(x: cursorX - count(), y: cursorY)
        case UInt8(ascii: "E"): moveTo(x: 0, y: cursorY + count())
        case UInt8(ascii: "F"): moveTo(x: 0, y: cursorY - count())
        case UInt8(ascii: "G"), UInt8(ascii: "`"): moveTo(x: count() - 1, y: cursorY)
        case UInt8(ascii: "d"): moveTo(x: cursorX, y: count() - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"): moveTo(x: count(1) - 1, y: count(0) - 1)
        case UInt8(ascii: "I"): for _ in 0..<count() { control(0x09) }
        case UInt8(ascii: "Z"): moveTo(x: ((cursorX - 1) / 8) * 8, y: cursorY)
        case UInt8(ascii: "J"):
            switch parameter(parameters, 0) ?? 0 {
            case 0: erase(from: here + cursorX, to: cells.count)
            case 1: erase(from: 0, to: here + cursorX + 1)
            default: erase(from: 0, to: cells.count)
            }
        case UInt8(ascii: "K"):
            switch parameter(parameters, 0) ?? 0 {
            case 0: erase(from: here + cursorX, to: here + width)
            case 1: erase(from: here, to: here + cursorX + 1)
            default: erase(from: here, to: here + width)
            }
        case UInt8(ascii: "X"): erase(from: here + cursorX, to: here + min(width, cursorX + count()))
        case UInt8(ascii: "L"): if (scrollTop...scrollBottom).contains(cursorY) { scroll(cursorY, scrollBottom, by: -count()) }
        case UInt8(ascii: "M"): if (scrollTop...scrollBottom).contains(cursorY) { scroll(cursorY, scrollBottom, by: count()) }
        case UInt8(ascii: "S"): scroll(scrollTop, scrollBottom, by: count())
        case UInt8(ascii: "T"): if parameters.count <= 1 { scroll(scrollTop, scrollBottom, by: -count()) }
        case UInt8(ascii: "b"): for _ in 0..<min(count(), width * height) { print(lastPrinted) }
        case UInt8(ascii: "r"):
            let top = (parameter(parameters, 0) ?? 1) - 1
            let bottom = (parameter(parameters, 1) ?? height) - 1
            if top >= 0, bottom < height, top < bottom {
                scrollTop = top
                scrollBottom = bottom
            }
            moveTo(x: 0, y: 0)
        case UInt8(ascii: "s"): savedCursor = (cursorX, cursorY)
        case UInt8(ascii: "u"): moveTo(x: savedCursor.x, y: savedCursor.y)
        case UInt8(ascii: "n"):
            if parameter(parameters, 0) == 6 { replies += Array("\u{1B}[\(cursorY + 1);\(cursorX + 1)R".utf8) }
        default: break  // SGR and modes change no text
        }
    }

    private func parameter(_ parameters: [Int?], _ index: Int) -> Int? {
        index < parameters.count ? parameters[index] : nil
    }

    /// Alternate-screen switches (1049, 1047, 47) start from a blank screen in both directions:
    /// the benchmark never looks at what was on the normal screen.
    private mutating func switchScreen(_ parameters: [Int?], entering: Bool) {
        guard parameters.contains(where: { [47, 1047, 1049].contains($0 ?? 0) }) else { return }
        if entering, parameters.contains(1049) { savedCursor = (cursorX, cursorY) }
        erase(from: 0, to: cells.count)
        if !entering, parameters.contains(1049) { moveTo(x: savedCursor.x, y: savedCursor.y) }
    }

    // MARK: - Cursor and scrolling

    private mutating func moveTo(x: Int, y: Int) {
        cursorX = min(max(0, x), width - 1)
        cursorY = min(max(0, y), height - 1)
        pendingWrap = false
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if cursorY == scrollBottom {
            scroll(scrollTop, scrollBottom, by: 1)
        } else if cursorY < height - 1 {
            cursorY += 1
        }
    }

    private mutating func reverseIndex() {
        pendingWrap = false
        if cursorY == scrollTop {
            scroll(scrollTop, scrollBottom, by: -1)
        } else if cursorY > 0 {
            cursorY -= 1
        }
    }

    /// Moves rows `top...bottom` up by `lines` (down when negative), blanking the rows uncovered.
    private mutating func scroll(_ top: Int, _ bottom: Int, by lines: Int) {
        guard top <= bottom, lines != 0 else { return }
        let span = bottom - top + 1
        let amount = min(abs(lines), span)
        var rowsInRegion = (top...bottom).map { Array(cells[($0 * width)..<(($0 + 1) * width)]) }
        let blank = Array(repeating: " ", count: width)
        if lines > 0 {
            rowsInRegion = Array(rowsInRegion.dropFirst(amount)) + Array(repeating: blank, count: amount)
        } else {
            rowsInRegion = Array(repeating: blank, count: amount) + Array(rowsInRegion.dropLast(amount))
        }
        for (offset, row) in rowsInRegion.enumerated() {
            cells.replaceSubrange(((top + offset) * width)..<((top + offset + 1) * width), with: row)
        }
        revision += 1
    }

    /// Inserts (positive) or deletes (negative) blank cells at `x` of row `y`; the rest of the row shifts.
    private mutating func shiftCells(in y: Int, from x: Int, by amount: Int) {
        var row = Array(cells[(y * width)..<((y + 1) * width)])
        let n = min(abs(amount), width - x)
        if amount > 0 {
            row.insert(contentsOf: Array(repeating: " ", count: n), at: x)
            row.removeLast(n)
        } else {
            row.removeSubrange(x..<(x + n))
            row.append(contentsOf: Array(repeating: " ", count: n))
        }
        cells.replaceSubrange((y * width)..<((y + 1) * width), with: row)
        pendingWrap = false
        revision += 1
    }

    private mutating func erase(from start: Int, to end: Int) {
        let lower = max(0, start)
        let upper = min(cells.count, end)
        guard lower < upper else { return }
        for index in lower..<upper { cells[index] = " " }
        revision += 1
    }
}
