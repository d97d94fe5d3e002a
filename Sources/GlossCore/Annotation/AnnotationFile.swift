/// Which article a set of annotations belongs to.
public struct ArticleIdentity: Sendable, Hashable, Codable {
    /// The article's path relative to the articles directory, with `/` separators.
    public var path: String
    public var title: String
    /// `ArticleFingerprint.sha256(of:)` of the article's normalized text.
    public var fingerprint: String

    public init(path: String, title: String, fingerprint: String) {
        self.path = path
        self.title = title
        self.fingerprint = fingerprint
    }
}

/// An article's annotations as loaded from (or just written to) storage.
public struct AnnotationFile: Sendable, Hashable {
    /// The article as stored: `fingerprint` is that of the text the anchors were made on,
    /// which differs from the current article's when the file changed since.
    public var article: ArticleIdentity
    /// Every annotation including tombstones, in reading order.
    public var annotations: [Annotation]
    /// True when the file must not be written (it comes from a newer version of gloss).
    public var isReadOnly: Bool
    /// Things the user should be told, e.g. that a damaged file was set aside and a backup used.
    public var messages: [String]
    /// Where the annotations are kept, for messages; nil for stores without files.
    public var location: String?

    public init(
        article: ArticleIdentity, annotations: [Annotation] = [], isReadOnly: Bool = false,
        messages: [String] = [], location: String? = nil
    ) {
        self.article = article
        self.annotations = annotations
        self.isReadOnly = isReadOnly
        self.messages = messages
        self.location = location
    }

    /// The annotations that are not deleted.
    public var liveAnnotations: [Annotation] { annotations.filter { !$0.deleted } }

    /// The annotation with id `id`, tombstones included.
    public func annotation(withID id: String) -> Annotation? {
        annotations.first { $0.id == id }
    }
}
