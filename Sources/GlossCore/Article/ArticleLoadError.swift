/// Why a file could not be loaded as an article.
public enum ArticleLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not text; the reason says what gave it away, e.g. "NUL byte at offset 123".
    case binary(String)
    /// The Markdown parser could not produce a document (it ran out of memory).
    case markdownParserFailed
    /// A part of the file nests deeper than its parser may go without exhausting the stack, e.g.
    /// "front matter nested too deep (more than 100 levels)".
    case nestedTooDeep(what: String, limit: Int)

    public var description: String {
        switch self {
        case .binary(let reason): return "binary file (\(reason))"
        case .markdownParserFailed: return "the Markdown parser could not read this file"
        case .nestedTooDeep(let what, let limit): return "\(what) nested too deep (more than \(limit) levels)"
        }
    }
}
