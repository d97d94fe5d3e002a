import GlossCore

/// A note's text soft-wrapped into screen rows by display width, for the note editor.
///
/// Unlike the article wrapper, nothing is dropped at a wrap point: spaces there stay at the end
/// of their row, drawn while they fit, so every cursor position has a place on screen and a
/// leading indent is kept. Rows break after a space, around a double-width character, or, in a
/// word longer than the row, between grapheme clusters. Offsets are UTF-8 offsets into the text.
struct NoteEditorLayout: Hashable, Sendable {
    /// One grapheme cluster of the text, as drawn.
    struct Cluster: Hashable, Sendable {
        /// How the cluster is drawn.
        enum Look: Hashable, Sendable {
            case itself
            /// A tab: one space.
            case space
            /// A mark without a base: on a dotted circle, so it still takes a column.
            case onDottedCircle
        }

        /// Where the cluster is in the text, in UTF-8 code units.
        var offset: Int
        var length: Int
        /// Columns taken: 1 or 2.
        var width: Int
        /// Whitespace: rows may break after it and it may hang past the edge.
        var isSpace: Bool
        var look: Look
    }

    /// One screen row.
    struct Row: Hashable, Sendable {
        var start: Int
        /// Just past the row's last cluster: the next row's start, or where the line break is.
        var end: Int
        /// The row's clusters, as indices into `clusters`.
        var clusterRange: Range<Int>
        /// Whether this is the last row of a line; a cursor at `end` is then drawn on this row.
        var endsLine: Bool
    }

    let text: String
    let width: Int
    /// Every cluster of the text but line breaks, in order; rows point into it.
    private(set) var clusters: [Cluster] = []
    private(set) var rows: [Row] = []

    init(text: String, width: Int) {
        self.text = text
        self.width = max(1, width)
        var rowStart = 0
        var rowFirst = 0
        var rowWidth = 0
        // Where the row may end, as the index of the first cluster of the next row.
        var breakIndex: Int?
        var offset = 0
        for character in text {
            let length = character.utf8.count
            if Self.isLineBreak(character) {
                rows.append(Row(start: rowStart, end: offset, clusterRange: rowFirst..<clusters.count, endsLine: true))
                rowStart = offset + length
                rowFirst = clusters.count
                rowWidth = 0
                breakIndex = nil
                offset += length
                continue
            }
            let cluster = Self.cluster(for: character, at: offset, length: length)
            if clusters.count > rowFirst, let previous = clusters.last, Self.canBreak(between: previous, and: cluster) {
                breakIndex = clusters.count
            }
            // Spaces may hang past the edge; anything else that does not fit starts a new row.
            while !cluster.isSpace, rowWidth + cluster.width > self.width, clusters.count > rowFirst {
                let cut = breakIndex ?? clusters.count
                let nextStart = cut < clusters.count ? clusters[cut].offset : offset
                rows.append(Row(start: rowStart, end: nextStart, clusterRange: rowFirst..<cut, endsLine: false))
                rowStart = nextStart
                rowFirst = cut
                rowWidth = clusters[cut...].reduce(0) { $0 + $1.width }
                breakIndex = nil
            }
            clusters.append(cluster)
            rowWidth += cluster.width
            offset += length
        }
        rows.append(Row(start: rowStart, end: offset, clusterRange: rowFirst..<clusters.count, endsLine: true))
    }

    /// The clusters drawn on `row`.
    func clusters(of row: Row) -> ArraySlice<Cluster> { clusters[row.clusterRange] }

    /// The row a cursor at `caret` is drawn on: the last row starting at or before it.
    func rowIndex(containing caret: Int) -> Int {
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].start <= caret {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return max(0, low)
    }

    /// Row and column of a cursor at `caret`; the column never exceeds `width`, so a cursor
    /// among hanging spaces waits at the row's edge.
    func location(of caret: Int) -> (row: Int, column: Int) {
        let index = rowIndex(containing: caret)
        guard rows.indices.contains(index) else { return (0, 0) }
        var column = 0
        for cluster in clusters(of: rows[index]) where cluster.offset < caret {
            column += cluster.width
        }
        return (index, min(column, width))
    }

    /// The cursor position on `row` nearest to `column` without passing it; a double-width
    /// character under the column puts the cursor before it.
    func caret(row index: Int, column: Int) -> Int {
        guard rows.indices.contains(index) else { return 0 }
        let row = rows[index]
        var used = 0
        let onRow = clusters(of: row)
        for cluster in onRow {
            if used + cluster.width > column { return cluster.offset }
            used += cluster.width
        }
        // The end of a wrapped row is drawn at the start of the next one.
        if !row.endsLine, let last = onRow.last { return last.offset }
        return row.end
    }

    /// Line breaks as the editor sees them; "\r\n" is one cluster and one break.
    static func isLineBreak(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii >= 0x0A && ascii <= 0x0D }
        return character.isNewline
    }

    static func cluster(for character: Character, at offset: Int, length: Int) -> Cluster {
        if let ascii = character.asciiValue {
            let isTab = ascii == 0x09
            return Cluster(
                offset: offset, length: 1, width: 1, isSpace: isTab || ascii == 0x20, look: isTab ? .space : .itself)
        }
        let width = DisplayWidth.of(character)
        if width == 0 {
            return Cluster(offset: offset, length: length, width: 1, isSpace: false, look: .onDottedCircle)
        }
        return Cluster(offset: offset, length: length, width: width, isSpace: character.isWhitespace, look: .itself)
    }

    /// What to draw for `cluster`.
    func shown(_ cluster: Cluster) -> String {
        switch cluster.look {
        case .space:
            return " "
        case .itself, .onDottedCircle:
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: cluster.offset)
            let end = utf8.index(start, offsetBy: cluster.length)
            let itself = String(text[start..<end])
            return cluster.look == .itself ? itself : "\u{25CC}" + itself
        }
    }

    /// Whether a row may end between two clusters: after a space, or next to a double-width
    /// character (CJK text has no spaces), but never before a space, which hangs instead.
    static func canBreak(between previous: Cluster, and next: Cluster) -> Bool {
        if next.isSpace { return false }
        return previous.isSpace || previous.width == 2 || next.width == 2
    }
}
