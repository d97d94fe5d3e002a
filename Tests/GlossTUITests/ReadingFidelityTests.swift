import GlossCore
import Testing

@testable import GlossTUI

/// Code wider than the column, tables, the title in `dump`, search from the focus, the
/// library's place after a reload, the status line's long paths and the note popup.
@Suite("Reading fidelity")
struct ReadingFidelityTests {
    static let longCode = #".executableTarget(name: "<command-line-tool>", dependencies: [.product(name: "ArgumentParser")])"#

    static func reader(_ blocks: [Block], title: String = "Doc", width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.state(width: width, height: height, paneVisible: false)
        let article = Article(metadata: ArticleMetadata(title: title), format: .markdown, blocks: blocks)
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "doc.md", article: article, savedFocus: 0)))
        return state
    }

    static var table: Block {
        // As the Markdown loader builds it (see ArticleMarkdownTests): header first.
        let article = try? ArticleLoader.load(
            bytes: Array("| Version | Swift |\n|---|--:|\n| 0.0.1 ..< 0.2.0 | 5.1 |\n| 1.0.0 ..< 1.2.0 | 5.2 |\n".utf8),
            fileName: "t.md")
        return article?.blocks.first ?? Block(kind: .paragraph, text: "")
    }

    // MARK: - Code

    @Test func aLongCodeLineWrapsAtTheColumnBehindADimMarkerAndKeepsEveryCharacter() throws {
        let lines = ArticleLayout.render(Block(kind: .code(language: "swift"), text: Self.longCode), width: 40)
        #expect(lines.count == 3)
        #expect(lines[0].prefix == "  " && lines[0].prefixElement == nil)
        #expect(lines.dropFirst().allSatisfy { $0.prefix == "↪ " && $0.prefixElement == .dim })
        let shown = lines.compactMap(\.text).map { $0.glyphs.map(\.text).joined() }.joined()
        #expect(shown == Self.longCode)

        let state = Self.reader([Block(kind: .code(language: nil), text: Self.longCode)], width: 60)
        let buffer = ScreenRenderer.render(state).buffer
        let row = try #require(buffer.lines.firstIndex { $0.contains("↪") })
        let x = try #require(buffer.lines[row].firstIndex(of: "↪")).utf16Offset(in: buffer.lines[row])
        #expect(buffer.cell(x: x, y: row)?.style.attributes.contains(.dim) == true)
        // Nothing is cut: the screen rows hold the whole line.
        let joined = buffer.trimmedLines.map { $0.replacingOccurrences(of: "↪ ", with: "").replacingOccurrences(of: "▎", with: "").trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains(Self.longCode))
    }

    @Test func dumpPrintsCodeUnwrappedAndTheOpeningTitleOnce() {
        let article = Article(
            metadata: ArticleMetadata(title: "Swift Argument Parser"), format: .markdown,
            blocks: [
                Block(kind: .heading(level: 1), text: "Swift Argument Parser"),
                Block(kind: .paragraph, text: "Intro."),
                Block(kind: .code(language: "swift"), text: Self.longCode),
            ])
        let lines = PlainTextRenderer.lines(of: article, width: 40)
        #expect(lines.filter { $0.contains("Swift Argument Parser") }.count == 1)
        #expect(lines.contains("  " + Self.longCode))
        #expect(!lines.contains { $0.contains("↪") })
    }

    // MARK: - Tables

    @Test func aTableThatFitsIsAnAlignedGridWithAHeaderRule() {
        let lines = PlainTextRenderer.lines(of: Article(metadata: ArticleMetadata(title: "T"), format: .markdown, blocks: [Self.table]), width: 60)
        #expect(
            Array(lines.suffix(4)) == [
                "Version         │ Swift",
                "────────────────┼──────",
                "0.0.1 ..< 0.2.0 │   5.1",
                "1.0.0 ..< 1.2.0 │   5.2",
            ])
    }

    @Test func aTableTooWideForTheColumnIsOneRecordPerRow() {
        let lines = PlainTextRenderer.lines(of: Article(metadata: ArticleMetadata(title: "T"), format: .markdown, blocks: [Self.table]), width: 20)
        let body = Array(lines.drop { $0 != "Version | Swift" })
        #expect(
            body == [
                "Version | Swift", "", "Version: 0.0.1 ..<", "         0.2.0", "Swift:   5.1", "",
                "Version: 1.0.0 ..<", "         1.2.0", "Swift:   5.2",
            ])
    }

    @Test(arguments: [60, 20])
    func tableLinesCoverTheTextContiguously(width: Int) {
        let lines = ArticleLayout.render(Self.table, width: width).compactMap(\.text)
        #expect(lines.first?.range.lowerBound == 0)
        #expect(lines.last?.range.upperBound == Self.table.text.unicodeScalars.count)
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
    }

    @Test func aTableIsOneBlockWhoseCellsAreSearchedAndHighlighted() throws {
        var state = Self.reader([Block(kind: .paragraph, text: "Before the table."), Self.table])
        _ = Fixtures.press([.char("/")] + Fixtures.type("1.2.0") + [.enter], on: &state)
        #expect(state.reader?.focus == 1)
        let status = ScreenRenderer.render(state).buffer.trimmedLines.last ?? ""
        #expect(status.contains("¶ 2/2"))
        var buffer = ScreenRenderer.render(state).buffer
        var row = try #require(buffer.lines.firstIndex { $0.contains("1.0.0 ..< 1.2.0 │") })
        var x = try #require(buffer.lines[row].range(of: "1.2.0")).lowerBound.utf16Offset(in: buffer.lines[row])
        #expect(buffer.cell(x: x, y: row)?.style.background == .magenta)

        _ = Fixtures.press([.escape, .char("h")], on: &state)
        #expect(state.reader?.annotations.annotations.first?.anchor.quote.exact == Self.table.text)
        buffer = ScreenRenderer.render(state).buffer
        row = try #require(buffer.lines.firstIndex { $0.contains("0.0.1 ..< 0.2.0 │") })
        x = try #require(buffer.lines[row].range(of: "0.0.1")).lowerBound.utf16Offset(in: buffer.lines[row])
        #expect(buffer.cell(x: x, y: row)?.style.background == .yellow)
    }

    // MARK: - Search from where you are

    static let trump: [Block] = [
        Block(kind: .paragraph, text: "Alpha Trump one."),
        Block(kind: .paragraph, text: "Trump two."),
        Block(kind: .paragraph, text: "Nothing here."),
        Block(kind: .paragraph, text: "Three Trump and Trump."),
    ]

    @Test func afterMovingNSearchesForwardFromTheFocusedParagraph() {
        var state = Self.reader(Self.trump)
        _ = Fixtures.press([.char("/")] + Fixtures.type("Trump") + [.enter], on: &state)
        #expect(state.reader?.focus == 0)
        _ = Fixtures.press([.char("G"), .char("n")], on: &state)
        #expect(state.reader?.focus == 3)
        #expect(state.reader?.search?.current == SearchMatch(block: 3, range: 6..<11))
        #expect(state.message == nil)
        _ = Fixtures.press([.char("n")], on: &state)
        #expect(state.reader?.search?.current == SearchMatch(block: 3, range: 16..<21))
        _ = Fixtures.press([.char("n")], on: &state)
        #expect(state.reader?.search?.current == SearchMatch(block: 0, range: 6..<11))
        #expect(state.message?.text == "search hit BOTTOM, continuing at TOP")
    }

    @Test func afterMovingCapitalNSearchesBackwardFromTheFocusedParagraph() {
        var state = Self.reader(Self.trump)
        _ = Fixtures.press([.char("/")] + Fixtures.type("Trump") + [.enter], on: &state)
        _ = Fixtures.press([.char("j"), .char("j"), .char("N")], on: &state)
        #expect(state.reader?.search?.current == SearchMatch(block: 1, range: 0..<5))
        #expect(state.message == nil)
        _ = Fixtures.press([.char("g"), .char("N")], on: &state)
        #expect(state.reader?.search?.current == SearchMatch(block: 0, range: 6..<11))
        _ = Fixtures.press([.char("N")], on: &state)
        #expect(state.reader?.search?.current == SearchMatch(block: 3, range: 16..<21))
        #expect(state.message?.text == "search hit TOP, continuing at BOTTOM")
    }

    // MARK: - The library keeps your place

    @Test func aReloadKeepsTheSelectedArticleOrTheNearestOne() throws {
        var state = Fixtures.state()
        let paths = state.library.visible.map { state.library.items[$0].relativePath }
        state.library.select(2)
        let chosen = paths[2]
        var items = Fixtures.items
        items.insert(LibraryItem(relativePath: "new.md", title: "Brand new", date: "2030-01-01"), at: 0)
        _ = reduce(&state, .libraryLoaded(items))
        #expect(state.library.selectedItem?.relativePath == chosen)

        // The selected article is gone: the next one in the old order takes its place.
        let expected = paths[3]
        _ = reduce(&state, .libraryLoaded(items.filter { $0.relativePath != chosen }))
        #expect(state.library.selectedItem?.relativePath == expected)
    }

    @Test func aReloadKeepsTheSelectedArticleOnScreen() throws {
        var state = Fixtures.state(width: 80, height: 24)
        func items(_ count: Int, from first: Int) -> [LibraryItem] {
            (first..<(first + count)).map { LibraryItem(relativePath: "a\($0).md", title: "Article \($0)", date: "2026-01-\(10 + $0 % 18)") }
        }
        _ = reduce(&state, .libraryLoaded(items(40, from: 0)))
        _ = Fixtures.press(Array(repeating: .char("j"), count: 30), on: &state)
        let chosen = try #require(state.library.selectedItem?.relativePath)
        // A fetch brings twenty more, sorted all around the selected one.
        _ = reduce(&state, .libraryLoaded(items(60, from: 0)))
        #expect(state.library.selectedItem?.relativePath == chosen)
        let title = try #require(state.library.selectedItem?.title)
        #expect(ScreenRenderer.render(state).buffer.lines.contains { $0.contains(title + " ") || $0.hasSuffix(title) })
    }

    @Test func aFilterChangeKeepsTheSelectedArticleWhenItStillMatches() {
        var state = Fixtures.state()
        let index = try? #require(state.library.visible.firstIndex { state.library.items[$0].relativePath == "notes.txt" })
        state.library.select(index ?? 0)
        state.library.filter = "e"
        #expect(state.library.selectedItem?.relativePath == "notes.txt")
    }

    // MARK: - Status line and hints

    @Test func anExportPathLongerThanTheWindowIsShownWhole() {
        var state = Fixtures.reader(width: 60, height: 20, paneVisible: false)
        let path = "/home/reader/.local/share/gloss/exports/test-2025-11-24-harbor-cities-bet-on-tidal-power-la.md"
        state.message = StatusMessage("exported to \(path)", needsWholeLine: true)
        let lines = ScreenRenderer.render(state).buffer.trimmedLines
        let shown = lines.suffix(4).dropLast().map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(shown.contains(path))
        #expect(!shown.contains("…"))
        #expect(lines.last?.contains("¶ 1/") == true)
    }

    @Test func thePaneHintFitsAFortyColumnWindow() {
        var state = Fixtures.reader(width: 100, height: 20)
        _ = reduce(&state, .resize(Size(width: 40, height: 20)))
        let hint = state.paneHiddenHint.text
        #expect(hint.count <= 38)
        #expect(state.message?.text == hint)
        // Whole, on its own row above the status line, which keeps the position.
        let lines = ScreenRenderer.render(state).buffer.trimmedLines
        #expect(lines[lines.count - 2].contains(hint))
        #expect(lines[lines.count - 1].contains("¶ 1/"))
    }

    // MARK: - Note popup

    @Test func theNotePopupSitsBelowThePassageItAnnotates() throws {
        var state = Fixtures.reader(width: 80, height: 40, focus: 1, paneVisible: false)
        _ = Fixtures.press([.char("a")], on: &state)
        let passage = try #require(NotePopupPlacement.passageRows(state))
        let buffer = ScreenRenderer.render(state).buffer
        let top = try #require(buffer.lines.firstIndex { $0.contains("┌") || $0.contains("╭") })
        #expect(top > passage.upperBound)
        // The passage itself is still readable.
        #expect(buffer.lines[passage.lowerBound].contains("Paragraph 1."))
    }

    @Test func theNotePopupGoesAboveWhenThereIsNoRoomBelow() throws {
        var state = Fixtures.reader(width: 80, height: 30, focus: 1, paneVisible: false)
        _ = Fixtures.press([.char("G"), .char("a")], on: &state)
        let passage = try #require(NotePopupPlacement.passageRows(state))
        let popup = NotePopupPlacement.rect(for: state, in: Rect(x: 0, y: 0, width: 80, height: 29))
        #expect(popup.maxY <= passage.lowerBound)
    }
}
