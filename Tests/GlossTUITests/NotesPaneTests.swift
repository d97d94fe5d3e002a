import GlossCore
import Testing

@testable import GlossTUI

@Suite("Notes pane")
struct NotesPaneTests {
    static func note(
        _ id: String, quote: String, note: String = "", block: Int, blockEnd: Int? = nil,
        status: AnchorStatus = .exact, color: String = "yellow", date: String = "2026-11-24", start: Int = 0
    ) -> Annotation {
        let created = Timestamp(iso8601: date + "T09:30:00Z") ?? Timestamp(millisecondsSince1970: 0)
        let anchor = AnnotationAnchor(
            quote: TextQuoteSelector(exact: quote),
            position: TextPositionSelector(start: start, end: start + quote.unicodeScalars.count),
            blockIndex: block, blockEnd: blockEnd, status: status)
        return Annotation(id: id, created: created, color: color, note: note, anchor: anchor)
    }

    static func draw(_ model: NotesPaneModel, width: Int = 30, height: Int = 12, theme: Theme = .defaults) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        NotesPane.render(model, theme: theme, colors: HighlightSettings(), in: buffer.area, into: &buffer)
        return buffer
    }

    static let tidal = note(
        "a", quote: "Harbor cities are betting on the tide.", note: "Check the 2025 numbers #energy #budget",
        block: 3, start: 100)
    static let moon = note("b", quote: "betting on the moon", note: "Nice line.", block: 5, color: "green", date: "2026-11-25", start: 300)

    @Test func listsEntriesWithMarkerQuoteNoteTagsAndDate() {
        let model = NotesPaneModel(annotations: [Self.tidal, Self.moon], focusedBlock: 3)
        let buffer = Self.draw(model)
        #expect(buffer.trimmedLines == [
            "│ Notes 2",
            "│",
            "│▎█ ¶ 4 · 2026-11-24",
            "│▎Harbor cities are betting on",
            "│▎the tide.",
            "│▎Check the 2025 numbers",
            "│▎#energy #budget",
            "│",
            "│ █ ¶ 6 · 2026-11-25",
            "│ betting on the moon",
            "│ Nice line.",
            "│",
        ])
        #expect(buffer.cell(x: 2, y: 2)?.style == Style(foreground: .yellow, background: .yellow))
        #expect(buffer.cell(x: 2, y: 8)?.style == Style(foreground: .green, background: .green))
        #expect(buffer.cell(x: 0, y: 0)?.style == Theme.defaults.style(.paneBorder))
        #expect(buffer.cell(x: 2, y: 6)?.style == Theme.defaults.style(.dim))
        #expect(buffer.cell(x: 2, y: 3)?.style == Theme.defaults.style(.quote))
        let monochrome = Self.draw(model, theme: Theme.defaults.monochrome)
        #expect(monochrome.cell(x: 2, y: 2) == Cell(text: "█", style: Style(attributes: .underline)))
    }

    @Test func tagsInsideASentenceStayInTheNote() {
        let tagged = Self.note("t", quote: "Grid links.", note: "More #grid storage,\nlater. #todo", block: 0)
        #expect(Self.draw(NotesPaneModel(annotations: [tagged], focusedBlock: 9), height: 7).trimmedLines == [
            "│ Notes 1",
            "│",
            "│ █ ¶ 1 · 2026-11-24",
            "│ Grid links.",
            "│ More #grid storage,",
            "│ later.",
            "│ #grid #todo",
        ])
    }

    @Test func marksFuzzyMatchesAndHighlightsOverSeveralBlocks() {
        let fuzzy = Self.note("f", quote: "moved a little", block: 1, status: .fuzzy, color: "purple")
        let wide = Self.note("w", quote: "first. second", block: 3, blockEnd: 5, status: .mapped, start: 40)
        let buffer = Self.draw(NotesPaneModel(annotations: [fuzzy, wide], focusedBlock: 4), height: 8)
        #expect(buffer.trimmedLines == [
            "│ Notes 2",
            "│",
            "│ █ ¶ 2~ · 2026-11-24",
            "│ moved a little",
            "│",
            "│▎█ ¶ 4–6 · 2026-11-24",
            "│▎first. second",
            "│",
        ])
        // An unknown colour name falls back to the default colour.
        #expect(buffer.cell(x: 2, y: 2)?.style == Style(foreground: .yellow, background: .yellow))
    }

    @Test func listsOrphansLastInTheirOwnSection() {
        let orphan = Self.note("o", quote: "a sentence that was edited away", note: "Keep me", block: 1, status: .orphan)
        let model = NotesPaneModel(annotations: [orphan, Self.moon], focusedBlock: 1)
        #expect(NotesPane.entries(model).map(\.id) == ["b", "o"])
        #expect(Self.draw(model).trimmedLines == [
            "│ Notes 2",
            "│",
            "│ █ ¶ 6 · 2026-11-25",
            "│ betting on the moon",
            "│ Nice line.",
            "│",
            "│ Orphaned 1",
            "│ █ ¶ 2 (orphaned)",
            "│ a sentence that was edited",
            "│ away",
            "│ Keep me",
            "│",
        ])
        #expect(Self.draw(model, width: 34).trimmedLines[7] == "│ █ ¶ 2 (orphaned) · 2026-11-24")
    }

    @Test func dropsTombstones() {
        let deleted = Self.moon.tombstone(at: Timestamp(millisecondsSince1970: 0))
        let model = NotesPaneModel(annotations: [Self.tidal, deleted])
        #expect(NotesPane.entries(model).map(\.id) == ["a"])
        #expect(Self.draw(model).trimmedLines.first == "│ Notes 1")
    }

    @Test func selectedEntryIsReversedWhileThePaneHasFocus() {
        let model = NotesPaneModel(annotations: [Self.tidal, Self.moon], selectedID: "b", focusedBlock: 0, hasFocus: true)
        let buffer = Self.draw(model)
        func reversedRows(atColumn x: Int) -> [Int] {
            (0..<buffer.height).filter { y in buffer.cell(x: x, y: y)?.style.attributes.contains(.reverse) == true }
        }
        // The header shows the focus; the selected entry is reversed over the pane's full width.
        #expect(reversedRows(atColumn: 2) == [0, 8, 9, 10])
        #expect(reversedRows(atColumn: 29) == [8, 9, 10])
        #expect(buffer.cell(x: 1, y: 8)?.style.attributes.contains(.reverse) == false)
    }

    @Test func selectedEntryHeadingIsUnderlinedWithoutFocus() {
        let model = NotesPaneModel(annotations: [Self.tidal, Self.moon], selectedID: "a", focusedBlock: 0)
        let buffer = Self.draw(model)
        let underlined = (0..<buffer.height).flatMap { y in
            (0..<buffer.width).filter { x in buffer.cell(x: x, y: y)?.style.attributes.contains(.underline) == true }
                .map { [y, $0] }
        }
        // "█ ¶ 4 · 2026-11-24" spans columns 2 to 19 of the selected entry's first row.
        #expect(underlined == (2...19).map { [2, $0] })
        #expect(!(0..<buffer.height).contains { buffer.cell(x: 10, y: $0)?.style.attributes.contains(.reverse) == true })
    }

    @Test func filtersByTagAndByText() {
        var model = NotesPaneModel(annotations: [Self.tidal, Self.moon], filter: "#budget")
        #expect(NotesPane.entries(model).map(\.id) == ["a"])
        #expect(Self.draw(model).trimmedLines.first == "│ Notes 1 of 2 /#budget")
        model.filter = "energy"
        #expect(NotesPane.entries(model).map(\.id) == ["a"])
        model.filter = "moon"
        #expect(NotesPane.entries(model).map(\.id) == ["b"])
        model.filter = "nice"
        #expect(NotesPane.entries(model).map(\.id) == ["b"])
        model.filter = "BETTING"  // an uppercase letter makes the filter case-sensitive
        #expect(NotesPane.entries(model).isEmpty)
        #expect(Self.draw(model, height: 4).trimmedLines == [
            "│ Notes 0 of 2 /BETTING",
            "│",
            "│ No notes match /BETTING",
            "│",
        ])
        model.filter = "betting"
        #expect(NotesPane.entries(model).map(\.id) == ["a", "b"])
    }

    @Test func emptyPaneSaysHowToHighlight() {
        #expect(Self.draw(NotesPaneModel(), height: 6).trimmedLines == [
            "│ Notes 0",
            "│",
            "│ No highlights yet. h",
            "│ highlights the paragraph, v",
            "│ selects text.",
            "│",
        ])
    }

    @Test func longQuotesStopAfterThreeLines() {
        let long = Self.note(
            "l", quote: "One two three four five six seven eight nine ten eleven twelve thirteen fourteen",
            block: 0)
        #expect(Self.draw(NotesPaneModel(annotations: [long], focusedBlock: 5), width: 20, height: 7).trimmedLines == [
            "│ Notes 1",
            "│",
            "│ █ ¶ 1 · 2026-11-24",
            "│ One two three four",
            "│ five six seven",
            "│ eight nine ten…",
            "│",
        ])
        let exactlyThree = Self.note("x", quote: "One two three four five six seven eight nine ten", block: 0)
        #expect(Self.draw(NotesPaneModel(annotations: [exactlyThree], focusedBlock: 5), width: 20, height: 7)
            .trimmedLines[5] == "│ eight nine ten")
    }

    @Test func quotesAcrossBlocksShowAsOneLine() {
        let across = Self.note("n", quote: "End of one.\n\nStart of two.", block: 0, blockEnd: 1)
        #expect(Self.draw(NotesPaneModel(annotations: [across], focusedBlock: 5), width: 40, height: 4)
            .trimmedLines[3] == "│ End of one. Start of two.")
    }

    @Test func wrapsCJKQuotesByColumns() {
        let tokyo = Self.note("j", quote: "東京の夜、AIと屋台の話をしよう。", note: "屋台🍜の写真", block: 2)
        let buffer = Self.draw(NotesPaneModel(annotations: [tokyo], focusedBlock: 5), width: 14, height: 7)
        #expect(buffer.trimmedLines == [
            "│ Notes 1",
            "│",
            "│ █ ¶ 3",
            "│ 東京の夜、AI",
            "│ と屋台の話を",
            "│ しよう。",
            "│ 屋台🍜の写真",
        ])
    }

    @Test func scrollsSoTheSelectedEntryShowsWhole() {
        let many = (0..<6).map { Self.note("n\($0)", quote: "Quote \($0)", note: "Note \($0)", block: $0, start: $0 * 10) }
        var model = NotesPaneModel(annotations: many, selectedID: "n4", focusedBlock: 0)
        #expect(Self.draw(model, height: 10).trimmedLines == [
            "│ Notes 6",
            "│",
            "│",
            "│ █ ¶ 4 · 2026-11-24",
            "│ Quote 3",
            "│ Note 3",
            "│",
            "│ █ ¶ 5 · 2026-11-24",
            "│ Quote 4",
            "│ Note 4",
        ])
        model.selectedID = "n1"
        #expect(Self.draw(model, height: 10).trimmedLines[2...3] == ["│▎█ ¶ 1 · 2026-11-24", "│▎Quote 0"])
        // An entry taller than the pane shows from its start.
        model.annotations[5].note = (1...12).map { "line \($0)" }.joined(separator: "\n")
        model.selectedID = "n5"
        #expect(Self.draw(model, height: 10).trimmedLines[2...] == [
            "│ █ ¶ 6 · 2026-11-24", "│ Quote 5", "│ line 1", "│ line 2", "│ line 3", "│ line 4", "│ line 5", "│ line 6",
        ])
    }

    @Test func tinyAreasDoNotCrash() {
        let model = NotesPaneModel(
            annotations: [Self.tidal, Self.moon, Self.note("j", quote: "東京🍜", note: "x\u{1B}y", block: 1)],
            selectedID: "b", focusedBlock: 3, hasFocus: true, filter: "e")
        for width in 0...6 {
            for height in 0...4 {
                var buffer = Buffer(width: 8, height: 6)
                let area = Rect(x: 1, y: 1, width: width, height: height)
                NotesPane.render(model, theme: .defaults, colors: HighlightSettings(), in: area, into: &buffer)
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width where !(area.x..<area.maxX ~= x && area.y..<area.maxY ~= y) {
                        #expect(buffer.cell(x: x, y: y) == .blank)
                    }
                }
            }
        }
        #expect(Self.draw(model, width: 1, height: 2).lines == ["│", "│"])
        #expect(Self.draw(model, width: 3, height: 1).lines == ["│ …"])
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let hostile = Self.note(
            "h", quote: "quote\u{1B}]0;title\u{07}", note: "note \u{1B}[31mred\u{9B}2J", block: 0)
        let buffer = Self.draw(NotesPaneModel(annotations: [hostile], focusedBlock: 5), height: 5, theme: .defaults)
        #expect(buffer.trimmedLines[3] == "│ quote␛]0;title␇")
        #expect(buffer.trimmedLines[4] == "│ note ␛[31mred␦2J")
        let scalars = buffer.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }
}
