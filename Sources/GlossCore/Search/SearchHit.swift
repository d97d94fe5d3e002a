/// One match of a library search (`gloss search`, the search screen): a title, a paragraph, a note or a tag list of one article.
public struct SearchHit: Sendable, Hashable {
    /// The article's path relative to the articles directory.
    public var path: String
    public var title: String
    /// The ¶ number (1-based); nil for the title and the article's own tags.
    public var paragraph: Int?
    public var kind: SearchHitKind
    /// One line of the matched text with each match marked `«…»` (not yet terminal-safe).
    public var snippet: String
    /// For a note or note tag hit: the highlighted text the note belongs to.
    public var quote: String?
    public var score: Int
    /// The article file's modification time (milliseconds since 1970).
    public var modified: Int64

    public init(
        path: String, title: String, paragraph: Int?, kind: SearchHitKind, snippet: String, quote: String? = nil,
        score: Int = 0, modified: Int64 = 0
    ) {
        self.path = path
        self.title = title
        self.paragraph = paragraph
        self.kind = kind
        self.snippet = snippet
        self.quote = quote
        self.score = score
        self.modified = modified
    }

    /// Whether the hit is in a note (its text or its tags) rather than in the article.
    public var isInNote: Bool { quote != nil }

    /// The first marked text of the snippet.
    public var firstMatch: String? {
        guard let open = snippet.firstIndex(of: "«") else { return nil }
        let rest = snippet[snippet.index(after: open)...]
        guard let close = rest.firstIndex(of: "»") else { return nil }
        let match = String(rest[..<close])
        return match.isEmpty ? nil : match
    }
}
