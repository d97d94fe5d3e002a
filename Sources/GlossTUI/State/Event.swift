import GlossCore

/// An article the run loop has loaded for the reader.
public struct OpenedArticle {
    public var relativePath: String
    public var article: Article
    /// The saved reading position (block index), if any.
    public var savedFocus: Int?

    public init(relativePath: String, article: Article, savedFocus: Int? = nil) {
        self.relativePath = relativePath
        self.article = article
        self.savedFocus = savedFocus
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
}

/// Work the reducer asks the run loop to do; the reducer itself never does I/O.
public enum Effect: Hashable, Sendable {
    case quit
    case openArticle(relativePath: String)
    case saveReadingPosition(relativePath: String, block: Int, percent: Int)
    case suspend
    case redraw
}
