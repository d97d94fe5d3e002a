/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds from raw bytes with libxml2.
///
/// No I/O: the bytes come from the caller, and parsing never loads a DTD, an external entity or
/// anything over the network. Slightly broken feeds (a stray `&`, an undeclared `&nbsp;`) are
/// recovered; XML that is broken beyond that, an HTML page, or another kind of XML is a `FeedError`.
public enum FeedParser {
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// Parses a feed.
    ///
    /// - Parameters:
    ///   - bytes: The body as received; the encoding is taken from the XML declaration (UTF-8 by
    ///     default), unless the bytes cannot be in it (see ``Feed/warnings``).
    ///   - url: The address the feed was fetched from: relative links resolve against it.
    ///   - charset: The `charset` of the response's Content-Type, which goes before the declaration.
    public static func parse(_ bytes: some Collection<UInt8>, url: String? = nil, charset: String? = nil) throws(FeedError) -> Feed {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(FeedError) in try parse(buffer: buffer, url: url, charset: charset) }
        }
        if let contiguous { return try contiguous.get() }
        let copy = Array(bytes)
        let result = copy.withUnsafeBufferPointer { buffer in
            Result { () throws(FeedError) in try parse(buffer: buffer, url: url, charset: charset) }
        }
        return try result.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, url: String?, charset: String? = nil) throws(FeedError) -> Feed {
        switch DocumentSniffer.kind(of: buffer) {
        case .empty: throw .emptyDocument
        case .html: throw .htmlInsteadOfFeed
        case .text(let start): throw .notXML(start: start)
        case .other: break
        }
        let document = try XMLDocument.parse(buffer, url: url, charset: charset)
        guard let root = document.root else { throw .emptyDocument }
        // Keep the document alive while its nodes are read.
        var feed = try withExtendedLifetime(document) { () throws(FeedError) -> Feed in
            switch (root.name, root.namespaceURI) {
            case ("rss", _), ("channel", nil):
                return RSSReader.feed(from: root, format: .rss)
            case ("RDF", rdfNamespace?):
                return RSSReader.feed(from: root, format: .rdf)
            case ("feed", _):
                // Atom 1.0, and the older 0.3 namespace, which reads the same for what is used here.
                return AtomReader.feed(from: root)
            case ("html", _), ("HTML", _):
                throw .htmlInsteadOfFeed
            default:
                throw .notAFeed(root: root.name)
            }
        }
        if let budget = document.entityBudget, budget.isExhausted { throw .entityExpansionTooLarge(limit: budget.limit) }
        feed.entries = FeedDuplicates.distinguished(feed.entries)
        feed.warnings = document.warnings
        return feed
    }
}
