/// One row of the library list: a group heading or an article.
public enum LibraryRow: Hashable, Sendable {
    /// A feed's heading: its name, how many articles it shows and how many are unread.
    case heading(String, count: Int, unread: Int)
    /// An article, by its index into `LibraryState.visible`.
    case item(Int)

    static let itemHeight = 2

    /// Lines the row takes on screen.
    public var height: Int {
        if case .heading = self { return 1 }
        return Self.itemHeight
    }
}
