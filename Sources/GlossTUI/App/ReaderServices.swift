import GlossCore

/// The world outside the TUI that the run loop reaches through effects: files, storage, clock.
/// The CLI provides the real implementation; tests provide an in-memory one.
public protocol ReaderServices: AnyObject {
    /// Every article in the library with its progress and annotation counts, or why the
    /// articles directory can't be read.
    func loadLibrary() -> Result<[LibraryItem], ServiceFailure>
    /// `loadLibrary`, telling `progress` now and then how many articles were handled of how
    /// many, so a long first scan can show how far it is.
    func loadLibrary(progress: (_ done: Int, _ total: Int) -> Void) -> Result<[LibraryItem], ServiceFailure>
    /// Loads an article for reading; the error is a message for the status line.
    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure>
    /// Remembers where the reader is in an article.
    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure?
    /// The annotations of the article opened as `relativePath`, re-anchored on its current text.
    /// Failures come back as read-only annotations with a message: the article stays readable.
    func loadAnnotations(relativePath: String) -> LoadedAnnotations
    /// Saves annotation changes to the article opened as `relativePath`, merged with what other
    /// processes stored; returns everything now stored for it, tombstones included.
    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure>
    /// Exports the notes of the article `relativePath` (nil: of every annotated article) to the
    /// export folder; returns what to tell the user, naming the file(s) written.
    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure>
    /// Edits `text` in the user's `$VISUAL`/`$EDITOR`; the terminal is suspended meanwhile.
    func editExternally(_ text: String) -> Result<String, ServiceFailure>
    /// All of an article that `openArticle` returned only the opening of.
    func completeArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure>
    /// Starts fetching every feed on a background thread; nil when started, else why not.
    func startFeedFetch() -> ServiceFailure?
    /// The fetch's news since the last call (never blocks); ends with `.finished`.
    func takeFeedFetchUpdates() -> [FeedFetchUpdate]
    /// What the user must be told since the last call that no result carried: damaged data set
    /// aside while the library was counted, an edit kept as a new note because another process
    /// had deleted it. Shown on the status line.
    func takeNotices() -> [String]
    /// Records a mark change for articles, merged with what other processes stored.
    func markArticles(_ paths: [String], _ change: MarkChange) -> ServiceFailure?
    /// Moves an article to the trash, keeping its annotations.
    func deleteArticle(relativePath: String) -> ServiceFailure?
    /// Starts the browser on `url` (checked by the reducer); with `inTerminal` it waits for it,
    /// the terminal being released meanwhile. nil when started, else why not.
    func openInBrowser(_ url: String, inTerminal: Bool) -> ServiceFailure?
    /// The `url` of the article at `relativePath` (nil when it has none).
    func articleURL(relativePath: String) -> Result<String?, ServiceFailure>
    /// Starts saving the page at `url` into the library on a background thread, recording `via`.
    func startPageSave(url: String, via: String) -> ServiceFailure?
    /// What became of the pages being saved since the last call (never blocks).
    func takePageSaveUpdates() -> [PageSaveUpdate]
    /// The best matches for a library search query (`gloss search`'s results).
    func searchLibrary(_ query: String) -> Result<LibrarySearchAnswer, ServiceFailure>
}

extension ReaderServices {
    /// Services that never open an article partially complete it by opening it again.
    public func completeArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        openArticle(relativePath: relativePath)
    }

    public func startFeedFetch() -> ServiceFailure? { ServiceFailure("fetching feeds is not available here") }
    public func takeFeedFetchUpdates() -> [FeedFetchUpdate] { [] }
    public func takeNotices() -> [String] { [] }
    public func markArticles(_ paths: [String], _ change: MarkChange) -> ServiceFailure? {
        ServiceFailure("marks are not available here")
    }
    public func deleteArticle(relativePath: String) -> ServiceFailure? {
        ServiceFailure("deleting articles is not available here")
    }
    public func openInBrowser(_ url: String, inTerminal: Bool) -> ServiceFailure? {
        ServiceFailure("opening links is not available here")
    }
    public func articleURL(relativePath: String) -> Result<String?, ServiceFailure> {
        openArticle(relativePath: relativePath).map { $0.article.metadata.url }
    }
    public func startPageSave(url: String, via: String) -> ServiceFailure? {
        ServiceFailure("saving pages is not available here")
    }
    public func takePageSaveUpdates() -> [PageSaveUpdate] { [] }
    public func searchLibrary(_ query: String) -> Result<LibrarySearchAnswer, ServiceFailure> {
        .failure(ServiceFailure("searching the library is not available here"))
    }
}

/// A failure the user should read about; the TUI shows it and keeps running.
public struct ServiceFailure: Error, CustomStringConvertible, Hashable, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ReaderServices {
    /// Services whose library loads at once have no progress to tell.
    public func loadLibrary(progress: (_ done: Int, _ total: Int) -> Void) -> Result<[LibraryItem], ServiceFailure> {
        loadLibrary()
    }
}
