/// The cells of a table block, so it can be drawn as a grid while its text stays one searchable,
/// annotatable string.
///
/// A table block's text is its rows joined with "\n" and each row's cells joined with " | ", the
/// header row first: `Version | Swift\n0.0.1 ..< 0.2.0 | 5.1`. The shape records where each row
/// and cell sits in that text, in Unicode scalars (the unit annotations are anchored in).
public struct TableShape: Sendable, Hashable {
    /// How a column's cells are aligned, as the delimiter row (`:--`, `:-:`, `--:`) says.
    public enum Alignment: Sendable, Hashable {
        case left, center, right
    }

    /// One row: its range in the block's text (without the "\n" after it) and its cells' ranges.
    public struct Row: Sendable, Hashable {
        public var range: Range<Int>
        public var cells: [Range<Int>]

        public init(range: Range<Int>, cells: [Range<Int>]) {
            self.range = range
            self.cells = cells
        }
    }

    /// The header row first, then the body rows.
    public var rows: [Row]
    /// One per column; a column without one is left-aligned.
    public var alignments: [Alignment]

    public init(rows: [Row], alignments: [Alignment] = []) {
        self.rows = rows
        self.alignments = alignments
    }

    /// The number of columns: the most cells any row has.
    public var columnCount: Int { rows.reduce(0) { max($0, $1.cells.count) } }

    public func alignment(ofColumn column: Int) -> Alignment {
        alignments.indices.contains(column) ? alignments[column] : .left
    }

    /// What separates two cells of a row in the block's text.
    public static let cellSeparator = " | "
}
