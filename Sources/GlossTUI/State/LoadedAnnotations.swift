import GlossCore

/// An article's annotations, loaded after the article was shown.
public struct LoadedAnnotations: Sendable {
    /// Re-anchored on the current text, tombstones included.
    public var annotations: [Annotation]
    public var text: ArticleText
    public var isReadOnly: Bool
    public var messages: [String]

    public init(annotations: [Annotation], text: ArticleText, isReadOnly: Bool = false, messages: [String] = []) {
        self.annotations = annotations
        self.text = text
        self.isReadOnly = isReadOnly
        self.messages = messages
    }
}
