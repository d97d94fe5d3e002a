/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds from raw bytes with libxml2.
///
/// No I/O: the bytes come from the caller, and parsing never loads a DTD, an external entity or
/// anything over the network. Slightly broken feeds (a stray `&`, an undeclared `&nbsp;`) are
/// recovered; XML that is broken beyond that, an HTML page, or another kind of XML is a `FeedError`.
public enum FeedParser {
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// Parses a feed.
    ///
    /// - Parameters:
    ///   - bytes: The body as received; the encoding is taken from the XML declaration (UTF-8 by default).
    ///   - url: The address the feed was fetched from: relative links resolve against it.
    public static func parse(_ bytes: some Collection<UInt8>, url: String? = nil) throws(FeedError) -> Feed {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(FeedError) in try parse(buffer: buffer, url: url) }
        }
        if let contiguous { return try contiguous.get() }
        let copy = Array(bytes)
        let result = copy.withUnsafeBufferPointer { buffer in
            Result { () throws(FeedError) in try parse(buffer: buffer, url: url) }
        }
        return try result.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, url: String?) throws(FeedError) -> Feed {
        switch DocumentSniffer.kind(of: buffer) {
        case .empty: throw .emptyDocument
        case .html: throw .htmlInsteadOfFeed
        case .other: break
        }
        let document = try XMLDocument.parse(buffer, url: url)
        guard let root = document.root else { throw .emptyDocument }
        // Keep the document alive while its nodes are read.
        return try withExtendedLifetime(document) { () throws(FeedError) -> Feed in
            switch (root.name, root.namespaceURI) {
            case ("rss", _), ("channel", nil):
                return RSSReader.feed(from: root, format: .rss)
            case ("RDF", rdfNamespace?):
                return RSSReader.feed(from: root, format: .rdf)
            case ("feed", atomNamespace?), ("feed", nil):
                return AtomReader.feed(from: root)
            case ("html", _), ("HTML", _):
                throw .htmlInsteadOfFeed
            default:
                throw .notAFeed(root: root.name)
            }
        }
    }
}

/// A first look at a body, before parsing it as XML.
enum DocumentSniffer {
    enum Kind {
        case empty, html, other
    }

    /// HTML pages start with a doctype or `<html>` (after a BOM, blanks and comments); an
    /// XML declaration means XML whatever follows.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while true {
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count else { return .empty }
            guard hasPrefix("<!--", at: index, in: bytes) else { break }
            guard let end = find("-->", from: index + 4, in: bytes) else { return .other }
            index = end + 3
        }
        if hasPrefix("<!doctype html", at: index, in: bytes) || hasPrefix("<html", at: index, in: bytes) {
            return .html
        }
        return .other
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Case-insensitive ASCII prefix test.
    private static func hasPrefix(_ prefix: String, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pattern = Array(prefix.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] | 0x20 != byte | 0x20 {
            return false
        }
        return true
    }

    private static func find(_ needle: String, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, hasPrefix(needle, at: index, in: bytes) { return index }
            index += 1
        }
        return nil
    }
}
