import Testing
@testable import GlossTUI

@Suite struct ConfigParseTests {
    @Test func readsEverySetting() throws {
        let text = """
            articles-directory = "/srv/articles"
            data-directory = "/var/gloss"

            [reader]
            measure = 72
            margin = 4

            [pane]
            width = 45
            visible = false
            min-window-width = 120

            [export]
            directory = "/tmp/exports"
            template = "/etc/gloss/export.mustache"

            [highlight]
            colors = ["yellow", { name = "mint", color = "bright-green" }, "color33", { name = "rose", color = "RED" }]
            default = 2

            [colors]
            heading = "bold yellow on blue"
            link = "default"
            """
        let config = try ConfigLoader.parse(text, file: "config.toml")
        #expect(config.articlesDirectory == "/srv/articles")
        #expect(config.dataDirectory == "/var/gloss")
        #expect(config.reader == ReaderSettings(measure: 72, margin: 4))
        #expect(config.pane == PaneSettings(width: .columns(45), visible: false, minWindowWidth: 120))
        #expect(config.export == ExportSettings(directory: "/tmp/exports", template: "/etc/gloss/export.mustache"))
        #expect(config.highlight.colors == [
            HighlightColor(name: "yellow", color: .yellow),
            HighlightColor(name: "mint", color: .brightGreen),
            HighlightColor(name: "color33", color: .indexed(33)),
            HighlightColor(name: "rose", color: .red),
        ])
        #expect(config.highlight.defaultColor == 2)
        #expect(config.theme.style(.heading) == Style(foreground: .yellow, background: .blue, attributes: .bold))
        #expect(config.theme.style(.link) == .plain)
        #expect(config.theme.style(.quote) == Theme.defaults.style(.quote))
        #expect(config.keymap == Keymap.defaults)
    }

    @Test func dottedKeysAtTheTopLevelWork() throws {
        let config = try ConfigLoader.parse("reader.measure = 64\npane.width = \"30%\"\n", file: "config.toml")
        #expect(config.reader.measure == 64)
        #expect(config.pane.width == .percent(30))
    }

    @Test func remapsAndUnbindsKeys() throws {
        let text = """
            [keys.reader]
            x = "move-down"
            j = "none"
            "<C-n>" = "search-next"
            "<Space>" = "half-page-down"

            [keys.library]
            "<lt>" = "top"
            """
        let keymap = try ConfigLoader.parse(text, file: "config.toml").keymap
        #expect(keymap.action(for: .char("x"), in: .reader) == .moveDown)
        #expect(keymap.action(for: .char("j"), in: .reader) == nil)
        #expect(keymap.action(for: .ctrl("n"), in: .reader) == .searchNext)
        #expect(keymap.action(for: .char(" "), in: .reader) == .halfPageDown)
        #expect(keymap.action(for: .char("<"), in: .library) == .top)
        // Untouched bindings and modes keep their defaults.
        #expect(keymap.action(for: .down, in: .reader) == .moveDown)
        #expect(keymap.action(for: .char("j"), in: .library) == .moveDown)
        #expect(keymap.action(for: .char("j"), in: .pane) == .moveDown)
        #expect(keymap.keys(for: .moveDown, in: .reader) == [.down, .char("x")])
    }

    @Test func styleSpecs() throws {
        #expect(try StyleSpec.parse("bold yellow on blue").get() == Style(foreground: .yellow, background: .blue, attributes: .bold))
        #expect(try StyleSpec.parse("underline").get() == Style(attributes: .underline))
        #expect(try StyleSpec.parse("reverse").get() == Style(attributes: .reverse))
        #expect(try StyleSpec.parse("default").get() == .plain)
        #expect(try StyleSpec.parse("Dim  Italic gray").get() == Style(foreground: .brightBlack, attributes: [.dim, .italic]))
        #expect(try StyleSpec.parse("on color200").get() == Style(background: .indexed(200)))
        #expect(try StyleSpec.parse("colour7").get() == Style(foreground: .indexed(7)))
        #expect(throws: StyleSpec.Failure.self) { try StyleSpec.parse("").get() }
        #expect(throws: StyleSpec.Failure.self) { try StyleSpec.parse("red blue").get() }
        #expect(throws: StyleSpec.Failure.self) { try StyleSpec.parse("on blue bold").get() }
        #expect(throws: StyleSpec.Failure.self) { try StyleSpec.parse("color256").get() }
    }

    @Test func paneWidthClamp() {
        let percent = PaneSettings(width: .percent(40))
        #expect(percent.paneColumns(windowWidth: 100) == 40)
        #expect(percent.paneColumns(windowWidth: 200) == 60)
        #expect(percent.paneColumns(windowWidth: 50) == 30)
        #expect(percent.paneColumns(windowWidth: 0) == 30)
        #expect(PaneSettings(width: .columns(45)).paneColumns(windowWidth: 200) == 45)
        #expect(PaneSettings(width: .columns(10)).paneColumns(windowWidth: 200) == 30)
        #expect(PaneSettings(width: .columns(90)).paneColumns(windowWidth: 200) == 60)
    }

    @Test func percentText() {
        #expect(PaneWidth(percentText: "40%") == .percent(40))
        #expect(PaneWidth(percentText: "100%") == .percent(100))
        #expect(PaneWidth(percentText: "0%") == nil)
        #expect(PaneWidth(percentText: "101%") == nil)
        #expect(PaneWidth(percentText: "40") == nil)
        #expect(PaneWidth(percentText: "%") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "mesure", in: ["measure", "margin"]) == "measure")
        #expect(Suggestion.closest(to: "jump-far", in: Action.allCases.map(\.rawValue)) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("bleu", "blue") == 1)
        #expect(Suggestion.editDistance("abc", "abc") == 0)
    }
}

@Suite struct FeedConfigParseTests {
    @Test func readsKeepDaysAndRefusesBadValues() throws {
        let config = try ConfigLoader.parse("[feeds]\nkeep-days = 30\n", file: "config.toml")
        #expect(config.feeds.keepDays == 30)
        #expect(GlossConfig.defaults.feeds.keepDays == 0)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[feeds]\nkeep-days = -1\n", file: "config.toml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[feeds]\nkeep-dayz = 3\n", file: "config.toml") }
    }
}
