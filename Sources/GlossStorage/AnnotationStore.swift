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
    /// Saves by this store skip re-reading a file and journal nobody else has written since its last save.
    let written = WrittenDocumentCache<StoredAnnotations>()
    /// When saves append to a journal rather than rewrite the file.
    let journalPolicy: JournalPolicy

    public convenience init(dataDirectory: URL, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        self.init(dataDirectory: dataDirectory.path, clock: clock)
    }

    public init(
        dataDirectory: String, clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        journal: JournalPolicy = .standard
    ) {
        let trimmed = dataDirectory.withoutTrailingSlash
        self.dataDirectory = trimmed
        self.annotationsDirectory = trimmed + "/annotations"
        self.clock = clock
        self.journalPolicy = journal
    }

    /// The path of the JSON file that holds the annotations of `articlePath`.
    public func location(of articlePath: String) -> String {
        paths(for: articlePath).json
    }

    /// Stamps (size, times, inode) of the files that hold the annotations of `articlePath`, the
    /// JSON file and its journal: when none changed, neither did what they hold.
    public func stamps(of articlePath: String) -> [LibraryCache.Stamp] {
        let paths = paths(for: articlePath)
        return [paths.json, paths.journal].compactMap(SearchIndexFile.stamp(of:))
    }

    func paths(for articlePath: String) -> AnnotationPaths {
        AnnotationPaths(directory: annotationsDirectory, articlePath: articlePath)
    }

    func guarded(_ paths: AnnotationPaths) -> GuardedFile {
        GuardedFile(path: paths.json, clock: clock)
    }

    public func load(_ article: ArticleIdentity) throws(StorageError) -> AnnotationFile {
        let paths = paths(for: article.path)
        var requested = article
        requested.path = AnnotationPaths.normalizedArticlePath(article.path)
        // Read for showing only (a fold below reads the file again): the one-pass reader will do.
        var stored = try StoredAnnotations(
            guarded(paths).read(AnnotationDocument.parseForReading), paths: paths, article: requested)
        var readOnly = false
        if !stored.damagedJournals.isEmpty {
            // Damaged saves in a journal are set aside at once, under the lock, as a damaged file is.
            do {
                stored = try FileLock.withExclusiveLock(paths.lock) { () throws(StorageError) -> StoredAnnotations in
                    try foldIfNeeded(readHoldingLock(paths, article: requested), paths: paths)
                }
            } catch {
                let message = "\(stored.damagedJournals.joined(separator: ", ")) has damaged saves that could not be "
                    + "set aside (\(error)); the rest is shown and changes will not be saved until it is repaired."
                SetAsideLog.record(message)
                stored.messages.append(message)
                readOnly = true
            }
        }
        guard let document = stored.document else {
            return AnnotationFile(
                article: requested, isReadOnly: readOnly || stored.blocked != nil, messages: stored.messages,
                location: paths.json)
        }
        var messages = stored.messages + document.notices
        if document.isNewer {
            messages.append(
                StorageError.newerSchema(
                    path: paths.json, found: document.schemaVersion, supported: AnnotationDocument.schemaVersion
                ).description)
        }
        return AnnotationFile(
            article: document.article, annotations: document.annotations,
            isReadOnly: readOnly || document.isNewer || stored.blocked != nil, messages: messages, location: paths.json)
    }

    public func apply(
        _ changes: [AnnotationChange], to article: ArticleIdentity, anchoredOn normalizedText: String
    ) throws(StorageError) -> AnnotationFile {
        let paths = paths(for: article.path)
        try SecureDirectory.ensure(dataDirectory)
        try SecureDirectory.ensure(annotationsDirectory)
        return try FileLock.withExclusiveLock(paths.lock) { () throws(StorageError) -> AnnotationFile in
            let identity = ArticleIdentity(
                path: AnnotationPaths.normalizedArticlePath(article.path), title: article.title,
                fingerprint: article.fingerprint)
            let (stored, cached) = try readForWriting(paths, article: identity)
            if let blocked = stored.blocked { throw blocked }
            var document = stored.document ?? AnnotationDocument(article: identity)
            if document.isNewer {
                throw .newerSchema(
                    path: paths.json, found: document.schemaVersion, supported: AnnotationDocument.schemaVersion)
            }
            let previousSnapshot = document.snapshotFile
            let (fingerprint, snapshot) = try writeSnapshot(normalizedText, claimed: article.fingerprint, paths: paths)
            // Listing the directory costs as much as the rest of a save when many articles are
            // annotated: do it only when something may need cleaning up.
            let names = !cached || previousSnapshot != snapshot
                ? SecureDirectory.entries(of: annotationsDirectory) : []
            AtomicFile.removeLeftovers(for: paths.json, in: names)
            AtomicFile.removeLeftovers(for: paths.journal, in: names)
            let previousArticle = document.article
            document.article = ArticleIdentity(path: identity.path, title: article.title, fingerprint: fingerprint)
            document.snapshotFile = snapshot
            // Stored annotations are always a merge result, so the changes can be placed directly.
            document.annotations = AnnotationMerge.merge(sorted: document.annotations, with: changes.map(\.annotation))
            let sameHeader = previousArticle == document.article && previousSnapshot == snapshot
            var result = stored
            result.document = document
            if sameHeader, let appended = try append(changes, to: stored, updated: document, paths: paths) {
                result = appended
            } else {
                result = try fold(result, paths: paths, changes: changes)
            }
            if previousSnapshot != snapshot {
                // Keep the snapshots of this version and of its backup; others are unreferenced.
                for name in names where paths.isSnapshot(name) && name != snapshot && name != previousSnapshot {
                    unlink(paths.path(of: name))
                }
            }
            return AnnotationFile(
                article: document.article, annotations: document.annotations,
                messages: result.messages + document.notices, location: paths.json)
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
