import Foundation
import Glibc
import GlossCore

/// Keeps each article's annotations in its own JSON file under `<data directory>/annotations/`.
///
/// Every write is read-merge-write under an advisory lock on the file's `.lock` companion, so
/// several gloss processes can annotate the same article without losing each other's changes.
/// Files are replaced atomically, the previous version is kept as `.bak`, and a file that
/// cannot be parsed is moved aside, never overwritten. See docs/STORAGE.md.
public final class AnnotationStore: AnnotationStoring, Sendable {
    public let dataDirectory: String
    public let annotationsDirectory: String
    let clock: @Sendable () -> Timestamp
    /// Saves by this store skip re-reading a file nobody else has written since its last save.
    let written = WrittenDocumentCache<AnnotationDocument>()

    public convenience init(dataDirectory: URL, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        self.init(dataDirectory: dataDirectory.path, clock: clock)
    }

    public init(dataDirectory: String, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        let trimmed = dataDirectory.withoutTrailingSlash
        self.dataDirectory = trimmed
        self.annotationsDirectory = trimmed + "/annotations"
        self.clock = clock
    }

    /// The path of the JSON file that holds the annotations of `articlePath`.
    public func location(of articlePath: String) -> String {
        paths(for: articlePath).json
    }

    func paths(for articlePath: String) -> AnnotationPaths {
        AnnotationPaths(directory: annotationsDirectory, articlePath: articlePath)
    }

    func guarded(_ paths: AnnotationPaths) -> GuardedFile {
        GuardedFile(path: paths.json, clock: clock)
    }

    public func load(_ article: ArticleIdentity) throws(StorageError) -> AnnotationFile {
        let paths = paths(for: article.path)
        let read = try guarded(paths).read(AnnotationDocument.parseForReading)
        var requested = article
        requested.path = AnnotationPaths.normalizedArticlePath(article.path)
        guard let document = read.document else {
            return AnnotationFile(
                article: requested, isReadOnly: read.blocked != nil, messages: read.messages, location: paths.json)
        }
        var messages = read.messages + document.notices
        if document.isNewer {
            messages.append(
                StorageError.newerSchema(
                    path: paths.json, found: document.schemaVersion, supported: AnnotationDocument.schemaVersion
                ).description)
        }
        return AnnotationFile(
            article: document.article, annotations: document.annotations,
            isReadOnly: document.isNewer || read.blocked != nil, messages: messages, location: paths.json)
    }

    public func apply(
        _ changes: [AnnotationChange], to article: ArticleIdentity, anchoredOn normalizedText: String
    ) throws(StorageError) -> AnnotationFile {
        let paths = paths(for: article.path)
        try SecureDirectory.ensure(dataDirectory)
        try SecureDirectory.ensure(annotationsDirectory)
        return try FileLock.withExclusiveLock(paths.lock) { () throws(StorageError) -> AnnotationFile in
            let file = guarded(paths)
            let read: GuardedRead<AnnotationDocument>
            let cached = (try? FileIO.readIfPresent(paths.json, limit: GuardedFile.sizeLimit))
                .flatMap { $0 }.flatMap { written.document(at: paths.json, holding: $0) }
            if let unchanged = cached {
                read = GuardedRead(document: unchanged, exists: true)
            } else {
                read = try file.readHoldingLock(AnnotationDocument.parse)
            }
            if let blocked = read.blocked { throw blocked }
            var document = read.document ?? AnnotationDocument(article: article)
            if document.isNewer {
                throw .newerSchema(
                    path: paths.json, found: document.schemaVersion, supported: AnnotationDocument.schemaVersion)
            }
            let previousSnapshot = document.snapshotFile
            let (fingerprint, snapshot) = try writeSnapshot(normalizedText, claimed: article.fingerprint, paths: paths)
            // Listing the directory costs as much as the rest of a save when many articles are
            // annotated: do it only when something may need cleaning up.
            let names = cached == nil || previousSnapshot != snapshot
                ? SecureDirectory.entries(of: annotationsDirectory) : []
            AtomicFile.removeLeftovers(for: paths.json, in: names)
            document.article = ArticleIdentity(
                path: AnnotationPaths.normalizedArticlePath(article.path), title: article.title,
                fingerprint: fingerprint)
            document.snapshotFile = snapshot
            document.annotations = AnnotationMerge.apply(changes, to: document.annotations)
            written.forget(paths.json)
            let bytes = document.serialized()
            try file.write(bytes, keepBackup: read.exists)
            written.remember(document, as: bytes, at: paths.json)
            if previousSnapshot != snapshot {
                // Keep the snapshots of this version and of its backup; others are unreferenced.
                for name in names where paths.isSnapshot(name) && name != snapshot && name != previousSnapshot {
                    unlink(paths.path(of: name))
                }
            }
            return AnnotationFile(
                article: document.article, annotations: document.annotations,
                messages: read.messages + document.notices, location: paths.json)
        }
    }

    /// Makes sure the snapshot of `text` exists; returns its fingerprint and file name.
    /// `claimed` is the caller's fingerprint of `text`: when a snapshot by that name exists the
    /// text is not hashed again, which keeps saves fast for large articles.
    private func writeSnapshot(
        _ text: String, claimed: String, paths: AnnotationPaths
    ) throws(StorageError) -> (String, String) {
        let claimedName = paths.snapshotName(fingerprint: claimed)
        if claimed.count == 64, SystemCall.exists(paths.path(of: claimedName)) {
            return (claimed, claimedName)
        }
        let fingerprint = ArticleFingerprint.sha256(of: text)
        let name = paths.snapshotName(fingerprint: fingerprint)
        if !SystemCall.exists(paths.path(of: name)) {
            try AtomicFile.write(Array(text.utf8), to: paths.path(of: name), keepBackup: false)
        }
        return (fingerprint, name)
    }

    public func snapshot(of article: ArticleIdentity) throws(StorageError) -> String? {
        let paths = paths(for: article.path)
        let read = try guarded(paths).read(AnnotationDocument.parseForReading)
        // The name comes from the file, which may have been edited: accept only our own pattern.
        guard let document = read.document, let name = document.snapshotFile, paths.isSnapshot(name),
              !name.contains("/"),
              let bytes = try FileIO.readIfPresent(paths.path(of: name), limit: ArticleFile.sizeLimit),
              ArticleFingerprint.sha256(ofBytes: bytes) == document.article.fingerprint
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
