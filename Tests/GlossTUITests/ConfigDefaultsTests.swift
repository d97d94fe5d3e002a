import Foundation
import Testing
@testable import GlossTUI

/// `Config/gloss.toml` must say exactly what the compiled-in defaults say.
@Suite struct ConfigDefaultsTests {
    static let shippedConfigPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/gloss.toml").path

    func shippedConfigText() throws -> String {
        try String(contentsOfFile: Self.shippedConfigPath, encoding: .utf8)
    }

    @Test func builtInDefaults() {
        let config = GlossConfig.defaults
        #expect(config.articlesDirectory == nil)
        #expect(config.dataDirectory == nil)
        #expect(config.reader.measure == 80)
        #expect(config.reader.margin == 2)
        #expect(config.pane.width == .percent(40))
        #expect(config.pane.visible)
        #expect(config.pane.minWindowWidth == 80)
        #expect(config.export.directory == nil)
        #expect(config.export.template == nil)
        #expect(config.highlight.colors.map(\.name) == ["yellow", "green", "blue", "red"])
        #expect(config.highlight.colors.map(\.color) == [.yellow, .green, .blue, .red])
        #expect(config.highlight.defaultColor == 1)
        #expect(config.keymap == Keymap.defaults)
        #expect(config.theme == Theme.defaults)
        #expect(!config.theme.isMonochrome)
        #expect(!config.library.followSymlinks)
    }

    @Test func everyThemeElementHasAValidDefaultStyle() {
        for element in ThemeElement.allCases {
            let spec = Theme.defaultSpecs[element]
            #expect(spec != nil, "no default style for \(element)")
            #expect(Theme.defaults.styles[element] != nil, "default style of \(element) does not parse")
        }
        #expect(Theme.defaults.style(.heading) == Style(foreground: .cyan, attributes: .bold))
    }

    @Test func shippedConfigEqualsDefaults() throws {
        let config = try ConfigLoader.parse(try shippedConfigText(), file: "gloss.toml")
        #expect(config == GlossConfig.defaults)
    }

    /// Parsed onto a base where every setting differs from the defaults, the shipped file must
    /// restore every one of them: nothing may be missing from it, and its keys add nothing extra.
    @Test func shippedConfigSetsEveryValue() throws {
        let scrambled = GlossConfig(
            reader: ReaderSettings(measure: 33, margin: 0),
            pane: PaneSettings(width: .columns(50), visible: false, minWindowWidth: 0),
            highlight: HighlightSettings(
                colors: (1...4).map { HighlightColor(name: "c\($0)", color: .indexed(UInt8($0))) },
                defaultColor: 3
            ),
            keymap: Keymap(),
            theme: Theme(styles: [:]),
            library: LibrarySettings(followSymlinks: true)
        )
        try #require(scrambled.reader != GlossConfig.defaults.reader)
        let config = try ConfigLoader.parse(try shippedConfigText(), file: "gloss.toml", base: scrambled)
        for mode in Mode.allCases {
            let shipped = Self.bindingLines(config.keymap, mode)
            let builtIn = Self.bindingLines(Keymap.defaults, mode)
            #expect(shipped.subtracting(builtIn).isEmpty, "gloss.toml binds extra keys in \(mode): \(shipped.subtracting(builtIn).sorted())")
            #expect(builtIn.subtracting(shipped).isEmpty, "gloss.toml lacks bindings in \(mode): \(builtIn.subtracting(shipped).sorted())")
        }
        #expect(config.keymap == Keymap.defaults)
        #expect(config.theme == Theme.defaults)
        #expect(config == GlossConfig.defaults)
    }

    static func bindingLines(_ keymap: Keymap, _ mode: Mode) -> Set<String> {
        Set(keymap.bindings(in: mode).flatMap { binding in binding.keys.map { "\($0.notation) = \(binding.action.rawValue)" } })
    }

    @Test func shippedConfigDocumentsOptionalPaths() throws {
        let text = try shippedConfigText()
        for key in ["# articles-directory = ", "# data-directory = ", "# directory = ", "# template = "] {
            #expect(text.contains(key), "gloss.toml does not show \(key)")
        }
    }

    @Test func emptyFileGivesDefaults() throws {
        #expect(try ConfigLoader.parse("", file: "config.toml") == GlossConfig.defaults)
        #expect(try ConfigLoader.parse("# only a comment\n", file: "config.toml") == GlossConfig.defaults)
    }
}
