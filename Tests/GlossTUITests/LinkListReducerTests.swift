import GlossCore
import Testing

@testable import GlossTUI

/// `L`, the link list, `o`, and pages saved from links, against the reducer and the buffer.
@Suite("Links in the reader")
struct LinkListReducerTests {
    static var article: Article {
        var metadata = ArticleMetadata(
            title: "Storm closes the harbour", author: "Jo Doe", source: "Coastal Ledger", date: "2026-11-20",
            url: "https://ledger.example/storm")
        metadata.enclosures = [Enclosure(url: "https://ledger.example/storm.mp3", type: "audio/mpeg", length: 42_000_000)]
        let blocks = [
            Block(kind: .paragraph, text: "The harbour master read the forecast aloud.",
                  spans: [InlineSpan(range: 28..<36, style: .link)],
                  links: [InlineLink(range: 28..<36, url: "https://met.example/forecast")]),
            Block(kind: .paragraph, text: "Boats stayed in; see the map and the tide table.",
                  links: [InlineLink(range: 21..<28, url: "https://maps.example/harbour"),
                          InlineLink(range: 33..<47, url: "https://ledger.example/tides")]),
            Block(kind: .paragraph, text: "Letters: write to the editor. [image: Radar]",
                  links: [InlineLink(range: 18..<28, url: "mailto:editor@ledger.example"),
                          InlineLink(range: 30..<44, url: "https://ledger.example/radar.png", kind: .image)]),
            Block(kind: .paragraph, text: "A trick link.", links: [InlineLink(range: 2..<7, url: "javascript:alert(1)")]),
        ]
        return Article(metadata: metadata, format: .markdown, blocks: blocks)
    }

    static func reader(focus: Int = 0, settings: ReaderSettings = ReaderSettings(), keymap: Keymap = .defaults) -> AppState {
        var state = AppState(size: Size(width: 80, height: 24), keymap: keymap, settings: settings,
                             paneSettings: PaneSettings(visible: false), world: Fixtures.world)
        _ = reduce(&state, .libraryLoaded(Fixtures.items))
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "world/storm.md", article: article, savedFocus: focus)))
        return state
    }

    @Test func lOpensTheListWithTheFocusedParagraphsFirstLinkSelected() throws {
        var state = Self.reader(focus: 1)
        _ = Fixtures.press([.char("L")], on: &state)
        let list = try #require(state.linkList)
        #expect(state.mode == .links)
        #expect(list.links.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(list.selectedLink?.number == 2)
        #expect(list.links.last?.label == "enclosure audio/mpeg 42 MB")
    }

    @Test func movingJumpingAndFiltering() throws {
        var state = Self.reader()
        _ = Fixtures.press([.char("L"), .char("j"), .char("j")], on: &state)
        #expect(state.linkList?.selectedLink?.number == 3)
        _ = Fixtures.press([.char("G")], on: &state)
        #expect(state.linkList?.selectedLink?.number == 7)
        _ = Fixtures.press([.char("g"), .char("k")], on: &state)
        #expect(state.linkList?.selectedLink?.number == 1)
        _ = Fixtures.press([.char("5")], on: &state)
        #expect(state.linkList?.selectedLink?.number == 5)
        _ = Fixtures.press([.char("9")], on: &state)
        #expect(state.linkList?.selectedLink?.number == 5)
        #expect(state.message?.text == "no link 9")
        _ = Fixtures.press([.char("/")] + Fixtures.type("ledger") + [.enter], on: &state)
        let list = try #require(state.linkList)
        #expect(list.visible.map(\.number) == [3, 4, 5, 7])
        #expect(!list.isFiltering)
        // Letters typed while filtering are text, not keys: `q` did not close the list.
        _ = Fixtures.press([.char("/"), .char("q")], on: &state)
        #expect(state.linkList?.visible.isEmpty == true)
        _ = Fixtures.press([.escape], on: &state)
        #expect(state.linkList?.visible.count == 7)
        _ = Fixtures.press([.char("q")], on: &state)
        #expect(state.linkList == nil)
        #expect(state.mode == .reader)
    }

    @Test func enterOpensTheSelectedLinkAndRefusedSchemesNeverLeave() throws {
        var state = Self.reader()
        var effects = Fixtures.press([.char("L"), .char("2"), .enter], on: &state)
        #expect(effects == [.openURL("https://maps.example/harbour", inTerminal: false)])
        effects = Fixtures.press([.char("6"), .char("o")], on: &state)
        #expect(effects == [])
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("javascript") == true)
        effects = Fixtures.press([.char("4"), .char("o")], on: &state)
        #expect(effects == [.openURL("mailto:editor@ledger.example", inTerminal: false)])
    }

    @Test func browserInTerminalIsPassedOn() {
        var state = Self.reader()
        state.linkSettings = LinkSettings(browserInTerminal: true)
        let effects = Fixtures.press([.char("o")], on: &state)
        #expect(effects == [.openURL("https://ledger.example/storm", inTerminal: true)])
    }

    @Test func yShowsTheFullURL() {
        var state = Self.reader()
        _ = Fixtures.press([.char("L"), .char("3"), .char("y")], on: &state)
        #expect(state.message?.text == "https://ledger.example/tides")
    }

    @Test func aSavesTheLinkedPageAndEnterReadsIt() throws {
        var state = Self.reader()
        let effects = Fixtures.press([.char("L"), .char("3"), .char("a")], on: &state)
        #expect(effects == [.saveLinkedPage(url: "https://ledger.example/tides", via: "world/storm.md")])
        #expect(state.pageSavesRunning == 1)
        #expect(StatusLine.leftText(state) == "saving …" || state.message?.text == "saving …")
        let saved = reduce(&state, .pageSave(.saved(relativePath: "saved/tides.md", title: "Tide tables", existed: false)))
        #expect(saved == [.reloadLibrary])
        #expect(state.pageSavesRunning == 0)
        #expect(state.message?.text == "saved \"Tide tables\" — press Enter to read it")
        let open = Fixtures.press([.enter], on: &state)
        #expect(open.last == .openArticle(relativePath: "saved/tides.md"))
        #expect(state.linkList == nil)
    }

    @Test func anyOtherKeyDismissesTheOfferAndSavingTwiceSaysSo() {
        var state = Self.reader()
        _ = Fixtures.press([.char("L"), .char("3"), .char("a")], on: &state)
        _ = reduce(&state, .pageSave(.saved(relativePath: "saved/tides.md", title: "Tide tables", existed: true)))
        #expect(state.message?.text.hasPrefix("already saved \"Tide tables\"") == true)
        _ = Fixtures.press([.char("j")], on: &state)
        #expect(state.offeredArticle == nil)
        #expect(state.linkList?.selectedLink?.number == 4)
        #expect(Fixtures.press([.enter], on: &state) == [.openURL("mailto:editor@ledger.example", inTerminal: false)])
    }

    @Test func mailLinksAreNotSavedAndFailuresAreShown() {
        var state = Self.reader()
        #expect(Fixtures.press([.char("L"), .char("4"), .char("a")], on: &state) == [])
        #expect(state.message?.isError == true)
        _ = reduce(&state, .pageSave(.failed(url: "https://x.example", message: "HTTP 404")))
        #expect(state.message?.text == "could not save https://x.example: HTTP 404")
    }

    @Test func oOpensTheArticlesOwnURLOrSaysThereIsNone() {
        var state = Self.reader()
        #expect(Fixtures.press([.char("o")], on: &state) == [.openURL("https://ledger.example/storm", inTerminal: false)])
        var plain = Fixtures.reader()
        #expect(Fixtures.press([.char("o")], on: &plain) == [])
        #expect(plain.message?.text == "this article has no URL (front matter url)")
        #expect(Fixtures.press([.char("L")], on: &plain) == [])
        #expect(plain.message?.text == "this article has no links")
    }

    @Test func oInTheLibraryAsksForTheSelectedArticlesURL() {
        var state = Fixtures.state()
        #expect(Fixtures.press([.char("o")], on: &state) == [.openArticleURL(relativePath: "tidal.md", inTerminal: false)])
        #expect(reduce(&state, .browse("https://tidal.example")) == [.openURL("https://tidal.example", inTerminal: false)])
        #expect(reduce(&state, .browse(nil)) == [])
        #expect(state.message?.text == "this article has no URL (front matter url)")
        #expect(reduce(&state, .browse("file:///etc/passwd")) == [])
        #expect(state.message?.isError == true)
    }

    @Test func keysOfTheListAreRemappable() throws {
        var keymap = Keymap.defaults
        keymap.bind(.char("x"), to: .closeList, in: .links)
        keymap.bind(.char("W"), to: .linkList, in: .reader)
        var state = Self.reader(keymap: keymap)
        _ = Fixtures.press([.char("W")], on: &state)
        #expect(state.linkList != nil)
        _ = Fixtures.press([.char("x")], on: &state)
        #expect(state.linkList == nil)
    }

    // MARK: - Rendering

    @Test func theReaderShowsTheBylineHeaderAndNumberedLinks() {
        let lines = ScreenRenderer.render(Self.reader()).buffer.lines
        #expect(lines[0].contains("Storm closes the harbour"))
        #expect(lines[1].contains("Jo Doe · Coastal Ledger · 2026-11-20"))
        #expect(lines[2].contains("https://ledger.example/storm"))
        #expect(lines[3].contains("enclosure audio/mpeg 42 MB [7]"))
        #expect(lines[4].contains("────"))
        #expect(lines[6].contains("The harbour master read the forecast[1] aloud."))
        #expect(lines.contains { $0.contains("see the map[2] and the tide table[3].") })
        #expect(lines.contains { $0.contains("[image: Radar][5]") })
        // The focus marker is beside ¶ 1, not beside the header.
        #expect(!lines[0].hasPrefix("▎"))
        #expect(lines[6].hasPrefix("▎"))
    }

    @Test func markersAreDimAndHeaderAndMarkersCanBeTurnedOff() throws {
        let state = Self.reader()
        let buffer = ScreenRenderer.render(state).buffer
        let row = 6
        let column = try #require(buffer.lines[row].firstRange(of: "[1]")).lowerBound
        let x = buffer.lines[row].distance(from: buffer.lines[row].startIndex, to: column)
        #expect(buffer.cell(x: x, y: row)?.style == state.theme.style(.linkMarker))
        #expect(buffer.cell(x: x - 1, y: row)?.style != state.theme.style(.linkMarker))

        var settings = ReaderSettings()
        settings.header = false
        settings.linkMarkers = false
        let lines = ScreenRenderer.render(Self.reader(settings: settings)).buffer.lines
        #expect(lines[0].contains("The harbour master read the forecast aloud."))
        #expect(!lines.joined().contains("[1]"))
        #expect(!lines.joined().contains("Jo Doe"))
    }

    @Test func theHeaderIsNotABlock() throws {
        let state = Self.reader()
        let view = try #require(state.reader)
        #expect(view.blockCount == 4)
        #expect(view.focus == 0)
        #expect(StatusLine.rightText(state).contains("¶ 1/4"))
    }

    @Test func theListOverlayShowsNumberTextAndURL() {
        var state = Self.reader(focus: 1)
        _ = Fixtures.press([.char("L")], on: &state)
        let lines = ScreenRenderer.render(state).buffer.lines
        #expect(lines[0].contains("Links (7 of 7)"))
        #expect(lines.contains { $0.contains("[2] the map") && $0.contains("https://maps.example/harbour") })
        #expect(lines.contains { $0.contains("[5] Radar") })
        #expect(lines.contains { $0.contains("[7] enclosure audio/mpeg 42 MB") && $0.contains("storm.mp3") })
        _ = Fixtures.press([.char("?")], on: &state)
        let help = ScreenRenderer.render(state).buffer.lines.joined(separator: "\n")
        #expect(help.contains("save the linked page into the library"))
        #expect(help.contains("show the full URL"))
    }
}
