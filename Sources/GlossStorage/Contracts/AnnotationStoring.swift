import GlossCore

/// Loads and saves annotations per article: the seam between the code that uses annotations and
/// the files. `AnnotationStore` keeps them on disk; `InMemoryAnnotationStore` (in the
/// GlossTestSupport test target, never shipped) keeps them in memory for tests.
///
/// Methods return new values and never change anything the caller holds, so a failed save
/// leaves the caller's state exactly as it was.
public protocol AnnotationStoring: AnyObject {
    /// The article's annotations; an empty file when it has none yet.
    func load(_ article: ArticleIdentity) throws(StorageError) -> AnnotationFile

    /// Merges `changes` into what is stored (another process may have written since the last
    /// load), saves the result, and returns it. `normalizedText` is the text the changed
    /// annotations were anchored on; it is kept as the snapshot for later re-anchoring.
    func apply(
        _ changes: [AnnotationChange], to article: ArticleIdentity, anchoredOn normalizedText: String
    ) throws(StorageError) -> AnnotationFile

    /// The text the stored anchors were made on, or nil when none is kept or it is damaged.
    func snapshot(of article: ArticleIdentity) throws(StorageError) -> String?

    /// When nothing is stored for `article.path`, takes over the annotations of an article with
    /// the same fingerprint whose old path `isPathGone` says no longer exists (the file was
    /// renamed or moved). Returns the adopted file, or nil when there was nothing to adopt.
    func adoptRenamed(
        _ article: ArticleIdentity, isPathGone: (String) -> Bool
    ) throws(StorageError) -> AnnotationFile?
}

extension AnnotationStoring {
    /// The article's annotations, adopting those of a renamed file when it has none of its own.
    public func open(_ article: ArticleIdentity, isPathGone: (String) -> Bool) throws(StorageError) -> AnnotationFile {
        let file = try load(article)
        if !file.annotations.isEmpty || file.isReadOnly || !file.messages.isEmpty { return file }
        return try adoptRenamed(article, isPathGone: isPathGone) ?? file
    }
}
