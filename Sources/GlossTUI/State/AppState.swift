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
    /// Filtering the notes pane by text or tag.
    case noteFilter(TextField)
    /// A yes/no question; `y` carries out the triage step, anything else cancels it.
    case confirm(String, TriageStep)
}

/// A library change that waits for the user's yes.
public enum TriageStep: Hashable, Sendable {
    case mark(MarkChange, paths: [String])
    case delete(relativePath: String)
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
    /// Shown on the whole status line when it does not fit beside the position: a path the
    /// user needs in full.
    public var needsWholeLine: Bool
    public init(_ text: String, isError: Bool = false, needsWholeLine: Bool = false) {
        self.text = text
        self.isError = isError
        self.needsWholeLine = needsWholeLine
    }
}

/// Everything the screen shows, changed only by `reduce`.
public struct AppState {
    public static let minimumSize = Size(width: 40, height: 10)

    public var screen: ScreenKind
    public var size: Size
    public var library: LibraryState
    public var reader: ReaderState?
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
    public var paneSettings: PaneSettings
    public var highlightSettings: HighlightSettings
    public var pane: PaneState
    /// The text being selected in visual mode.
    public var visual: VisualState?
    /// The note being written, shown in a popup over the reader.
    public var noteEditor: NoteEditing?
    public var world: ReaderWorld
    /// True while more typed-ahead keys wait behind the one being handled: work that only the
    /// last of them needs (an incremental search) is left until then.
    public var isInputPending = false
    /// The search prompt's text changed but was not searched yet (input was pending).
    var isSearchStale = false
    /// The feed fetch running in the background (`R`), nil when none is.
    public var feedFetch: FeedFetchProgress?
    /// The link list (`L`) open over the reader.
    public var linkList: LinkListState?
    /// Linked pages being saved in the background (`a` in the link list).
    public var pageSavesRunning = 0
    /// A page just saved, offered by the status line: Enter opens it.
    public var offeredArticle: String?
    public var linkSettings = LinkSettings()
    /// The library search screen (`S`), drawn over the library or the reader while open.
    public var librarySearch: LibrarySearchState?
    /// Where the article being opened from a search result should land.
    public var landing: SearchLanding?

    public init(
        size: Size, keymap: Keymap = .defaults, theme: Theme = .defaults, settings: ReaderSettings = ReaderSettings(),
        paneSettings: PaneSettings = PaneSettings(), highlightSettings: HighlightSettings = HighlightSettings(),
        world: ReaderWorld = .system, screen: ScreenKind = .library, quitsWithReader: Bool = false
    ) {
        self.screen = screen
        self.size = size
        self.library = LibraryState()
        self.keymap = keymap
        self.theme = theme
        self.settings = settings
        self.paneSettings = paneSettings
        self.highlightSettings = highlightSettings
        self.pane = PaneState(isOpen: paneSettings.visible)
        self.world = world
        self.quitsWithReader = quitsWithReader
    }

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The mode keys are looked up in.
    public var mode: Mode {
        switch screen {
        case .library: return .library
        case .reader:
            if linkList != nil { return .links }
            if visual != nil { return .visual }
            return pane.hasFocus && isPaneShown ? .pane : .reader
        }
    }

    /// Rows available to the article or list (everything but the status line).
    public var bodyHeight: Int { max(1, size.height - 1) }

    /// Whether the notes pane is drawn: open, in the reader, and the window wide enough
    /// (or the user asked for it on a narrow one).
    public var isPaneShown: Bool {
        screen == .reader && pane.isOpen && (pane.isForced || size.width >= paneSettings.minWindowWidth)
    }

    /// True when the pane is open but hidden because the window is narrow.
    public var isPaneAutoHidden: Bool {
        screen == .reader && pane.isOpen && !isPaneShown
    }

    /// The notes pane's area on the right, when shown.
    public var paneArea: Rect? {
        guard isPaneShown else { return nil }
        let width = min(paneSettings.paneColumns(windowWidth: size.width), max(0, size.width - 20))
        guard width > 0 else { return nil }
        return Rect(x: size.width - width, y: 0, width: width, height: bodyHeight)
    }

    /// The area the article text is laid out in: the window left of the pane, less margins.
    public var textArea: Rect {
        let bodyWidth = size.width - (paneArea?.width ?? 0)
        let textWidth = max(1, min(settings.measure, bodyWidth - 2 * settings.margin))
        let x = max(settings.margin, (bodyWidth - textWidth) / 2)
        return Rect(x: x, y: 0, width: textWidth, height: bodyHeight)
    }
}

/// Whether the notes pane is open, focused, and what it selects and filters.
public struct PaneState: Hashable, Sendable {
    /// The user's choice (from the config at start, then `t`).
    public var isOpen: Bool
    /// Shown even on a window narrower than the configured minimum, because the user asked.
    public var isForced = false
    public var hasFocus = false
    public var selectedID: String?
    public var filter = ""

    public init(isOpen: Bool) {
        self.isOpen = isOpen
    }
}
