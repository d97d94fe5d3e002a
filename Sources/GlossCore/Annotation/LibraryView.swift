/// Which articles the library shows: Readwise's Inbox / Later / Archive, as views over marks.
public enum LibraryView: String, Sendable, Hashable, CaseIterable {
    /// Everything not archived (the default).
    case inbox
    /// Unread articles that are not archived.
    case unread
    /// Starred articles, archived or not.
    case starred
    /// Archived articles.
    case archive
    /// Every article (only for `gloss list --view all`).
    case all

    /// The views the library's number keys switch between, in key order.
    public static let libraryViews: [LibraryView] = [.inbox, .unread, .starred, .archive]

    /// The name shown in the status line.
    public var title: String {
        switch self {
        case .inbox: return "Inbox"
        case .unread: return "Unread"
        case .starred: return "Starred"
        case .archive: return "Archive"
        case .all: return "All"
        }
    }

    /// Whether an article with these marks is shown in this view.
    public func includes(read: Bool, starred: Bool, archived: Bool) -> Bool {
        switch self {
        case .inbox: return !archived
        case .unread: return !read && !archived
        case .starred: return starred
        case .archive: return archived
        case .all: return true
        }
    }
}
