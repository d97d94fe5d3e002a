import Foundation
import GlossCore

/// An article's annotations opened the way the reader opens them: loaded (adopting a renamed file's annotations
/// by fingerprint), re-anchored against the current text, and the moved anchors saved back.
public final class ArticleAnnotations {
    /// The article as it is now: path relative to the articles directory (absolute when outside it),
    /// title, and the fingerprint of its current text.
    public let identity: ArticleIdentity
    public let article: Article
    public let text: ArticleText
    /// Re-anchored against `text`, tombstones included.
    public private(set) var file: AnnotationFile
    /// What the user should be told: damaged files set aside, read-only files, re-anchoring results.
    public private(set) var messages: [String]
    /// What the last `apply` did that the user must hear about (an edit kept as a new note); the
    /// caller takes them.
    public var notices: [String] = []
    public var isReadOnly: Bool
    /// Ids for annotations this session creates itself.
    public var newID: () -> String = { UUID().uuidString }

    private let store: any AnnotationStoring
    /// Re-anchored copies not yet on disk (the write-back failed); sent with the next save.
    private var unsavedAnchors: [Annotation] = []
    /// Anchors as loaded, by id, to recognise a copy another process wrote without re-anchoring it.
    private var loadedAnchors: [String: AnnotationAnchor] = [:]
    private var currentAnchors: [String: AnnotationAnchor] = [:]

    private init(
        identity: ArticleIdentity, article: Article, text: ArticleText, file: AnnotationFile, store: any AnnotationStoring
    ) {
        self.identity = identity
        self.article = article
        self.text = text
        self.file = file
        self.messages = file.messages
        self.isReadOnly = file.isReadOnly
        self.store = store
    }

    /// Loads `article`'s annotations, adopting a renamed file's, re-anchors them against the
    /// article's current text and saves the anchors that moved. A failed write-back is reported in
    /// `messages` and keeps the re-anchored result in memory.
    public static func open(
        article: Article, relativePath: String, store: any AnnotationStoring, articlesDirectory: String
    ) throws(StorageError) -> ArticleAnnotations {
        let text = ArticleText(article)
        let identity = ArticleIdentity(
            path: relativePath, title: article.metadata.title, fingerprint: ArticleFingerprint.sha256(of: text))
        let loaded = try store.open(identity) { oldPath in
            storedPathCandidates(oldPath, articlesDirectory: articlesDirectory).allSatisfy {
                !FileManager.default.fileExists(atPath: $0)
            }
        }
        let session = ArticleAnnotations(identity: identity, article: article, text: text, file: loaded, store: store)
        session.reanchor()
        return session
    }

    /// Where the article of a stored path may be. Storage keeps paths without a leading `/`, so
    /// an article outside the articles directory comes back as a relative path.
    public static func storedPathCandidates(_ path: String, articlesDirectory: String) -> [String] {
        path.hasPrefix("/") ? [path] : [articlesDirectory + "/" + path, "/" + path]
    }

    /// Merges `changes` (made on `text`) into storage and returns the merged file, which includes
    /// other processes' changes. On failure nothing held here changes.
    @discardableResult
    public func apply(_ changes: [AnnotationChange]) throws(StorageError) -> AnnotationFile {
        // Pending re-anchored copies go first so that a change to the same annotation wins the merge.
        let all = unsavedAnchors.map(AnnotationChange.upsert) + changes
        var saved = try store.apply(all, to: identity, anchoredOn: text.text)
        let revived = Self.editsLostToDeletion(changes, in: saved, newID: newID)
        if !revived.isEmpty {
            // Another process deleted what was just edited: the tombstone stays (its deletion was
            // meant), and the edit is kept as a new annotation instead of vanishing in the merge.
            saved = try store.apply(revived.map(AnnotationChange.upsert), to: identity, anchoredOn: text.text)
            notices.append(
                revived.count == 1
                    ? "this note had been deleted elsewhere; your edit was kept as a new note"
                    : "\(revived.count) notes had been deleted elsewhere; your edits were kept as new notes")
        }
        // Merges never drop an id, so one held here but missing from the result means the file
        // vanished (its data directory deleted while gloss ran): write back what memory still holds.
        let stored = Set(saved.annotations.map(\.id))
        let lost = file.annotations.filter { !stored.contains($0.id) }
        if !lost.isEmpty {
            saved = try store.apply(lost.map(AnnotationChange.upsert), to: identity, anchoredOn: text.text)
        }
        unsavedAnchors = []
        file = adoptingCurrentAnchors(saved)
        for change in changes {
            currentAnchors[change.annotation.id] = change.annotation.anchor
        }
        return file
    }

    /// Edits in `changes` (the last change of an id being an upsert of a live copy) that the
    /// merge buried under another process's tombstone, as copies with fresh ids.
    static func editsLostToDeletion(
        _ changes: [AnnotationChange], in saved: AnnotationFile, newID: () -> String
    ) -> [Annotation] {
        var last: [String: AnnotationChange] = [:]
        for change in changes { last[change.annotation.id] = change }
        let buried = Set(saved.annotations.filter(\.deleted).map(\.id))
        return changes.compactMap { change -> Annotation? in
            guard case .upsert(let edited) = change, !edited.deleted, buried.contains(edited.id),
                  last[edited.id] == change
            else { return nil }
            var copy = edited
            copy.id = newID()
            return copy
        }
    }

    private func reanchor() {
        let original = file.annotations
        guard !original.isEmpty else { return }
        var snapshot: String?
        let isUnchanged = file.article.fingerprint == identity.fingerprint
        if !isUnchanged {
            do {
                snapshot = try store.snapshot(of: identity)
            } catch {
                messages.append(
                    "The earlier text of this article could not be read (\(error.description)); "
                        + "notes were found by their quotes.")
            }
        }
        let moved = Reanchorer.reanchor(
            original, storedFingerprint: file.article.fingerprint,
            // The unchanged text is joined only when an anchor needs a diff against it.
            snapshot: isUnchanged ? text.text : snapshot, current: text, currentFingerprint: identity.fingerprint)
        // `moved` holds the same annotations in the same order (ids are unique in a file), so
        // the moved ones are found side by side; a thousand dictionary look-ups cost more.
        let changed = zip(original, moved).compactMap { old, new in old.anchor != new.anchor ? new : nil }
        loadedAnchors.reserveCapacity(original.count)
        currentAnchors.reserveCapacity(moved.count)
        for annotation in original { loadedAnchors[annotation.id] = annotation.anchor }
        for annotation in moved { currentAnchors[annotation.id] = annotation.anchor }
        file.annotations = AnnotationMerge.sorted(moved)
        guard !changed.isEmpty else { return }
        var before: [String: Annotation] = [:]
        for annotation in original { before[annotation.id] = annotation }
        if let summary = Self.summary(changed, before: before) { messages.append(summary) }
        guard !isReadOnly else { return }
        // `modified` is left alone so that a note edited meanwhile in another process still wins the merge.
        do {
            let saved = try store.apply(changed.map(AnnotationChange.upsert), to: identity, anchoredOn: text.text)
            file = adoptingCurrentAnchors(saved)
        } catch {
            unsavedAnchors = changed
            messages.append("The moved notes could not be saved (\(error.description)); they are shown where they are now.")
        }
    }

    /// `saved` with this session's anchors put back on copies another process wrote with the anchors
    /// as they were loaded (it had not re-anchored them against the current text).
    private func adoptingCurrentAnchors(_ saved: AnnotationFile) -> AnnotationFile {
        var result = saved
        result.annotations = AnnotationMerge.sorted(saved.annotations.map { annotation in
            guard let current = currentAnchors[annotation.id], current != annotation.anchor,
                  loadedAnchors[annotation.id] == annotation.anchor
            else { return annotation }
            var copy = annotation
            copy.anchor = current
            return copy
        })
        return result
    }

    /// "3 notes re-anchored, 1 orphaned" for the live annotations whose anchors moved. A status that
    /// changed in place (a `mapped` note found exactly once the snapshot caught up) is not news.
    static func summary(_ changed: [Annotation], before: [String: Annotation]) -> String? {
        let live = changed.filter { !$0.deleted }
        let orphaned = live.filter { $0.anchor.status == .orphan && before[$0.id]?.anchor.status != .orphan }.count
        let moved = live.filter { annotation in
            guard annotation.anchor.status != .orphan, let old = before[annotation.id]?.anchor else { return false }
            return old.position != annotation.anchor.position || old.blockIndex != annotation.anchor.blockIndex
                || old.status == .orphan
        }.count
        var parts: [String] = []
        if moved > 0 { parts.append("\(moved) \(moved == 1 ? "note" : "notes") re-anchored") }
        if orphaned > 0 { parts.append("\(orphaned) orphaned (text not found)") }
        return parts.isEmpty ? nil : "The article changed: " + parts.joined(separator: ", ") + "."
    }
}
