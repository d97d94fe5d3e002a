extension AppState {
    /// The state the reader starts in with a whole configuration: every table that changes what
    /// the reader shows (`[reader]`, `[pane]`, `[highlight]`, `[colors]`, `[keys.*]`, `[links]`) takes
    /// effect, so a setting can't be read and then dropped on the way.
    public init(
        size: Size, config: GlossConfig, world: ReaderWorld = .system, screen: ScreenKind = .library,
        quitsWithReader: Bool = false
    ) {
        self.init(
            size: size, keymap: config.keymap, theme: config.theme, settings: config.reader,
            paneSettings: config.pane, highlightSettings: config.highlight, world: world, screen: screen,
            quitsWithReader: quitsWithReader)
        linkSettings = config.links
    }
}
