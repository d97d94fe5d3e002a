import GlossCore

/// Everything that can change the state: keys, window changes and results of effects.
public enum Event {
    case key(Key)
    case resize(Size)
    case libraryLoaded([LibraryItem])
    /// The library is still being scanned: `done` of `total` articles handled.
    case libraryProgress(done: Int, total: Int)
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
    /// The first screen of the article opened as `relativePath` has been drawn and the reader
    /// is idle (`.markOpened`): time to record that it was opened.
    case openedLongEnough(relativePath: String)
    /// Storage could not record a mark change; the library is reloaded from disk.
    case markFailed(String)
    /// The article was moved to the trash (or could not be: `failure`).
    case articleDeleted(relativePath: String, failure: String?)
    /// A page saved from a link in the background is saved, or could not be.
    case pageSave(PageSaveUpdate)
    /// The URL of an article to open in the browser (`o` in the library); nil when it has none.
    case browse(String?)
    /// The library search service answered `query`.
    case librarySearchResults(query: String, Result<LibrarySearchAnswer, ServiceFailure>)
}
