import Testing

@testable import GlossTUI

@Suite("Note editor wrapping")
struct NoteEditorWrapTests {
    func rowTexts(_ text: String, width: Int) -> [String] {
        let layout = NoteEditorLayout(text: text, width: width)
        return layout.rows.map { layout.clusters(of: $0).map(layout.shown).joined() }
    }

    func utf8Offset(_ text: String, graphemes: Int) -> Int {
        text.prefix(graphemes).utf8.count
    }

    @Test func wrapsAfterSpacesKeepingThemOnTheRow() {
        #expect(rowTexts("hello world", width: 5) == ["hello ", "world"])
        #expect(rowTexts("the tide turned", width: 9) == ["the tide ", "turned"])
        #expect(rowTexts("  ab cd", width: 5) == ["  ab ", "cd"])
        let layout = NoteEditorLayout(text: "hello world", width: 5)
        #expect(layout.location(of: 5) == (row: 0, column: 5))
        #expect(layout.location(of: 6) == (row: 1, column: 0))
        #expect(layout.location(of: 11) == (row: 1, column: 5))
    }

    @Test func breaksLongWordsBetweenClusters() {
        #expect(rowTexts("abcdefgh", width: 5) == ["abcde", "fgh"])
        #expect(rowTexts("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", width: 5) == ["👩‍👩‍👧👩‍👩‍👧", "👩‍👩‍👧"])
    }

    @Test func cjkBreaksBetweenCharactersByDisplayWidth() {
        #expect(rowTexts("你好世界你好", width: 5) == ["你好", "世界", "你好"])
        #expect(rowTexts("ab你好", width: 3) == ["ab", "你", "好"])
        #expect(rowTexts("note 東京", width: 8) == ["note 東", "京"])
    }

    @Test func lineBreaksEndRowsAndATrailingOneOpensAnEmptyRow() {
        #expect(rowTexts("", width: 5) == [""])
        #expect(rowTexts("ab\n", width: 5) == ["ab", ""])
        #expect(rowTexts("ab\r\n\ncd", width: 5) == ["ab", "", "cd"])
        let layout = NoteEditorLayout(text: "ab\n", width: 5)
        #expect(layout.location(of: 2) == (row: 0, column: 2))
        #expect(layout.location(of: 3) == (row: 1, column: 0))
    }

    @Test func hangingSpacesWaitAtTheEdge() {
        let text = "abcde   f"
        let layout = NoteEditorLayout(text: text, width: 5)
        #expect(layout.rows.count == 2)
        for caret in 5...7 { #expect(layout.location(of: caret) == (row: 0, column: 5)) }
        #expect(layout.location(of: 8) == (row: 1, column: 0))
    }

    @Test func oddClustersStillTakeAColumn() {
        #expect(rowTexts("\u{0301}x\ty", width: 10) == ["\u{25CC}\u{0301}x y"])
        let layout = NoteEditorLayout(text: "你", width: 1)
        #expect(layout.rows.count == 1)
        #expect(layout.location(of: 3) == (row: 0, column: 1))
    }

    /// Rows cover the text without gaps, fit the width unless a space hangs, and every cluster
    /// boundary has a place inside the area.
    @Test(arguments: 1...6)
    func rowsCoverTheTextAndFit(seed: Int) {
        let pieces = ["a", "bc", " ", "  ", "東", "👩‍👩‍👧", "e\u{0301}", "\n", "word", "\t", "🇺🇸"]
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        for width in [1, 2, 3, 7, 20] {
            var text = ""
            for _ in 0..<60 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let layout = NoteEditorLayout(text: text, width: width)
            var expectedStart = 0
            for row in layout.rows {
                #expect(row.start == expectedStart)
                var offset = row.start
                for cluster in layout.clusters(of: row) {
                    #expect(cluster.offset == offset)
                    offset += text.utf8.count > offset ? clusterLength(in: text, at: offset) : 0
                }
                #expect(offset == row.end)
                // Only trailing spaces may pass the edge, or a lone character wider than the row.
                var kept = layout.clusters(of: row)
                while kept.last?.isSpace == true { kept = kept.dropLast() }
                #expect(kept.reduce(0) { $0 + $1.width } <= width || kept.count == 1)
                expectedStart = row.end + (row.endsLine && row.end < text.utf8.count ? clusterLength(in: text, at: row.end) : 0)
            }
            #expect(layout.rows.last?.end == text.utf8.count)
            var caret = 0
            for character in text {
                let location = layout.location(of: caret)
                #expect(location.column <= width)
                #expect(layout.rows.indices.contains(location.row))
                caret += character.utf8.count
            }
        }
    }

    private func clusterLength(in text: String, at offset: Int) -> Int {
        let index = text.utf8.index(text.startIndex, offsetBy: offset)
        return text[index].utf8.count
    }
}
