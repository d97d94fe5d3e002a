import GlossCore

/// Draws the note editor: a bordered box with the title, the wrapped text and a key hint or
/// the discard question in the bottom border.
public enum NoteEditorView {
    /// Bottom-border hints, longest first; the first that fits is shown.
    static let hints = ["Enter save · C-j newline · Esc cancel", "Enter save · Esc cancel", "Enter·Esc"]
    static let discardQuestions = ["Discard changes? y/n", "Discard? y/n", "y/n"]

    /// The popup's box, centred in `screen`: up to 72x14, at least 24x6, never larger than `screen`.
    public static func popupRect(in screen: Rect) -> Rect {
        let width = max(min(screen.width, 24), min(72, screen.width - 4))
        let height = max(min(screen.height, 6), min(14, screen.height - 4))
        return Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
            width: width, height: height)
    }

    /// Where the text goes inside a box: one column of padding on each side, the right one
    /// holding the cursor after a full row. Empty when the box is too small for any text.
    public static func textArea(in box: Rect) -> Rect {
        guard box.width >= 4, box.height >= 3 else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
        let padding = box.width >= 6 ? 1 : 0
        return Rect(x: box.x + 1 + padding, y: box.y + 1, width: box.width - 3 - padding, height: box.height - 2)
    }

    /// Draws `editor` as a box filling `area` and returns where the terminal cursor goes, or
    /// nil when the area is too small to show any text.
    @discardableResult
    public static func render(
        _ editor: NoteEditor, in area: Rect, theme: Theme, into buffer: inout Buffer
    ) -> (x: Int, y: Int)? {
        let box = area.intersection(buffer.area)
        guard box.width >= 2, box.height >= 2 else { return nil }
        drawBorder(of: box, title: editor.title, isModified: editor.isModified, theme: theme, into: &buffer)
        drawFooter(of: box, editor: editor, theme: theme, into: &buffer)
        let textArea = textArea(in: box)
        guard !textArea.isEmpty else { return nil }

        let layout = NoteEditorLayout(text: editor.text, width: textArea.width)
        let cursor = layout.location(of: editor.caret)
        // The editor scrolled for its own size; keep the cursor visible if this area differs.
        var top = min(editor.scrollTop, max(0, layout.rows.count - textArea.height))
        if cursor.row < top { top = cursor.row }
        if cursor.row >= top + textArea.height { top = cursor.row - textArea.height + 1 }

        for screenRow in 0..<textArea.height {
            let index = top + screenRow
            guard layout.rows.indices.contains(index) else { break }
            drawRow(layout.rows[index], of: layout, at: textArea.x, y: textArea.y + screenRow, width: textArea.width, into: &buffer)
        }
        let border = theme.style(.paneBorder)
        if top > 0 { buffer.put("↑", x: box.maxX - 1, y: textArea.y, style: border) }
        if top + textArea.height < layout.rows.count {
            buffer.put("↓", x: box.maxX - 1, y: textArea.maxY - 1, style: border)
        }
        return (x: min(textArea.x + cursor.column, box.maxX - 2), y: textArea.y + cursor.row - top)
    }

    private static func drawRow(_ row: NoteEditorLayout.Row, of layout: NoteEditorLayout, at x: Int, y: Int, width: Int, into buffer: inout Buffer) {
        var column = 0
        for cluster in layout.clusters(of: row) {
            // A double-width character on a one-column row cannot be drawn whole.
            let (shown, clusterWidth) = cluster.width > width ? (TextWrapper.narrowSubstitute, 1) : (layout.shown(cluster), cluster.width)
            // Spaces hanging past the edge are not drawn.
            guard column + clusterWidth <= width else { break }
            buffer.put(shown, x: x + column, y: y, maxWidth: clusterWidth)
            column += clusterWidth
        }
    }

    private static func drawBorder(
        of box: Rect, title: String, isModified: Bool, theme: Theme, into buffer: inout Buffer
    ) {
        let border = theme.style(.paneBorder)
        buffer.fill(box)
        let horizontal = String(repeating: "─", count: max(0, box.width - 2))
        buffer.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: border)
        buffer.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: border)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.put("│", x: box.x, y: y, style: border)
            buffer.put("│", x: box.maxX - 1, y: y, style: border)
        }
        let label = " " + title + (isModified ? " +" : "") + " "
        guard label != "  " else { return }
        buffer.put(label, x: box.x + 1, y: box.y, style: theme.style(.title), maxWidth: box.width - 2)
    }

    private static func drawFooter(of box: Rect, editor: NoteEditor, theme: Theme, into buffer: inout Buffer) {
        let room = box.width - 2
        let choices = editor.isConfirmingDiscard ? discardQuestions : hints
        let framed = choices.flatMap { [" \($0) ", " \($0)", $0] }
        guard let footer = framed.first(where: { DisplayWidth.of($0) <= room }) else { return }
        let style = editor.isConfirmingDiscard ? theme.style(.error) : theme.style(.paneBorder)
        buffer.put(footer, x: box.x + 1, y: box.maxY - 1, style: style)
    }
}

extension NoteEditor {
    /// Sizes the editor for the popup `NoteEditorView.popupRect(in: screen)`.
    public mutating func fitPopup(in screen: Rect) {
        let area = NoteEditorView.textArea(in: NoteEditorView.popupRect(in: screen))
        resize(textWidth: area.width, rows: area.height)
    }
}
