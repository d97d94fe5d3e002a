/// Everything a user can set in `config.toml`. Paths left nil are decided by the command line
/// (XDG rules), so the model stays free of environment reads.
public struct GlossConfig: Sendable, Equatable {
    /// Where articles are read from; nil means the command line's default.
    public var articlesDirectory: String?
    /// Where annotations and reading state are kept; nil means `$XDG_DATA_HOME/gloss`.
    public var dataDirectory: String?
    public var reader: ReaderSettings
    public var pane: PaneSettings
    public var export: ExportSettings
    public var highlight: HighlightSettings
    public var keymap: Keymap
    public var theme: Theme
    public var library: LibrarySettings
    public var feeds: FeedSettings
    /// How links are opened (`[links]`).
    public var links = LinkSettings()

    public init(
        articlesDirectory: String? = nil,
        dataDirectory: String? = nil,
        reader: ReaderSettings = ReaderSettings(),
        pane: PaneSettings = PaneSettings(),
        export: ExportSettings = ExportSettings(),
        highlight: HighlightSettings = HighlightSettings(),
        keymap: Keymap = .defaults,
        theme: Theme = .defaults,
        library: LibrarySettings = LibrarySettings(),
        feeds: FeedSettings = FeedSettings()
    ) {
        self.feeds = feeds
        self.articlesDirectory = articlesDirectory
        self.dataDirectory = dataDirectory
        self.reader = reader
        self.pane = pane
        self.export = export
        self.highlight = highlight
        self.keymap = keymap
        self.theme = theme
        self.library = library
    }

    /// The built-in configuration, used when no config file exists.
    public static let defaults = GlossConfig()
}
