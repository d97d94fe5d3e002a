/// How links are opened in a browser (the `[links]` table).
public struct LinkSettings: Sendable, Equatable {
    /// A command line (no shell); `%u` is replaced by the URL, else the URL is appended.
    /// nil: `$BROWSER`, else `xdg-open`.
    public var browser: String?
    /// A text-mode browser (w3m, lynx): the reader steps aside while it runs, as for `$EDITOR`.
    public var browserInTerminal = false

    public init(browser: String? = nil, browserInTerminal: Bool = false) {
        self.browser = browser
        self.browserInTerminal = browserInTerminal
    }
}
