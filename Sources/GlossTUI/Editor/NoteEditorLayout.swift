import GlossCore

/// A note's text soft-wrapped into screen rows by display width, for the note editor.
///
/// Unlike the article wrapper, nothing is dropped at a wrap point: spaces there stay at the end
/// of their row, drawn while they fit, so every cursor position has a place on screen and a
/// leading indent is kept. Rows break after a space, around a double-width character, or, in a
/// word longer than the row, between grapheme clusters. Offsets are UTF-8 offsets into the text.
struct NoteEditorLayout: Hashable, Sendable {
    /// One grapheme cluster as drawn.
    struct Cluster: Hashable, Sendable {
        /// What to draw: the cluster itself, a space for a tab, or a dotted circle carrying a
        /// mark that has no base, so it still takes a column.
        var text: String
        var width: Int
        var offset: Int
        var isSpace: Bool
    }

    /// One screen row.
    struct Row: Hashable, Sendable {
        var start: Int
        /// Just past the row's last cluster: the next row's start, or where the line break is.
        var end: Int
        var clusters: [Cluster]
        /// Whether this is the last row of a line; a cursor at `end` is then drawn on this row.
        var endsLine: Bool
    }

    let width: Int
    private(set) var rows: [Row] = []

    init(text: String, width: Int) {
        self.width = max(1, width)
        var row = Row(start: 0, end: 0, clusters: [], endsLine: false)
        var rowWidth = 0
        // Where the row may end, as a count of clusters kept on it.
        var breakIndex: Int?
        var offset = 0
        for character in text {
            let length = character.utf8.count
            if character.isNewline {
                row.end = offset
                row.endsLine = true
                rows.append(row)
                row = Row(start: offset + length, end: offset + length, clusters: [], endsLine: false)
                rowWidth = 0
                breakIndex = nil
                offset += length
                continue
            }
            let cluster = Self.cluster(for: character, at: offset)
            if let previous = row.clusters.last, Self.canBreak(between: previous, and: cluster) {
                breakIndex = row.clusters.count
            }
            // Spaces may hang past the edge; anything else that does not fit starts a new row.
            while !cluster.isSpace, rowWidth + cluster.width > self.width, !row.clusters.isEmpty {
                let cut = breakIndex ?? row.clusters.count
                let carried = Array(row.clusters[cut...])
                row.clusters.removeSubrange(cut...)
                let nextStart = carried.first?.offset ?? offset
                row.end = nextStart
                rows.append(row)
                row = Row(start: nextStart, end: nextStart, clusters: carried, endsLine: false)
                rowWidth = carried.reduce(0) { $0 + $1.width }
                breakIndex = nil
            }
            row.clusters.append(cluster)
            rowWidth += cluster.width
            offset += length
        }
        row.end = offset
        row.endsLine = true
        rows.append(row)
    }

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
        for cluster in rows[index].clusters where cluster.offset < caret {
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
        for cluster in row.clusters {
            if used + cluster.width > column { return cluster.offset }
            used += cluster.width
        }
        // The end of a wrapped row is drawn at the start of the next one.
        if !row.endsLine, let last = row.clusters.last { return last.offset }
        return row.end
    }

    static func cluster(for character: Character, at offset: Int) -> Cluster {
        if character == "\t" {
            return Cluster(text: " ", width: 1, offset: offset, isSpace: true)
        }
        let width = DisplayWidth.of(character)
        if width == 0 {
            return Cluster(text: "\u{25CC}" + String(character), width: 1, offset: offset, isSpace: false)
        }
        return Cluster(text: String(character), width: width, offset: offset, isSpace: character.isWhitespace)
    }

    /// Whether a row may end between two clusters: after a space, or next to a double-width
    /// character (CJK text has no spaces), but never before a space, which hangs instead.
    static func canBreak(between previous: Cluster, and next: Cluster) -> Bool {
        if next.isSpace { return false }
        return previous.isSpace || previous.width == 2 || next.width == 2
    }
}
