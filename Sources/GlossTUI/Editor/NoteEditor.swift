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
    public private(set) var text: String
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
    private(set) var caret: Int
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
        scrollToCursor(in: layout)
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
        scrollToCursor(in: layout)
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> NoteEditorOutcome {
        if isConfirmingDiscard {
            isConfirmingDiscard = false
            return key == .char("y") || key == .char("Y") ? .cancel : .editing
        }
        // Up and Down lay the text out; scrolling after them reuses that layout.
        var verticalLayout: NoteEditorLayout?
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
            verticalLayout = moveVertically(by: -1)
        case .down, .ctrl("n"):
            verticalLayout = moveVertically(by: 1)
        case .pageUp:
            verticalLayout = moveVertically(by: -max(1, visibleRows - 1))
        case .pageDown:
            verticalLayout = moveVertically(by: max(1, visibleRows - 1))
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
        if verticalLayout == nil { goalColumn = nil }
        scrollToCursor(in: verticalLayout ?? layout)
        return .editing
    }

    var layout: NoteEditorLayout { NoteEditorLayout(text: text, width: textWidth) }

    var caretIndex: String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: min(caret, text.utf8.count)) }

    func offset(of index: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }

    private mutating func moveVertically(by rows: Int) -> NoteEditorLayout {
        let layout = layout
        let location = layout.location(of: caret)
        let goal = goalColumn ?? location.column
        goalColumn = goal
        let target = min(max(0, location.row + rows), layout.rows.count - 1)
        if target != location.row { caret = layout.caret(row: target, column: goal) }
        return layout
    }

    /// Scrolls as little as possible to show the cursor's row.
    private mutating func scrollToCursor(in layout: NoteEditorLayout) {
        let row = layout.location(of: caret).row
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + visibleRows { scrollTop = row - visibleRows + 1 }
        scrollTop = max(0, min(scrollTop, layout.rows.count - visibleRows))
    }
}

// MARK: - Text changes and the cursor positions they are built from
extension NoteEditor {
    mutating func insert(_ string: String) {
        text.insert(contentsOf: string, at: caretIndex)
        caret += string.utf8.count
        // A combining mark or a second regional indicator joins the cluster before it.
        snapCaretToBoundary()
    }

    mutating func deleteBackward() {
        let index = caretIndex
        delete(previousBoundary(before: index)..<index)
    }

    mutating func deleteForward() {
        let index = caretIndex
        delete(index..<nextBoundary(after: index))
    }

    /// Ctrl-K: deletes to the end of the line, or joins the next line when already there.
    mutating func killToLineEnd() {
        let index = caretIndex
        let end = lineEnd
        if end == index {
            delete(index..<nextBoundary(after: index))
        } else {
            delete(index..<end)
        }
    }

    /// Removes `range` and leaves the cursor where it started.
    mutating func delete(_ range: Range<String.Index>) {
        guard !range.isEmpty else { return }
        let start = offset(of: range.lowerBound)
        text.removeSubrange(range)
        caret = start
        // Two clusters brought together may merge into one (two regional indicators).
        snapCaretToBoundary()
    }

    func previousBoundary(before index: String.Index) -> String.Index {
        index > text.startIndex ? text.index(before: index) : index
    }

    func nextBoundary(after index: String.Index) -> String.Index {
        index < text.endIndex ? text.index(after: index) : index
    }

    /// Where the cursor's line starts: just after the previous line break.
    var lineStart: String.Index {
        var index = caretIndex
        while index > text.startIndex {
            let previous = text.index(before: index)
            if text[previous].isNewline { break }
            index = previous
        }
        return index
    }

    /// Where the cursor's line ends: at the next line break or the end of the text.
    var lineEnd: String.Index {
        var index = caretIndex
        while index < text.endIndex, !text[index].isNewline {
            index = text.index(after: index)
        }
        return index
    }

    /// Ctrl-W's start, as in readline: back over whitespace, then over the word before it.
    var previousWordStart: String.Index {
        var index = caretIndex
        while index > text.startIndex, text[text.index(before: index)].isWhitespace {
            index = text.index(before: index)
        }
        while index > text.startIndex, !text[text.index(before: index)].isWhitespace {
            index = text.index(before: index)
        }
        return index
    }

    /// Moves the cursor to the end of the cluster it is inside, if an edit left it inside one.
    mutating func snapCaretToBoundary() {
        let index = caretIndex
        guard index < text.endIndex else { return }
        // Character steps round an index inside a cluster down to the cluster's start, so
        // stepping forward and back again lands elsewhere exactly when the cursor is inside one.
        let next = text.index(after: index)
        if offset(of: text.index(before: next)) != caret { caret = offset(of: next) }
    }
}
