import GlossCore

/// The library search screen: the query being typed and the results of the last search.
public struct LibrarySearchState: Hashable, Sendable {
    public var field = TextField()
    public var hits: [SearchHit] = []
    public var selected = 0
    /// First hit shown (the list scrolls to keep the selection visible).
    public var top = 0
    /// Keys move through the results (`j`/`k`) instead of typing; Tab switches.
    public var listHasFocus = false
    /// The query the shown hits answer; nil before the first search.
    public var answered: String?
    /// Shown under the field: no matches, an index notice, a failure.
    public var notice: String?
    /// The field changed since the last search was asked for.
    var isStale = false
    /// Enter came before the results of the typed query: open the best one when they come.
    var opensWhenAnswered = false

    public init() {}
}

/// Where the reader lands after Enter on a search result.
public struct SearchLanding: Hashable, Sendable {
    public var path: String
    /// 0-based block.
    public var block: Int
    public var match: String?
}
