/// The note editor's text changes and the cursor positions they are built from.
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
        var offset = 0
        for character in text {
            let next = offset + character.utf8.count
            if next > caret {
                caret = offset == caret ? offset : next
                return
            }
            offset = next
        }
        caret = offset
    }
}
