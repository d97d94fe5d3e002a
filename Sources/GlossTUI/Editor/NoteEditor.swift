import GlossCore

/// The inline multi-line note editor: text, cursor, scroll position and the discard question.
///
/// Enter saves; Ctrl-J or Alt-Enter inserts a line break; Esc cancels, asking first when the text
/// changed. Backspace/Delete and Left/Right work on grapheme clusters, so an emoji sequence or a
/// letter with its accent is never split. Up/Down move by screen row in the wrapped text and keep
/// the column; Home/End, Ctrl-A/E/U/K/W follow readline on the current line.
///
/// Up/Down, PageUp/PageDown and scrolling need the size of the text area: call
/// `resize(textWidth:rows:)` (or `fitPopup(in:)`) when the editor opens and on every resize.
public struct NoteEditor: Hashable, Sendable {
    /// Shown in the popup's border, e.g. "Note · ¶ 4".
    public var title: String
    public internal(set) var text: String
    /// The text the editor opened with, to tell whether anything changed.
    public let originalText: String
    /// Esc was pressed with changes: "y" now discards them, any other key returns to editing.
    public private(set) var isConfirmingDiscard = false
    /// Columns the text is wrapped to.
    public private(set) var textWidth: Int
    /// Rows of text visible at once.
    public private(set) var visibleRows: Int
    /// The first wrapped row shown.
    public private(set) var scrollTop = 0
    /// UTF-8 offset of the cursor in `text`, always on a grapheme-cluster boundary.
    var caret: Int
    /// The column Up/Down aim for, kept while moving through shorter rows.
    private var goalColumn: Int?

    /// An editor on `text` with the cursor at its end.
    public init(text: String, title: String, textWidth: Int = 60, visibleRows: Int = 10) {
        self.title = title
        self.text = text
        self.originalText = text
        self.textWidth = max(1, textWidth)
        self.visibleRows = max(1, visibleRows)
        self.caret = text.utf8.count
        scrollToCursor()
    }

    public var isModified: Bool { text != originalText }

    /// The cursor as a count of grapheme clusters before it.
    public var cursor: Int { text[..<caretIndex].count }

    /// The cursor's screen row (in the whole wrapped text, before scrolling) and column.
    public var cursorLocation: (row: Int, column: Int) { layout.location(of: caret) }

    /// The text as saved: the user's text with trailing line breaks removed.
    public var textToSave: String {
        var end = text.endIndex
        while end > text.startIndex {
            let previous = text.index(before: end)
            guard text[previous].isNewline else { break }
            end = previous
        }
        return String(text[..<end])
    }

    /// Sets the size of the text area, re-wrapping and keeping the cursor in view.
    public mutating func resize(textWidth: Int, rows: Int) {
        self.textWidth = max(1, textWidth)
        self.visibleRows = max(1, rows)
        goalColumn = nil
        scrollToCursor()
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> NoteEditorOutcome {
        if isConfirmingDiscard {
            isConfirmingDiscard = false
            return key == .char("y") || key == .char("Y") ? .cancel : .editing
        }
        var keepsGoalColumn = false
        switch key {
        case .enter:
            return .save(textToSave)
        case .escape:
            guard isModified else { return .cancel }
            isConfirmingDiscard = true
            return .editing
        case .ctrl("j"), .altEnter:
            insert("\n")
        case .char(let character):
            if character.isNewline {
                insert("\n")
            } else if !character.unicodeScalars.contains(where: TerminalSafe.needsPlaceholder) {
                insert(String(character))
            }
        case .backspace, .ctrl("h"):
            deleteBackward()
        case .delete, .ctrl("d"):
            deleteForward()
        case .left, .ctrl("b"):
            caret = offset(of: previousBoundary(before: caretIndex))
        case .right, .ctrl("f"):
            caret = offset(of: nextBoundary(after: caretIndex))
        case .up, .ctrl("p"):
            moveVertically(by: -1)
            keepsGoalColumn = true
        case .down, .ctrl("n"):
            moveVertically(by: 1)
            keepsGoalColumn = true
        case .pageUp:
            moveVertically(by: -max(1, visibleRows - 1))
            keepsGoalColumn = true
        case .pageDown:
            moveVertically(by: max(1, visibleRows - 1))
            keepsGoalColumn = true
        case .home, .ctrl("a"):
            caret = offset(of: lineStart)
        case .end, .ctrl("e"):
            caret = offset(of: lineEnd)
        case .ctrl("u"):
            delete(lineStart..<caretIndex)
        case .ctrl("k"):
            killToLineEnd()
        case .ctrl("w"):
            delete(previousWordStart..<caretIndex)
        default:
            break
        }
        if !keepsGoalColumn { goalColumn = nil }
        scrollToCursor()
        return .editing
    }

    var layout: NoteEditorLayout { NoteEditorLayout(text: text, width: textWidth) }

    var caretIndex: String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: min(caret, text.utf8.count)) }

    func offset(of index: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }

    private mutating func moveVertically(by rows: Int) {
        let layout = layout
        let location = layout.location(of: caret)
        let goal = goalColumn ?? location.column
        goalColumn = goal
        let target = min(max(0, location.row + rows), layout.rows.count - 1)
        guard target != location.row else { return }
        caret = layout.caret(row: target, column: goal)
    }

    /// Scrolls as little as possible to show the cursor's row.
    private mutating func scrollToCursor() {
        let layout = layout
        let row = layout.location(of: caret).row
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + visibleRows { scrollTop = row - visibleRows + 1 }
        scrollTop = max(0, min(scrollTop, layout.rows.count - visibleRows))
    }
}
