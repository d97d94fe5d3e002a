import GlossCore

/// An article the run loop has loaded for the reader.
public struct OpenedArticle {
    public var relativePath: String
    public var article: Article
    /// The saved reading position (block index), if any.
    public var savedFocus: Int?
    /// The article's annotations, re-anchored on its current text (tombstones included).
    public var annotations: [Annotation]
    /// The normalized text the annotations are anchored on; computed from `article` when nil.
    public var text: ArticleText?
    /// True when the annotations must not be changed (written by a newer Gloss).
    public var isReadOnly: Bool
    /// What the user should know about the annotations (re-anchoring, recovered files).
    public var messages: [String]
    /// True when the annotations are loaded after the first screen is drawn (`.loadAnnotations`),
    /// so opening a large article is not held up by fingerprinting and re-anchoring.
    public var annotationsPending: Bool
    /// True when `article` holds only the opening of a large file, enough for the first screen;
    /// the rest is read before the first key is handled (`.completeArticle`).
    public var isPartial: Bool

    public init(
        relativePath: String, article: Article, savedFocus: Int? = nil, annotations: [Annotation] = [],
        text: ArticleText? = nil, isReadOnly: Bool = false, messages: [String] = [], annotationsPending: Bool = false,
        isPartial: Bool = false
    ) {
        self.isPartial = isPartial
        self.annotationsPending = annotationsPending
        self.relativePath = relativePath
        self.article = article
        self.savedFocus = savedFocus
        self.annotations = annotations
        self.text = text
        self.isReadOnly = isReadOnly
        self.messages = messages
    }
}
