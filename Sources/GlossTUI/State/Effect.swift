import GlossCore

/// Work the reducer asks the run loop to do; the reducer itself never does I/O.
public enum Effect: Hashable, Sendable {
    case quit
    case openArticle(relativePath: String)
    /// Replaces an article opened from its first part (`OpenedArticle.isPartial`) with all of
    /// it; performed before the next key.
    case completeArticle(relativePath: String)
    case saveReadingPosition(relativePath: String, block: Int, percent: Int)
    case suspend
    case redraw
    /// Loads the open article's annotations (after its first screen is drawn).
    case loadAnnotations(relativePath: String)
    /// Records that an article was opened (its reading position), once the first screen is up.
    case markOpened(relativePath: String)
    /// Saves annotation changes (every change is saved at once; there is no save command).
    case saveAnnotations(relativePath: String, changes: [AnnotationChange])
    /// Exports the notes of one article (nil: of every annotated article) to the export folder.
    case exportNotes(relativePath: String?)
    /// Suspends the TUI and edits a note in `$VISUAL`/`$EDITOR`.
    case editNoteExternally(annotationID: String, text: String)
    /// Starts fetching every feed in the background; progress comes back as `.feedFetch` events.
    case fetchFeeds
    /// Scans the articles directory again (after a fetch wrote new articles).
    case reloadLibrary
    /// Searches the whole library (the search screen, `S`); answered by `.librarySearchResults`.
    case searchLibrary(query: String)
    /// Records a read/unread, star or archive change for articles.
    case markArticles(paths: [String], change: MarkChange)
    /// Moves an article to the trash (its annotations stay).
    case deleteArticle(relativePath: String)
    /// Opens a URL (already checked: http, https or mailto) in the browser; `inTerminal` steps
    /// the TUI aside while a text-mode browser runs.
    case openURL(String, inTerminal: Bool)
    /// Opens the `url` of the article at `relativePath` in the browser.
    case openArticleURL(relativePath: String, inTerminal: Bool)
    /// Fetches and saves a linked page in the background; news comes back as `.pageSave`.
    case saveLinkedPage(url: String, via: String)
}
