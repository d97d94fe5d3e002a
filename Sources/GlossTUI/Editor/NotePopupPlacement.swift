import GlossCore

/// Where the note popup goes: below the passage being annotated when the box fits there, else
/// above it, else centred, so the text being written about stays in sight.
enum NotePopupPlacement {
    static func rect(for state: AppState, in screen: Rect) -> Rect {
        let centred = NoteEditorView.popupRect(in: screen)
        guard let passage = passageRows(state) else { return centred }
        var placed = centred
        if passage.upperBound + 1 + centred.height <= screen.maxY {
            placed.y = passage.upperBound + 1
        } else if passage.lowerBound - centred.height >= screen.y {
            placed.y = passage.lowerBound - centred.height
        } else {
            return centred
        }
        return placed
    }

    /// The screen rows showing the highlight whose note is being written, nil when none shows.
    static func passageRows(_ state: AppState) -> ClosedRange<Int>? {
        guard let editing = state.noteEditor, let view = state.reader,
            let annotation = view.annotations.annotation(withID: editing.annotationID),
            annotation.anchor.status != .orphan
        else { return nil }
        let anchor = annotation.anchor
        let area = state.textArea
        var rows: ClosedRange<Int>?
        var position = view.viewport.top
        for row in 0..<area.height {
            guard position.block < view.blockCount, position.block <= anchor.blockEnd else { break }
            let lines = view.layout.lines(of: position.block)
            if position.block >= anchor.blockIndex, lines.indices.contains(position.line),
                let text = lines[position.line].text, overlaps(text.range, annotation, block: position.block, view: view)
            {
                let y = area.y + row
                rows = (rows?.lowerBound ?? y)...y
            }
            if position.line + 1 < lines.count {
                position.line += 1
            } else {
                position = LinePosition(block: position.block + 1, line: 0)
            }
        }
        return rows
    }

    /// Whether a line's text range in `block` holds part of the highlight.
    private static func overlaps(_ range: Range<Int>, _ annotation: Annotation, block: Int, view: ReaderState) -> Bool {
        guard let blockRange = view.annotations.text.range(ofBlock: block) else { return true }
        let highlighted = annotation.anchor.position.range.clamped(to: blockRange)
        let local = (highlighted.lowerBound - blockRange.lowerBound)..<(highlighted.upperBound - blockRange.lowerBound)
        return local.overlaps(range) || (range.isEmpty && local.contains(range.lowerBound))
    }
}
