import GlossCore

/// An article the run loop has loaded for the reader.
public struct OpenedArticle {
    public var relativePath: String
    public var article: Article
    /// The saved reading position (block index), if any.
    public var savedFocus: Int?
    /// The article's annotations, re-anchored on its current text (tombstones included).
    public var annotations: [Annotation]
    /// The normalized text the annotations are anchored on; computed from `article` when nil.
    public var text: ArticleText?
    /// True when the annotations must not be changed (written by a newer Gloss).
    public var isReadOnly: Bool
    /// What the user should know about the annotations (re-anchoring, recovered files).
    public var messages: [String]
    /// True when the annotations are loaded after the first screen is drawn (`.loadAnnotations`),
    /// so opening a large article is not held up by fingerprinting and re-anchoring.
    public var annotationsPending: Bool
    /// True when `article` holds only the opening of a large file, enough for the first screen;
    /// the rest is read before the first key is handled (`.completeArticle`).
    public var isPartial: Bool

    public init(
        relativePath: String, article: Article, savedFocus: Int? = nil, annotations: [Annotation] = [],
        text: ArticleText? = nil, isReadOnly: Bool = false, messages: [String] = [], annotationsPending: Bool = false,
        isPartial: Bool = false
    ) {
        self.isPartial = isPartial
        self.annotationsPending = annotationsPending
        self.relativePath = relativePath
        self.article = article
        self.savedFocus = savedFocus
        self.annotations = annotations
        self.text = text
        self.isReadOnly = isReadOnly
        self.messages = messages
    }
}

/// An article's annotations, loaded after the article was shown.
public struct LoadedAnnotations: Sendable {
    /// Re-anchored on the current text, tombstones included.
    public var annotations: [Annotation]
    public var text: ArticleText
    public var isReadOnly: Bool
    public var messages: [String]

    public init(annotations: [Annotation], text: ArticleText, isReadOnly: Bool = false, messages: [String] = []) {
        self.annotations = annotations
        self.text = text
        self.isReadOnly = isReadOnly
        self.messages = messages
    }
}

/// Everything that can change the state: keys, window changes and results of effects.
public enum Event {
    case key(Key)
    case resize(Size)
    case libraryLoaded([LibraryItem])
    case articleOpened(OpenedArticle)
    case openFailed(relativePath: String, message: String)
    case message(StatusMessage)
    /// Storage saved the changes; `stored` is everything it now holds for the article
    /// (tombstones included), which may include other processes' changes.
    case annotationsLoaded(relativePath: String, LoadedAnnotations)
    case annotationsSaved(relativePath: String, stored: [Annotation])
    case annotationsSaveFailed(relativePath: String, message: String)
    /// The external editor returned this note text.
    case noteEditedExternally(annotationID: String, text: String)
    /// News from the feed fetch running in the background.
    case feedFetch(FeedFetchUpdate)
    /// The library search service answered `query`.
    case librarySearchResults(query: String, Result<LibrarySearchAnswer, ServiceFailure>)
}

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
}
