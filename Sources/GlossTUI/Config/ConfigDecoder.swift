import TOMLKit

/// Turns a parsed TOML document into a `GlossConfig`, starting from a base configuration
/// and checking every key, type and range on the way.
struct ConfigDecoder {
    static let topLevelKeys = [
        "articles-directory", "data-directory", "reader", "pane", "export", "highlight", "keys", "colors", "library",
        "feeds", "links",
    ]

    let root: ConfigSection

    func decode(onto base: GlossConfig) throws(ConfigError) -> GlossConfig {
        try root.rejectUnknownKeys(allowed: Self.topLevelKeys)
        var config = base
        if let path = try root.path("articles-directory") { config.articlesDirectory = path }
        if let path = try root.path("data-directory") { config.dataDirectory = path }
        if let section = try root.section("reader") { try decodeReader(section, into: &config.reader) }
        if let section = try root.section("pane") { try decodePane(section, into: &config.pane) }
        if let section = try root.section("export") { try decodeExport(section, into: &config.export) }
        if let section = try root.section("highlight") { try decodeHighlight(section, into: &config.highlight) }
        if let section = try root.section("keys") { try decodeKeys(section, into: &config.keymap) }
        if let section = try root.section("colors") { try decodeColors(section, into: &config.theme) }
        if let section = try root.section("links") {
            try section.rejectUnknownKeys(allowed: ["browser", "browser-in-terminal"])
            if let browser = try section.string("browser") { config.links.browser = browser.isEmpty ? nil : browser }
            if let inTerminal = try section.bool("browser-in-terminal") { config.links.browserInTerminal = inTerminal }
        }
        if let section = try root.section("library") {
            try section.rejectUnknownKeys(allowed: ["follow-symlinks"])
            if let follow = try section.bool("follow-symlinks") { config.library.followSymlinks = follow }
        }
        if let section = try root.section("feeds") {
            try section.rejectUnknownKeys(allowed: ["keep-days"])
            if let days = try section.int("keep-days", in: FeedSettings.keepDaysRange) { config.feeds.keepDays = days }
        }
        return config
    }

    private func decodeReader(_ section: ConfigSection, into reader: inout ReaderSettings) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: ["measure", "margin", "header", "link-markers"])
        if let measure = try section.int("measure", in: ReaderSettings.measureRange) { reader.measure = measure }
        if let margin = try section.int("margin", in: ReaderSettings.marginRange) { reader.margin = margin }
        if let header = try section.bool("header") { reader.header = header }
        if let markers = try section.bool("link-markers") { reader.linkMarkers = markers }
    }

    private func decodePane(_ section: ConfigSection, into pane: inout PaneSettings) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: ["width", "visible", "min-window-width"])
        if let width = try paneWidth(section) { pane.width = width }
        if let visible = try section.bool("visible") { pane.visible = visible }
        if let minimum = try section.int("min-window-width", in: PaneSettings.minWindowWidthRange) {
            pane.minWindowWidth = minimum
        }
    }

    private func paneWidth(_ section: ConfigSection) throws(ConfigError) -> PaneWidth? {
        guard let value = section.table["width"] else { return nil }
        let expected = "a percentage like \"40%\" (1% to 100%) or a column count (1 to \(PaneWidth.columnsRange.upperBound))"
        if let text = value.string {
            guard let width = PaneWidth(percentText: text) else {
                throw .invalidValue(section.location(of: "width"), key: section.dotted("width"), value: "\"\(text)\"", expected: expected)
            }
            return width
        }
        if let columns = value.int {
            guard PaneWidth.columnsRange.contains(columns) else {
                throw .invalidValue(section.location(of: "width"), key: section.dotted("width"), value: String(columns), expected: expected)
            }
            return .columns(columns)
        }
        throw section.wrongType("width", expected: expected, found: value)
    }

    private func decodeExport(_ section: ConfigSection, into export: inout ExportSettings) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: ["directory", "template"])
        if let path = try section.path("directory") { export.directory = path }
        if let path = try section.path("template") { export.template = path }
    }

    private func decodeKeys(_ section: ConfigSection, into keymap: inout Keymap) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: Mode.allCases.map(\.rawValue))
        for mode in Mode.allCases {
            guard let modeSection = try section.section(mode.rawValue) else { continue }
            // File order, so keys added by the user appear in the help screen as written.
            for notation in modeSection.keysInFileOrder {
                let location = modeSection.location(of: notation)
                guard let value = modeSection.table[notation], let name = value.string else {
                    let found = modeSection.table[notation].map(ConfigSection.describe) ?? "nothing"
                    throw .wrongType(location, key: modeSection.dotted(notation),
                                     expected: "a string (an action name, or \"none\" to unbind)", found: found)
                }
                guard let key = Key(notation: notation) else {
                    throw .unknownKeyNotation(location, mode: mode, notation: notation)
                }
                if name == "none" {
                    keymap.bind(key, to: nil, in: mode)
                } else if let action = Action(rawValue: name) {
                    keymap.bind(key, to: action, in: mode)
                } else {
                    let suggestion = Suggestion.closest(to: name, in: Action.allCases.map(\.rawValue) + ["none"])
                    throw .unknownAction(location, mode: mode, key: notation, action: name, suggestion: suggestion)
                }
            }
        }
    }

    private func decodeColors(_ section: ConfigSection, into theme: inout Theme) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: ThemeElement.allCases.map(\.rawValue))
        for element in ThemeElement.allCases {
            let key = element.rawValue
            guard let spec = try section.string(key) else { continue }
            switch StyleSpec.parse(spec) {
            case .success(let style):
                theme.styles[element] = style
            case .failure(.unknownWord(let word, let suggestion)):
                throw .badColour(section.location(of: key), key: section.dotted(key), value: word, suggestion: suggestion)
            case .failure(.malformed(let reason)):
                throw .invalidValue(section.location(of: key), key: section.dotted(key), value: "\"\(spec)\"",
                                    expected: "a style like \"bold yellow on blue\" (\(reason))")
            }
        }
    }
}
