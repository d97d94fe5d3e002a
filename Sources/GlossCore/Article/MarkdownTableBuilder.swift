/// Collects a GFM table while its syntax tree is walked, into the text and ``TableShape`` of one
/// table block: rows joined with "\n", cells with " | ", each row's and cell's place recorded.
struct MarkdownTableBuilder: Sendable {
    private let alignments: [TableShape.Alignment]
    private var rows: [TableShape.Row] = []
    private var cellStart: Int?

    init(alignments: [TableShape.Alignment?]) {
        self.alignments = alignments.map { $0 ?? .left }
    }

    /// A row starts: the one before it ends with a line break.
    mutating func beginRow(in text: inout InlineTextBuilder) {
        endRow(at: text.scalarCount)
        if !rows.isEmpty { text.append("\n") }
        rows.append(TableShape.Row(range: text.scalarCount..<text.scalarCount, cells: []))
    }

    /// A cell starts: the one before it in the row ends with the separator.
    mutating func beginCell(in text: inout InlineTextBuilder) {
        endCell(at: text.scalarCount)
        guard !rows.isEmpty else { return }
        if !rows[rows.count - 1].cells.isEmpty { text.append(TableShape.cellSeparator) }
        cellStart = text.scalarCount
    }

    /// The shape of the table, once the text of its last cell was appended.
    mutating func finish(at end: Int) -> TableShape {
        endRow(at: end)
        return TableShape(rows: rows, alignments: alignments)
    }

    private mutating func endCell(at end: Int) {
        guard let start = cellStart, !rows.isEmpty else { return }
        rows[rows.count - 1].cells.append(start..<max(start, end))
        cellStart = nil
    }

    private mutating func endRow(at end: Int) {
        endCell(at: end)
        guard !rows.isEmpty else { return }
        let start = rows[rows.count - 1].range.lowerBound
        rows[rows.count - 1].range = start..<max(start, end)
    }
}
