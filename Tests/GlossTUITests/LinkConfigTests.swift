import GlossCore
import Testing

@testable import GlossTUI

/// Every config key of the links feature changes what the user sees or gets.
@Suite struct LinkConfigTests {
    @Test func readsTheLinkKeys() throws {
        let config = try ConfigLoader.parse("""
            [reader]
            header = false
            link-markers = false

            [links]
            browser = "w3m %u"
            browser-in-terminal = true

            [colors]
            link-marker = "bold red"

            [keys.links]
            x = "close-list"
            "<Enter>" = "save-link"
            """, file: "config.toml")
        #expect(!config.reader.header)
        #expect(!config.reader.linkMarkers)
        #expect(config.links == LinkSettings(browser: "w3m %u", browserInTerminal: true))
        #expect(config.theme.style(.linkMarker) == Style(foreground: .red, attributes: .bold))
        #expect(config.keymap.action(for: .char("x"), in: .links) == .closeList)
        #expect(config.keymap.action(for: .enter, in: .links) == .saveLink)
        #expect(GlossConfig.defaults.links == LinkSettings())
        #expect(GlossConfig.defaults.reader.header && GlossConfig.defaults.reader.linkMarkers)
    }

    @Test func unknownKeysInTheLinksTableAreReported() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[links]\nbrowzer = \"x\"\n", file: "c.toml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[links]\nbrowser-in-terminal = \"yes\"\n", file: "c.toml") }
    }

    @Test func theLinkMarkerColourIsWhatMarkersAreDrawnIn() throws {
        var state = LinkListReducerTests.reader()
        let config = try ConfigLoader.parse("[colors]\nlink-marker = \"bold red\"\n", file: "c.toml")
        state.theme = config.theme
        let buffer = ScreenRenderer.render(state).buffer
        let row = try #require(buffer.lines.firstIndex { $0.contains("forecast[1]") })
        let column = try #require(buffer.lines[row].firstRange(of: "[1]")).lowerBound
        let x = buffer.lines[row].distance(from: buffer.lines[row].startIndex, to: column)
        #expect(buffer.cell(x: x, y: row)?.style == Style(foreground: .red, attributes: .bold))
    }
}
