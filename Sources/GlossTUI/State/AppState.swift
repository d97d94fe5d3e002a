import GlossCore

/// Which screen fills the window.
public enum ScreenKind: Hashable, Sendable {
    case library
    case reader
}

/// A one-line text prompt at the bottom of the screen.
public enum Prompt: Hashable, Sendable {
    /// Incremental search; `origin` is where the view was when the prompt opened, restored on Esc.
    case search(TextField, origin: SearchOrigin)
    case filter(TextField)
}

/// The reader position to return to when a search is cancelled.
public struct SearchOrigin: Hashable, Sendable {
    public var focus: Int
    public var top: LinePosition
    public var previous: SearchState?
}

/// A transient message in the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the screen shows, changed only by `reduce`.
public struct AppState {
    public static let minimumSize = Size(width: 40, height: 10)

    public var screen: ScreenKind
    public var size: Size
    public var library: LibraryState
    public var reader: ReaderView?
    public var prompt: Prompt?
    public var isHelpVisible = false
    public var helpScroll = 0
    public var message: StatusMessage?
    public var keymap: Keymap
    public var theme: Theme
    public var settings: ReaderSettings
    /// Set when Gloss was started on one article (`gloss read`): leaving it quits.
    public var quitsWithReader: Bool
    /// The article being opened, so a slow load can show a message.
    public var pendingOpen: String?

    public init(
        size: Size, keymap: Keymap = .defaults, theme: Theme = .defaults, settings: ReaderSettings = ReaderSettings(),
        screen: ScreenKind = .library, quitsWithReader: Bool = false
    ) {
        self.screen = screen
        self.size = size
        self.library = LibraryState()
        self.keymap = keymap
        self.theme = theme
        self.settings = settings
        self.quitsWithReader = quitsWithReader
    }

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The mode keys are looked up in.
    public var mode: Mode { screen == .library ? .library : .reader }

    /// Rows available to the article or list (everything but the status line).
    public var bodyHeight: Int { max(1, size.height - 1) }

    /// The area the article text is laid out in.
    public var textArea: Rect {
        let body = Rect(x: 0, y: 0, width: size.width, height: bodyHeight)
        let textWidth = max(1, min(settings.measure, body.width - 2 * settings.margin))
        let x = max(settings.margin, (body.width - textWidth) / 2)
        return Rect(x: x, y: 0, width: textWidth, height: bodyHeight)
    }
}
