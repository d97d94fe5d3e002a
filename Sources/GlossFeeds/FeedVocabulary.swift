/// The namespaces an element of a feed is recognised in, so that `<media:title>` or
/// `<itunes:author>` is never taken for the `<title>` or `<author>` of RSS or Atom.
///
/// Namespace URIs are compared leniently (case-insensitive, without a trailing `/`), as feeds
/// write the well-known ones in several spellings (`…/modules/content` and `…/modules/content/`).
struct FeedVocabulary {
    /// Normalised URIs; the empty string stands for "no namespace".
    let uris: Set<String>

    init(_ uris: [String]) {
        self.uris = Set(uris.map(Self.normalized))
    }

    func adding(_ uri: String?) -> FeedVocabulary {
        FeedVocabulary(Array(uris) + [uri ?? ""])
    }

    func contains(_ node: XMLNode) -> Bool {
        uris.contains(Self.normalized(node.namespaceURI ?? ""))
    }

    static func normalized(_ uri: String) -> String {
        var uri = uri.lowercased()
        while uri.hasSuffix("/") { uri.removeLast() }
        return uri
    }

    /// RSS 0.9x/2.0 (no namespace, or one of the namespaces some RSS 2.0 feeds declare) and RSS 1.0/0.90.
    static let rss = FeedVocabulary([
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    ])
    /// Atom 1.0 and 0.3.
    static let atom = FeedVocabulary(["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"])
    static let dublinCore = FeedVocabulary(["http://purl.org/dc/elements/1.1/"])
    static let dublinCoreTerms = FeedVocabulary(["http://purl.org/dc/terms/"])
    static let content = FeedVocabulary(["http://purl.org/rss/1.0/modules/content/"])
    static let xhtml = FeedVocabulary(["http://www.w3.org/1999/xhtml"])
    static let itunes = FeedVocabulary(["http://www.itunes.com/dtds/podcast-1.0.dtd"])
}

extension XMLNode {
    /// The first child element named `name` in `vocabulary`.
    func firstElement(_ name: String, in vocabulary: FeedVocabulary) -> XMLNode? {
        children.first { $0.isElement && $0.name == name && vocabulary.contains($0) }
    }

    /// Child elements named `name` in `vocabulary`.
    func elements(_ name: String, in vocabulary: FeedVocabulary) -> [XMLNode] {
        children.filter { $0.isElement && $0.name == name && vocabulary.contains($0) }
    }

    /// The first of `names` (tried in order) found among the children in `vocabulary`.
    func firstElement(_ names: [String], in vocabulary: FeedVocabulary) -> XMLNode? {
        for name in names {
            if let found = firstElement(name, in: vocabulary) { return found }
        }
        return nil
    }
}
