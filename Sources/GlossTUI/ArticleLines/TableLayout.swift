import GlossCore

/// Lays out a table block (see ``TableShape``) at a text width.
///
/// When every row fits on one line, the table is an aligned grid: columns as wide as their widest
/// cell, aligned as the delimiter row says, ` │ ` between cells and a rule under the header.
/// Otherwise nothing is cut: the header row is drawn as a line of text, then each body row as one
/// record of `Header: value` lines, its values wrapped beside the aligned labels.
///
/// Either way every glyph keeps its offset in the block's text (` │ ` stands for the text's ` | `),
/// so search matches, highlights and the selection are drawn on the cells, and the lines' ranges
/// stay contiguous and cover the text as other blocks' do.
struct TableLayout {
    private let block: Block
    private let shape: TableShape
    private let width: Int
    private let scalars: [Unicode.Scalar]
    private(set) var lines: [RenderedLine] = []

    /// Columns between two cells of the grid: ` │ `.
    static let separatorWidth = 3
    /// A record's labels take at most this share of the width, so values keep room.
    static let maxLabelShare = 2

    init(block: Block, shape: TableShape, width: Int) {
        self.block = block
        self.shape = shape
        self.width = max(1, width)
        self.scalars = Array(block.text.unicodeScalars)
        lines = grid() ?? records()
    }

    // MARK: - Grid

    /// The grid, or nil when a row does not fit on one line.
    private func grid() -> [RenderedLine]? {
        let columns = shape.columnCount
        guard columns > 0 else { return nil }
        var cells: [[WrappedLine]] = []
        var widths = Array(repeating: 0, count: columns)
        for row in shape.rows {
            var laidOut: [WrappedLine] = []
            for (column, range) in row.cells.enumerated() {
                let wrapped = wrap(range, width: width)
                guard wrapped.count <= 1 else { return nil }
                let line = wrapped.first ?? WrappedLine(glyphs: [], width: 0, range: range)
                widths[column] = max(widths[column], line.width)
                laidOut.append(line)
            }
            cells.append(laidOut)
        }
        let total = widths.reduce(0, +) + Self.separatorWidth * (columns - 1)
        guard total <= width else { return nil }

        var out: [RenderedLine] = []
        for (index, row) in shape.rows.enumerated() {
            let glyphs = rowGlyphs(row, cells: cells[index], widths: widths)
            let line = WrappedLine(
                glyphs: glyphs, width: glyphs.reduce(0) { $0 + $1.width },
                range: row.range.lowerBound..<end(ofRow: index))
            out.append(RenderedLine(prefix: "", text: line, role: index == 0 ? .tableHeader : .table))
            if index == 0 {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                let at = shape.rows.count > 1 ? shape.rows[1].range.lowerBound : scalars.count
                out.append(
                    RenderedLine(
                        prefix: rule, text: WrappedLine(glyphs: [], width: 0, range: at..<at), role: .table,
                        prefixElement: .dim))
            }
        }
        return out
    }

    private func rowGlyphs(_ row: TableShape.Row, cells: [WrappedLine], widths: [Int]) -> [Glyph] {
        var glyphs: [Glyph] = []
        for column in widths.indices {
            let hasCell = column < cells.count
            if column > 0 {
                // The text's " | " between two cells is drawn as " │ ", glyph for scalar.
                if hasCell {
                    let start = row.cells[column - 1].upperBound
                    for (index, text) in [" ", "│", " "].enumerated() {
                        glyphs.append(Glyph(text: text, width: 1, offset: start + index, scalarCount: 1))
                    }
                } else {
                    glyphs += padding(Self.separatorWidth, at: row.range.upperBound)
                }
            }
            let cell = hasCell ? cells[column] : WrappedLine(glyphs: [], width: 0, range: row.range.upperBound..<row.range.upperBound)
            let room = widths[column] - cell.width
            let isLast = column == widths.count - 1
            let before: Int
            switch shape.alignment(ofColumn: column) {
            case .left: before = 0
            case .center: before = room / 2
            case .right: before = room
            }
            glyphs += padding(before, at: cell.range.lowerBound)
            glyphs += cell.glyphs
            // No trailing blanks after the last column.
            if !isLast { glyphs += padding(room - before, at: cell.range.upperBound) }
        }
        return glyphs
    }

    /// Blank columns that show no text; they take the style of the text at `offset`.
    private func padding(_ count: Int, at offset: Int) -> [Glyph] {
        Array(repeating: Glyph(text: " ", width: 1, offset: offset, scalarCount: 0), count: max(0, count))
    }

    // MARK: - Records

    private func records() -> [RenderedLine] {
        guard let header = shape.rows.first else { return [] }
        var out: [RenderedLine] = []
        // The header row as text, so its cells are shown (and can be found) once.
        var headerLines = wrap(header.range, width: width)
        if headerLines.isEmpty {
            headerLines = [WrappedLine(glyphs: [], width: 0, range: header.range)]
        }
        extendLast(&headerLines, to: end(ofRow: 0))
        out += headerLines.map { RenderedLine(prefix: "", text: $0, role: .tableHeader) }

        let labels = header.cells.map { TerminalSafe.visible(text(of: $0).replacingOccurrences(of: "\n", with: " ")) }
        let labelWidth = min(labels.map { DisplayWidth.of($0) }.max() ?? 0, max(1, width / Self.maxLabelShare - 2))
        let valueWidth = max(1, width - labelWidth - 2)
        for (index, row) in shape.rows.enumerated().dropFirst() {
            let start = row.range.lowerBound
            out.append(RenderedLine(prefix: "", text: WrappedLine(glyphs: [], width: 0, range: start..<start), role: .table))
            for (column, range) in row.cells.enumerated() {
                let next = column + 1 < row.cells.count ? row.cells[column + 1].lowerBound : end(ofRow: index)
                var value = wrap(range, width: valueWidth)
                if value.isEmpty { value = [WrappedLine(glyphs: [], width: 0, range: range)] }
                if column == 0 { value[0].range = start..<value[0].range.upperBound }
                extendLast(&value, to: next)
                let label = column < labels.count ? Truncate.toWidth(labels[column], labelWidth) : ""
                let first = label + ":" + String(repeating: " ", count: max(1, labelWidth - DisplayWidth.of(label) + 1))
                let hanging = String(repeating: " ", count: DisplayWidth.of(first))
                for (lineIndex, line) in value.enumerated() {
                    out.append(
                        RenderedLine(
                            prefix: lineIndex == 0 ? first : hanging, text: line, role: .table,
                            prefixElement: lineIndex == 0 ? .strong : nil))
                }
            }
        }
        return out
    }

    // MARK: - Text

    /// Where row `index`'s lines end: where the next row starts, so the "\n" belongs to it.
    private func end(ofRow index: Int) -> Int {
        index + 1 < shape.rows.count ? shape.rows[index + 1].range.lowerBound : scalars.count
    }

    private func text(of range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[clamped])
        return String(view)
    }

    /// The text of `range` wrapped to `width`, offsets and styles those of the block.
    private func wrap(_ range: Range<Int>, width: Int) -> [WrappedLine] {
        let start = range.lowerBound
        let spans = block.spans.compactMap { span -> InlineSpan? in
            let overlap = span.range.clamped(to: range)
            guard !overlap.isEmpty else { return nil }
            return InlineSpan(range: (overlap.lowerBound - start)..<(overlap.upperBound - start), style: span.style)
        }
        return TextWrapper.wrap(text(of: range), spans: spans, width: width).map { line in
            var shifted = line
            shifted.range = (line.range.lowerBound + start)..<(line.range.upperBound + start)
            shifted.glyphs = line.glyphs.map { glyph in
                var moved = glyph
                moved.offset += start
                return moved
            }
            return shifted
        }
    }

    private func extendLast(_ lines: inout [WrappedLine], to end: Int) {
        guard let last = lines.indices.last else { return }
        lines[last].range = lines[last].range.lowerBound..<max(lines[last].range.lowerBound, end)
    }
}
