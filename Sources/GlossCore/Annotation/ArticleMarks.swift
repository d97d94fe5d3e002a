/// The triage marks of one article: read or unread, starred, archived.
///
/// `read` is nil until the user sets it: an article then counts as read once it has been
/// opened (it has a reading position), as before marks existed.
public struct ArticleMarks: Sendable, Hashable {
    public var read: Bool?
    public var starred: Bool
    public var archived: Bool
    /// When a mark last changed.
    public var updated: Timestamp
    /// A hash of the article file's bytes when the mark was set, so marks follow a renamed or
    /// moved article (see `ReadingState.adoptingRenamedMarks`).
    public var contentHash: String?

    public init(
        read: Bool? = nil, starred: Bool = false, archived: Bool = false, updated: Timestamp,
        contentHash: String? = nil
    ) {
        self.read = read
        self.starred = starred
        self.archived = archived
        self.updated = updated
        self.contentHash = contentHash
    }

    /// True when no mark is set: the entry can be dropped.
    public var isEmpty: Bool { read == nil && !starred && !archived }
}

/// One change to the marks of an article, as a key or `gloss mark` asks for it.
public enum MarkChange: String, Sendable, Hashable, CaseIterable {
    case read, unread, star, unstar, archive, unarchive

    /// `marks` with this change applied.
    public func applied(to marks: ArticleMarks) -> ArticleMarks {
        var copy = marks
        switch self {
        case .read: copy.read = true
        case .unread: copy.read = false
        case .star: copy.starred = true
        case .unstar: copy.starred = false
        case .archive: copy.archived = true
        case .unarchive: copy.archived = false
        }
        return copy
    }
}
