/// One result on the library search screen (`S`), as the run loop's search service returns it.
public struct LibrarySearchHit: Hashable, Sendable {
    public var path: String
    public var title: String
    /// The ¶ number (1-based); nil for a title or an article tag.
    public var paragraph: Int?
    /// `text`, `title`, `note` or `tag`, as `gloss search` names them.
    public var kind: String
    /// One line with each match between `«` and `»`.
    public var snippet: String
    /// For a hit in a note: the highlighted text it belongs to.
    public var quote: String?

    public init(path: String, title: String, paragraph: Int?, kind: String, snippet: String, quote: String? = nil) {
        self.path = path
        self.title = title
        self.paragraph = paragraph
        self.kind = kind
        self.snippet = snippet
        self.quote = quote
    }

    /// The first marked text of the snippet: what the reader searches for on landing.
    public var firstMatch: String? {
        guard let open = snippet.firstIndex(of: "«") else { return nil }
        let rest = snippet[snippet.index(after: open)...]
        guard let close = rest.firstIndex(of: "»") else { return nil }
        let match = String(rest[..<close])
        return match.isEmpty ? nil : match
    }
}

/// The library search screen: the query being typed and the results of the last search.
public struct LibrarySearchState: Hashable, Sendable {
    public var field = TextField()
    public var hits: [LibrarySearchHit] = []
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
