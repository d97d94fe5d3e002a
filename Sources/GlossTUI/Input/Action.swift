/// The mode a key is interpreted in; each has its own key bindings.
public enum Mode: String, CaseIterable, Sendable, Hashable {
    case library
    case reader
    /// Visual selection in the reader (highlighting part of a paragraph).
    case visual
    /// The notes side pane has focus.
    case pane
    /// The link list (`L`) is open over the reader.
    case links
}

/// Everything a key can ask for. Keys map to actions only through `Keymap`, so
/// remapping and the help screen share one table. The raw value is the config name.
public enum Action: String, CaseIterable, Sendable, Hashable {
    // Movement (library, reader, pane)
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextHeading = "next-heading"
    case previousHeading = "previous-heading"
    // Screens
    case open
    case back
    case quit
    case help
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case filter
    case clearFilter = "clear-filter"
    case redraw
    case suspend
    // Annotations
    case highlight
    case visual
    case editNote = "edit-note"
    case editNoteExternal = "edit-note-external"
    case cycleColor = "cycle-color"
    case undo
    case redo
    case togglePane = "toggle-pane"
    case focusPane = "focus-pane"
    case delete
    case export
    case exportAll = "export-all"
    case fetchFeeds = "fetch-feeds"
    // Triage (library, and star/archive/next in the reader)
    case toggleRead = "toggle-read"
    case markGroupRead = "mark-group-read"
    case toggleStar = "toggle-star"
    case toggleArchive = "toggle-archive"
    case archiveAndNext = "archive-and-next"
    case deleteArticle = "delete-article"
    case viewInbox = "view-inbox"
    case viewUnread = "view-unread"
    case viewStarred = "view-starred"
    case viewArchive = "view-archive"
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    // Links
    case linkList = "link-list"
    case openInBrowser = "open-in-browser"
    case saveLink = "save-link"
    case showURL = "show-url"
    case closeList = "close-list"
    case searchLibrary = "search-library"
    // Visual mode
    case sentenceForward = "sentence-forward"
    case sentenceBackward = "sentence-backward"
    case wordForward = "word-forward"
    case wordBackward = "word-backward"
    case swapEnds = "swap-ends"
    case extendDown = "extend-down"
    case extendUp = "extend-up"
    case paragraphStart = "paragraph-start"
    case paragraphEnd = "paragraph-end"
    case createHighlight = "create-highlight"
    case color1 = "color-1"
    case color2 = "color-2"
    case color3 = "color-3"
    case color4 = "color-4"
    case createWithNote = "create-with-note"
    case cancel

    /// Whether the action only reads (moves, searches, help, leaving): such keys don't wait for
    /// work left for an idle moment (loading annotations); anything that changes an annotation
    /// or needs the whole article does.
    public var isReading: Bool {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
            .nextHeading, .previousHeading, .search, .searchNext, .searchPrevious, .clearFilter,
            .redraw, .help, .quit, .back, .suspend, .nextArticle, .previousArticle,
            .viewInbox, .viewUnread, .viewStarred, .viewArchive, .searchLibrary:
            return true
        default:
            return false
        }
    }

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveDown: return "next item / paragraph"
        case .moveUp: return "previous item / paragraph"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .halfPageDown: return "half page down"
        case .halfPageUp: return "half page up"
        case .top: return "go to top"
        case .bottom: return "go to bottom"
        case .nextHeading: return "next heading"
        case .previousHeading: return "previous heading"
        case .open: return "open article / jump to entry"
        case .back: return "back to the library"
        case .quit: return "quit Gloss"
        case .help: return "show this help"
        case .search: return "search (incremental)"
        case .searchNext: return "next match"
        case .searchPrevious: return "previous match"
        case .filter: return "filter as you type"
        case .clearFilter: return "clear filter / close"
        case .redraw: return "redraw the screen"
        case .suspend: return "suspend (fg to resume)"
        case .highlight: return "toggle highlight on paragraph"
        case .visual: return "select text (visual mode)"
        case .editNote: return "edit note"
        case .editNoteExternal: return "edit note in $EDITOR"
        case .cycleColor: return "cycle highlight colour"
        case .undo: return "undo annotation change"
        case .redo: return "redo annotation change"
        case .togglePane: return "show/hide notes pane"
        case .focusPane: return "focus notes pane / reader"
        case .delete: return "delete highlight"
        case .export: return "export notes as Markdown"
        case .exportAll: return "export all annotated articles"
        case .fetchFeeds: return "fetch feeds in the background"
        case .toggleRead: return "mark read / unread"
        case .markGroupRead: return "mark the feed's (or top level's) articles read"
        case .toggleStar: return "star / unstar"
        case .toggleArchive: return "archive / unarchive"
        case .archiveAndNext: return "archive and open the next article"
        case .deleteArticle: return "delete the article (to the trash; notes kept)"
        case .viewInbox: return "view: Inbox (not archived)"
        case .viewUnread: return "view: Unread"
        case .viewStarred: return "view: Starred"
        case .viewArchive: return "view: Archive"
        case .nextArticle: return "open the next article in the view"
        case .previousArticle: return "open the previous article in the view"
        case .linkList: return "list the article's links"
        case .openInBrowser: return "open in the browser"
        case .saveLink: return "save the linked page into the library"
        case .showURL: return "show the full URL"
        case .closeList: return "close the link list"
        case .searchLibrary: return "search every article, note and tag"
        case .sentenceForward: return "extend one sentence"
        case .sentenceBackward: return "shrink / extend back one sentence"
        case .wordForward: return "move end one word forward"
        case .wordBackward: return "move end one word back"
        case .swapEnds: return "switch active end"
        case .extendDown: return "extend into next paragraph"
        case .extendUp: return "extend into previous paragraph"
        case .paragraphStart: return "move end to paragraph start"
        case .paragraphEnd: return "move end to paragraph end"
        case .createHighlight: return "create highlight"
        case .color1: return "create highlight in colour 1"
        case .color2: return "create highlight in colour 2"
        case .color3: return "create highlight in colour 3"
        case .color4: return "create highlight in colour 4"
        case .createWithNote: return "create highlight and add note"
        case .cancel: return "cancel"
        }
    }
}
