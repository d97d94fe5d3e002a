import Testing

@testable import GlossTUI

/// Sends `text` the way the terminal delivers it: one `get_wch` scalar at a time, so emoji
/// sequences and combining marks arrive in pieces.
func typeScalars(_ text: String, into editor: inout NoteEditor) {
    for scalar in text.unicodeScalars {
        #expect(editor.handle(.char(Character(scalar))) == .editing)
    }
}

func press(_ keys: [Key], in editor: inout NoteEditor) {
    for key in keys { _ = editor.handle(key) }
}

@Suite("Note editor keys")
struct NoteEditorKeyTests {
    @Test func typingCJKAndEmojiKeepsWholeClusters() {
        var editor = NoteEditor(text: "", title: "Note")
        typeScalars("東京 👩‍👩‍👧!", into: &editor)
        #expect(editor.text == "東京 👩‍👩‍👧!")
        #expect(editor.cursor == 5)
        #expect(editor.cursorLocation.column == 2 + 2 + 1 + 2 + 1)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        #expect(editor.text == "東京 ")
        #expect(editor.cursor == 3)
    }

    @Test func combiningMarkJoinsThePreviousCharacter() {
        var editor = NoteEditor(text: "caf", title: "Note")
        typeScalars("e\u{0301}!", into: &editor)
        #expect(editor.text.unicodeScalars.count == 6)
        #expect(editor.text.count == 5)
        #expect(editor.cursor == 5)
        press([.left, .backspace], in: &editor)
        #expect(editor.text == "caf!")
        #expect(editor.cursor == 3)
        #expect(editor.cursorLocation.column == 3)
    }

    @Test func regionalIndicatorsTypedApartBecomeOneFlag() {
        var editor = NoteEditor(text: "", title: "Note")
        typeScalars("🇺🇸", into: &editor)
        #expect(editor.text.count == 1)
        #expect(editor.cursor == 1)
        _ = editor.handle(.backspace)
        #expect(editor.text.isEmpty)
    }

    @Test func leftRightAndDeleteStepOverWholeClusters() {
        var editor = NoteEditor(text: "a👩‍👩‍👧b", title: "Note")
        _ = editor.handle(.left)
        #expect(editor.cursor == 2)
        _ = editor.handle(.left)
        #expect(editor.cursor == 1)
        _ = editor.handle(.delete)
        #expect(editor.text == "ab")
        press([.left, .left, .left, .backspace], in: &editor)
        #expect(editor.text == "ab")
        #expect(editor.cursor == 0)
        press([.right, .right, .right, .delete], in: &editor)
        #expect(editor.text == "ab")
        #expect(editor.cursor == 2)
    }

    @Test func enterSavesWithoutTrailingLineBreaks() {
        var editor = NoteEditor(text: "", title: "Note")
        typeScalars("line one", into: &editor)
        _ = editor.handle(.ctrl("j"))
        typeScalars("two  ", into: &editor)
        _ = editor.handle(.altEnter)
        _ = editor.handle(.ctrl("j"))
        #expect(editor.text == "line one\ntwo  \n\n")
        #expect(editor.handle(.enter) == .save("line one\ntwo  "))
    }

    @Test func escapeWithoutChangesCancels() {
        var editor = NoteEditor(text: "kept", title: "Note")
        typeScalars("x", into: &editor)
        _ = editor.handle(.backspace)
        #expect(!editor.isModified)
        #expect(editor.handle(.escape) == .cancel)
    }

    @Test func escapeWithChangesAsksBeforeDiscarding() {
        var editor = NoteEditor(text: "kept", title: "Note")
        typeScalars("!", into: &editor)
        #expect(editor.isModified)
        #expect(editor.handle(.escape) == .editing)
        #expect(editor.isConfirmingDiscard)
        #expect(editor.handle(.char("n")) == .editing)
        #expect(!editor.isConfirmingDiscard)
        #expect(editor.text == "kept!")

        _ = editor.handle(.escape)
        // Any other key answers "no" and is not typed.
        #expect(editor.handle(.char("x")) == .editing)
        #expect(editor.text == "kept!")
        #expect(!editor.isConfirmingDiscard)

        _ = editor.handle(.escape)
        #expect(editor.handle(.char("y")) == .cancel)
    }

    @Test func homeEndAndReadlineKeysWorkOnTheCurrentLine() {
        var editor = NoteEditor(text: "first\nsecond line\nthird", title: "Note")
        press([.up, .ctrl("e")], in: &editor)
        #expect(editor.cursorLocation == (row: 1, column: 11))
        press([.home], in: &editor)
        typeScalars(">", into: &editor)
        #expect(editor.text == "first\n>second line\nthird")
        press([.end, .ctrl("w")], in: &editor)
        #expect(editor.text == "first\n>second \nthird")
        press([.ctrl("a"), .right, .right, .ctrl("u")], in: &editor)
        #expect(editor.text == "first\necond \nthird")
        #expect(editor.cursorLocation == (row: 1, column: 0))
        press([.right, .ctrl("k")], in: &editor)
        #expect(editor.text == "first\ne\nthird")
        // At the end of a line Ctrl-K joins the next one.
        _ = editor.handle(.ctrl("k"))
        #expect(editor.text == "first\nethird")
        press([.ctrl("a"), .ctrl("u")], in: &editor)
        #expect(editor.text == "first\nethird")
    }

    @Test func ctrlWDeletesWhitespaceThenTheWordBeforeIt() {
        var editor = NoteEditor(text: "one\ntwo  three  ", title: "Note")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "one\ntwo  ")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "one\n")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "")
    }

    @Test func controlCharactersAreNotInserted() {
        var editor = NoteEditor(text: "a", title: "Note")
        for scalar in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"] {
            _ = editor.handle(.char(Character(scalar)))
        }
        _ = editor.handle(.tab)
        #expect(editor.text == "a")
        #expect(!editor.isModified)
    }

    @Test func upAndDownKeepTheColumnAcrossLines() {
        var editor = NoteEditor(text: "abcdefghij klmnop\nxy\nqrstuvwxyz", title: "Note", textWidth: 10)
        #expect(editor.cursorLocation == (row: 3, column: 10))
        _ = editor.handle(.up)
        #expect(editor.cursorLocation == (row: 2, column: 2))
        _ = editor.handle(.up)
        #expect(editor.cursorLocation == (row: 1, column: 6))
        _ = editor.handle(.up)
        #expect(editor.cursorLocation == (row: 0, column: 10))
        _ = editor.handle(.up)
        #expect(editor.cursorLocation == (row: 0, column: 10))
        press([.down, .down, .down], in: &editor)
        #expect(editor.cursorLocation == (row: 3, column: 10))
        #expect(editor.cursor == editor.text.count)
        // Any other key forgets the column.
        press([.left, .left, .up, .up], in: &editor)
        #expect(editor.cursorLocation == (row: 1, column: 6))
        _ = editor.handle(.down)
        #expect(editor.cursorLocation == (row: 2, column: 2))
    }

    @Test func upFromTheEndOfAWrappedRowStaysOnThatRow() {
        var editor = NoteEditor(text: "abc defghij", title: "Note", textWidth: 8)
        #expect(editor.cursorLocation == (row: 1, column: 7))
        _ = editor.handle(.up)
        // The position after "abc " is the start of the next row, so the cursor stops before the space.
        #expect(editor.cursorLocation == (row: 0, column: 3))
        #expect(editor.cursor == 3)
        _ = editor.handle(.down)
        #expect(editor.cursorLocation == (row: 1, column: 7))
    }

    @Test func upAndDownThroughWrappedCJK() {
        var editor = NoteEditor(text: "你好世界你好", title: "Note", textWidth: 5)
        #expect(editor.cursorLocation == (row: 2, column: 4))
        _ = editor.handle(.up)
        #expect(editor.cursorLocation == (row: 1, column: 2))
        #expect(editor.cursor == 3)
        _ = editor.handle(.ctrl("p"))
        #expect(editor.cursorLocation == (row: 0, column: 2))
        _ = editor.handle(.right)
        #expect(editor.cursorLocation == (row: 1, column: 0))
        var odd = NoteEditor(text: "a你好\nabc", title: "Note", textWidth: 10)
        press([.up, .home, .right, .right, .down], in: &odd)
        #expect(odd.cursorLocation == (row: 1, column: 3))
        _ = odd.handle(.up)
        #expect(odd.cursorLocation == (row: 0, column: 3))
        press([.down, .left, .up], in: &odd)
        // Column 2 is the right half of 你: the cursor goes before it.
        #expect(odd.cursorLocation == (row: 0, column: 1))
        #expect(odd.cursor == 1)
    }

    @Test func scrollingKeepsTheCursorRowVisible() {
        let lines = (1...12).map { "line \($0)" }.joined(separator: "\n")
        var editor = NoteEditor(text: lines, title: "Note", textWidth: 20, visibleRows: 4)
        #expect(editor.scrollTop == 8)
        for _ in 0..<11 {
            _ = editor.handle(.up)
            let row = editor.cursorLocation.row
            #expect((editor.scrollTop..<editor.scrollTop + 4).contains(row))
        }
        #expect(editor.cursorLocation.row == 0)
        #expect(editor.scrollTop == 0)
        _ = editor.handle(.pageDown)
        #expect(editor.cursorLocation.row == 3)
        #expect(editor.scrollTop == 0)
        _ = editor.handle(.pageDown)
        #expect(editor.cursorLocation.row == 6)
        #expect(editor.scrollTop == 3)
        editor.resize(textWidth: 20, rows: 2)
        #expect(editor.scrollTop == 5)
    }
}
