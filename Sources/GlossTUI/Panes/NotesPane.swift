import GlossCore

/// The notes side pane: the article's highlights in reading order, then those that could not
/// be re-anchored, each with its colour, `¶ n`, date, quote, note and tags.
public enum NotesPane {
    public static let emptyText = "No highlights yet. h highlights the paragraph, v selects text."
    static let orphanedTitle = "Orphaned"

    /// Anchored entries in reading order, then orphans, keeping those that match `filter`.
    ///
    /// The filter matches the quote or the note with smart case (see `SearchQuery`); tags are
    /// part of the note, so both "#tag" and "tag" find a tagged entry.
    public static func entries(_ model: NotesPaneModel) -> [Annotation] {
        let query = SearchQuery(model.filter)
        // Drawn every frame, with possibly a thousand entries: the list is only copied when
        // something is left out or moved.
        let shown = query.isEmpty && !model.annotations.contains(where: { $0.deleted })
            ? model.annotations
            : model.annotations.filter { annotation in
                !annotation.deleted && (query.isEmpty || matches(annotation, query))
            }
        guard shown.contains(where: { $0.anchor.status == .orphan }) else { return shown }
        return shown.filter { $0.anchor.status != .orphan } + shown.filter { $0.anchor.status == .orphan }
    }

    static func matches(_ annotation: Annotation, _ query: SearchQuery) -> Bool {
        !TextSearch.matches(of: query, in: annotation.anchor.quote.exact).isEmpty
            || !TextSearch.matches(of: query, in: annotation.note).isEmpty
    }

    /// Draws the pane: a border on the left, a header, then as many entries as fit, scrolled
    /// just enough that the selected entry shows whole.
    public static func render(
        _ model: NotesPaneModel, theme: Theme, colors: HighlightSettings, in area: Rect, into buffer: inout Buffer
    ) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        for y in area.y..<area.maxY {
            buffer.put("│", x: area.x, y: y, style: theme.style(.paneBorder))
        }
        let content = Rect(x: area.x + 2, y: area.y, width: area.width - 2, height: area.height)
        guard !content.isEmpty else { return }
        let shown = entries(model)
        drawHeader(model, shownCount: shown.count, theme: theme, in: content, into: &buffer)
        let body = Rect(x: content.x, y: content.y + 2, width: content.width, height: content.height - 2)
        guard !body.isEmpty else { return }
        if shown.isEmpty {
            let text = model.filter.isEmpty ? emptyText : "No notes match /\(model.filter)"
            for (row, line) in TextWrapper.wrap(text, width: body.width).prefix(body.height).enumerated() {
                buffer.put(line.glyphs.map(\.text).joined(), x: body.x, y: body.y + row, style: theme.style(.dim))
            }
            return
        }
        let (rows, top) = visibleRows(model, entries: shown, theme: theme, colors: colors, in: body)
        for (row, line) in rows[top...].prefix(body.height).enumerated() {
            let y = body.y + row
            var x = body.x
            for piece in line.pieces {
                x += buffer.put(piece.text, x: x, y: y, style: piece.style, maxWidth: body.maxX - x)
            }
            guard let entry = line.entry, shown.indices.contains(entry) else { continue }
            let annotation = shown[entry]
            let anchor = annotation.anchor
            if anchor.status != .orphan, (anchor.blockIndex...anchor.blockEnd).contains(model.focusedBlock) {
                buffer.put("▎", x: area.x + 1, y: y, style: theme.style(.focus))
            }
            if annotation.id == model.selectedID {
                if model.hasFocus {
                    buffer.restyle(Rect(x: body.x, y: y, width: body.width, height: 1), with: theme.style(.selection))
                } else if line.isHeading {
                    buffer.restyle(Rect(x: body.x, y: y, width: x - body.x, height: 1), with: Style(attributes: .underline))
                }
            }
        }
    }

    /// `Notes 3`, or `Notes 1 of 3 /filter` while filtering; reversed while the pane has focus.
    private static func drawHeader(
        _ model: NotesPaneModel, shownCount: Int, theme: Theme, in content: Rect, into buffer: inout Buffer
    ) {
        var header = "Notes \(shownCount)"
        if !model.filter.isEmpty {
            let total = model.annotations.reduce(0) { $0 + ($1.deleted ? 0 : 1) }
            header += " of \(total) /\(model.filter)"
        }
        var style = theme.style(.title)
        if model.hasFocus { style = style.merged(with: theme.style(.selection)) }
        buffer.put(Truncate.toWidth(header, content.width), x: content.x, y: content.y, style: style, maxWidth: content.width)
    }

    /// The body's rows, laid out only as far as the screen and the selected entry need, and the
    /// first row to show so that the selected entry is whole (or at least starts) on screen.
    private static func visibleRows(
        _ model: NotesPaneModel, entries: [Annotation], theme: Theme, colors: HighlightSettings, in body: Rect
    ) -> (rows: [NotesPaneRow], top: Int) {
        let selectedIndex = entries.firstIndex { $0.id == model.selectedID }
        let orphanCount = entries.reduce(0) { $0 + ($1.anchor.status == .orphan ? 1 : 0) }
        var rows: [NotesPaneRow] = []
        var selectedRows: Range<Int>?
        var top = 0
        for (index, annotation) in entries.enumerated() {
            if index > 0 { rows.append(.blank) }
            if annotation.anchor.status == .orphan, index == entries.count - orphanCount {
                let title = NotesPaneRow.Piece(text: "\(orphanedTitle) \(orphanCount)", style: theme.style(.error))
                rows.append(NotesPaneRow(pieces: [title], entry: nil))
            }
            let first = rows.count
            rows += NotesPaneLayout.rows(
                for: annotation, entry: index, width: body.width, theme: theme, colors: colors,
                isEditing: annotation.id == model.editingID)
            if index == selectedIndex {
                selectedRows = first..<rows.count
            }
            if let selectedRows {
                top = min(selectedRows.lowerBound, max(0, selectedRows.upperBound - body.height))
            }
            if selectedIndex == nil || selectedRows != nil, rows.count >= top + body.height { break }
        }
        return (rows, min(top, rows.count))
    }
}
