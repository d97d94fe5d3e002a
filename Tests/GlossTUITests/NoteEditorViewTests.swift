import GlossCore
import Testing

@testable import GlossTUI

@Suite("Note editor view")
struct NoteEditorViewTests {
    /// Renders the popup on an empty screen of the given size, the way the app will.
    func draw(_ editor: inout NoteEditor, width: Int, height: Int) -> (lines: [String], cursor: (x: Int, y: Int)?, buffer: Buffer) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        editor.fitPopup(in: screen)
        var buffer = Buffer(width: width, height: height)
        let cursor = NoteEditorView.render(editor, in: NoteEditorView.popupRect(in: screen), theme: .defaults, into: &buffer)
        return (buffer.trimmedLines, cursor, buffer)
    }

    /// A text row of the 26-column popup drawn at x = 2 on a 30-column screen.
    func row(_ text: String) -> String {
        "  │ " + text + String(repeating: " ", count: 22 - text.count) + " │"
    }

    @Test func popupAtThirtyByTen() {
        var editor = NoteEditor(text: "Harbor cities bet on the tide", title: "Note · ¶ 4")
        let (lines, cursor, _) = draw(&editor, width: 30, height: 10)
        #expect(lines == [
            "", "",
            "  ┌ Note · ¶ 4 " + String(repeating: "─", count: 12) + "┐",
            row("Harbor cities bet on"),
            row("the tide"),
            row(""),
            row(""),
            "  └ Enter save · Esc cancel┘",
            "", "",
        ])
        #expect(cursor.map { [$0.x, $0.y] } == [12, 4])
    }

    @Test func popupAtSixtyByTwentyWrapsCJKAndEmoji() throws {
        var editor = NoteEditor(
            text: "Harbor wall\n東京 notes 👩‍👩‍👧 and a rather long line that has to wrap somewhere",
            title: "Note · ¶ 4")
        let (lines, cursor, buffer) = draw(&editor, width: 60, height: 20)
        #expect(NoteEditorView.popupRect(in: buffer.area) == Rect(x: 2, y: 3, width: 56, height: 14))
        #expect(lines[3].hasPrefix("  ┌ Note · ¶ 4 ───"))
        #expect(lines[4] == "  │ Harbor wall" + String(repeating: " ", count: 42) + "│")
        #expect(lines[5].hasPrefix("  │ 東京 notes 👩‍👩‍👧 and a rather long line that has to "))
        #expect(lines[6].hasPrefix("  │ wrap somewhere "))
        #expect(lines[16].hasPrefix("  └ Enter save · C-j newline · Esc cancel ───"))
        // The wide characters take two cells each, the second a continuation.
        #expect(buffer.cell(x: 4, y: 5)?.text == "東")
        #expect(buffer.cell(x: 5, y: 5)?.isContinuation == true)
        #expect(buffer.cell(x: 15, y: 5)?.text == "👩‍👩‍👧")
        let position = try #require(cursor)
        #expect([position.x, position.y] == [4 + 14, 6])
    }

    @Test func cursorFollowsEditsAndMovesDown() throws {
        var editor = NoteEditor(text: "one\ntwo", title: "Note")
        typeScalars("東", into: &editor)
        var cursor = try #require(draw(&editor, width: 30, height: 10).cursor)
        #expect([cursor.x, cursor.y] == [4 + 5, 4])
        press([.up], in: &editor)
        cursor = try #require(draw(&editor, width: 30, height: 10).cursor)
        #expect([cursor.x, cursor.y] == [4 + 3, 3])
    }

    @Test func cursorAfterAFullRowSitsInThePaddingColumn() throws {
        var editor = NoteEditor(text: String(repeating: "x", count: 22), title: "Note")
        let (lines, cursor, _) = draw(&editor, width: 30, height: 10)
        #expect(lines[3] == row(String(repeating: "x", count: 22)))
        let position = try #require(cursor)
        #expect([position.x, position.y] == [26, 3])
    }

    @Test func discardQuestionAndModifiedMarker() {
        var editor = NoteEditor(text: "draft", title: "Note")
        typeScalars("!", into: &editor)
        _ = editor.handle(.escape)
        let (lines, _, buffer) = draw(&editor, width: 30, height: 10)
        #expect(lines[2].hasPrefix("  ┌ Note + ─"))
        #expect(lines[3] == row("draft!"))
        #expect(lines[7] == "  └ Discard changes? y/n ──┘")
        #expect(buffer.cell(x: 4, y: 7)?.style == Theme.defaults.style(.error))
        _ = editor.handle(.char("n"))
        #expect(draw(&editor, width: 30, height: 10).lines[7] == "  └ Enter save · Esc cancel┘")
    }

    @Test func scrolledTextShowsTheCursorRowAndArrows() throws {
        let text = (1...9).map { "line \($0)" }.joined(separator: "\n")
        var editor = NoteEditor(text: text, title: "Note")
        var (lines, cursor, _) = draw(&editor, width: 30, height: 10)
        #expect(Array(lines[3...6]) == [
            "  │ line 6" + String(repeating: " ", count: 17) + "↑",
            row("line 7"),
            row("line 8"),
            row("line 9"),
        ])
        #expect(cursor.map { $0.y } == 6)
        press(Array(repeating: Key.up, count: 8), in: &editor)
        (lines, cursor, _) = draw(&editor, width: 30, height: 10)
        #expect(lines[3] == row("line 1"))
        #expect(lines[6] == "  │ line 4" + String(repeating: " ", count: 17) + "↓")
        #expect(cursor.map { [$0.x, $0.y] } == [10, 3])
    }

    @Test func controlCharactersInTheNoteAreShownAsPlaceholders() {
        var editor = NoteEditor(text: "\u{1B}[31mred\u{07}", title: "Note\u{1B}]0;x")
        let (lines, _, buffer) = draw(&editor, width: 30, height: 10)
        #expect(lines[3] == row("␛[31mred␇"))
        #expect(lines[2].hasPrefix("  ┌ Note␛]0;x ─"))
        #expect(!buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func tinyScreensNeverCrash() throws {
        var editor = NoteEditor(text: "hello world foo", title: "A long title for a tiny box")
        let (lines, cursor, _) = draw(&editor, width: 10, height: 4)
        #expect(NoteEditorView.popupRect(in: Rect(x: 0, y: 0, width: 10, height: 4)) == Rect(x: 0, y: 0, width: 10, height: 4))
        #expect(lines == ["┌ A long ┐", "│ world  ↑", "│ foo    │", "└────────┘"])
        let position = try #require(cursor)
        #expect([position.x, position.y] == [5, 2])

        for (width, height) in [(0, 0), (1, 1), (3, 2), (4, 3), (5, 3), (40, 2)] {
            var small = NoteEditor(text: "東京 👩‍👩‍👧 notes", title: "Note")
            let result = draw(&small, width: width, height: height)
            #expect(result.lines.count == height)
            if let cursor = result.cursor {
                #expect((0..<width).contains(cursor.x) && (0..<height).contains(cursor.y))
            }
        }
        // One text column: a wide character is drawn as "?" and the cursor stays inside the box.
        var narrow = NoteEditor(text: "東", title: "")
        var buffer = Buffer(width: 4, height: 3)
        let narrowCursor = try #require(NoteEditorView.render(narrow, in: buffer.area, theme: .defaults, into: &buffer))
        #expect(buffer.trimmedLines[1] == "│? │")
        #expect(narrowCursor.x == 2)
        // An area hanging off the buffer is clipped.
        narrow.resize(textWidth: 10, rows: 3)
        var clipped = Buffer(width: 8, height: 4)
        _ = NoteEditorView.render(narrow, in: Rect(x: 3, y: 1, width: 20, height: 10), theme: .defaults, into: &clipped)
        #expect(clipped.trimmedLines[1] == "   ┌───┐")
    }
}
