import GlossCore
import GlossStorage

/// An `AnnotationStoring` that keeps everything in memory, with the same merge rules as the
/// disk store, for tests of code that saves annotations.
public final class InMemoryAnnotationStore: AnnotationStoring {
    private struct Entry {
        var file: AnnotationFile
        var snapshot: String
    }

    private var entries: [String: Entry] = [:]
    /// When set, the next write fails with this error (and clears it), to test error handling.
    public var nextWriteError: StorageError?
    /// How many writes succeeded.
    public private(set) var writeCount = 0

    public init() {}

    public func load(_ article: ArticleIdentity) throws(StorageError) -> AnnotationFile {
        entries[article.path]?.file ?? AnnotationFile(article: article)
    }

    public func apply(
        _ changes: [AnnotationChange], to article: ArticleIdentity, anchoredOn normalizedText: String
    ) throws(StorageError) -> AnnotationFile {
        if let error = nextWriteError {
            nextWriteError = nil
            throw error
        }
        let existing = entries[article.path]?.file.annotations ?? []
        let file = AnnotationFile(article: article, annotations: AnnotationMerge.apply(changes, to: existing))
        entries[article.path] = Entry(file: file, snapshot: normalizedText)
        writeCount += 1
        return file
    }

    public func snapshot(of article: ArticleIdentity) throws(StorageError) -> String? {
        entries[article.path]?.snapshot
    }

    public func adoptRenamed(
        _ article: ArticleIdentity, isPathGone: (String) -> Bool
    ) throws(StorageError) -> AnnotationFile? {
        guard entries[article.path] == nil else { return nil }
        let candidate = entries.keys.sorted().first { path in
            entries[path]?.file.article.fingerprint == article.fingerprint && isPathGone(path)
        }
        guard let oldPath = candidate, var entry = entries.removeValue(forKey: oldPath) else { return nil }
        entry.file.article = article
        entry.file.messages = ["Annotations of \(oldPath) were moved to \(article.path)."]
        entries[article.path] = entry
        return entry.file
    }
}
