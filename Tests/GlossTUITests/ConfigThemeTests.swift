import Testing
@testable import GlossTUI

@Suite struct ConfigThemeTests {
    @Test func colourThemeUsesConfiguredStyles() {
        let theme = Theme.defaults
        #expect(theme.style(.focus) == Style(foreground: .yellow, attributes: .bold))
        #expect(theme.style(.searchMatch) == Style(foreground: .black, background: .magenta))
        #expect(theme.highlightStyle(.green) == Style(foreground: .black, background: .green))
    }

    @Test func monochromeDropsColoursAndKeepsAttributes() {
        let colour = Theme.defaults
        let mono = colour.monochrome
        #expect(mono.isMonochrome)
        for element in ThemeElement.allCases {
            let style = mono.style(element)
            #expect(style.foreground == .default, "\(element) keeps a foreground colour")
            #expect(style.background == .default, "\(element) keeps a background colour")
            #expect(style.attributes.isSuperset(of: colour.style(element).attributes), "\(element) lost attributes")
        }
        #expect(mono.style(.heading) == Style(attributes: .bold))
        #expect(mono.style(.link) == Style(attributes: .underline))
        #expect(mono.style(.code) == .plain)
    }

    @Test func monochromeMarksMatchesSelectionAndHighlights() {
        let mono = Theme(styles: [.searchMatch: Style(foreground: .red, attributes: .bold), .selection: Style(background: .blue)])
            .monochrome
        #expect(mono.style(.searchMatch) == Style(attributes: [.bold, .reverse]))
        #expect(mono.style(.selection) == Style(attributes: .reverse))
        #expect(mono.highlightStyle(.yellow) == Style(attributes: .underline))
        #expect(mono.style(.title) == .plain)
    }

    @Test func configuredColoursAreDroppedToo() throws {
        let config = try ConfigLoader.parse("[colors]\ntitle = \"bold red on white\"\n", file: "config.toml")
        #expect(config.theme.style(.title) == Style(foreground: .red, background: .white, attributes: .bold))
        #expect(config.theme.monochrome.style(.title) == Style(attributes: .bold))
    }
}
