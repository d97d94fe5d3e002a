/// Why bytes could not be read as a feed or a web page.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body was empty or only whitespace.
    case emptyDocument
    /// An HTML page came back where a feed was expected (often a login page or a moved feed).
    case htmlInsteadOfFeed
    /// The body is not XML at all (JSON, plain text); the associated value is how it starts.
    case notXML(start: String)
    /// Well-formed XML, but not RSS or Atom; the associated value is the root element's name.
    case notAFeed(root: String)
    /// The XML is broken beyond repair: the parser's message and the line it stopped at.
    case malformedXML(line: Int, message: String)
    /// The body is larger than the parser accepts.
    case documentTooLarge(bytes: Int)
    /// A web page held no text that looks like an article.
    case noReadableContent
    /// Elements are nested deeper than the parser follows (an attack, or a broken generator).
    case nestedTooDeep(limit: Int)
    /// Entity references would expand the document beyond its budget (an "entity bomb").
    case entityExpansionTooLarge(limit: Int)
    /// libxml2, which is opened on first use, could not be opened: why.
    case parserUnavailable(reason: String)

    public var description: String {
        switch self {
        case .emptyDocument:
            return "the document is empty"
        case .htmlInsteadOfFeed:
            return "got an HTML page instead of an RSS or Atom feed"
        case .notXML(let start):
            return "not an RSS or Atom feed: the document is not XML (it starts with \"\(start)\")"
        case .notAFeed(let root):
            return "not an RSS or Atom feed (the document is <\(root)>)"
        case .malformedXML(let line, let message):
            return "malformed XML at line \(line): \(message)"
        case .documentTooLarge(let bytes):
            return "the document is too large to parse (\(bytes) bytes)"
        case .noReadableContent:
            return "no readable article text was found on the page"
        case .nestedTooDeep(let limit):
            return "the document is nested too deep (more than \(limit) levels of elements)"
        case .entityExpansionTooLarge(let limit):
            return "the document's entities expand to more than \(limit) bytes: refused"
        case .parserUnavailable(let reason):
            return "cannot read feeds or web pages: \(reason) (install libxml2)"
        }
    }
}
