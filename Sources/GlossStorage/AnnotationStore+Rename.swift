import Glibc
import GlossCore

extension AnnotationStore {
    public func adoptRenamed(
        _ article: ArticleIdentity, isPathGone: (String) -> Bool
    ) throws(StorageError) -> AnnotationFile? {
        let target = paths(for: article.path)
        let newPath = AnnotationPaths.normalizedArticlePath(article.path)
        guard !SystemCall.exists(target.json), article.fingerprint.count == 64 else { return nil }
        // Snapshot files carry the fingerprint in their name, so candidates are found from the
        // directory listing alone, without opening every annotation file.
        let prefix = String(article.fingerprint.prefix(AnnotationPaths.fingerprintLength))
        let bases = Set(
            SecureDirectory.entries(of: annotationsDirectory)
                .compactMap(AnnotationPaths.parseSnapshotName)
                .filter { $0.fingerprintPrefix == prefix && $0.base != target.base }
                .map(\.base))
        for base in bases.sorted() {
            let source = AnnotationPaths(directory: annotationsDirectory, base: base)
            guard let bytes = try? FileIO.readIfPresent(source.json, limit: GuardedFile.sizeLimit),
                  let document = try? AnnotationDocument.parse(bytes),
                  !document.isNewer, document.article.fingerprint == article.fingerprint,
                  document.article.path != newPath, isPathGone(document.article.path)
            else { continue }
            if let adopted = try adopt(from: source, to: target, article: article) {
                return adopted
            }
        }
        return nil
    }

    /// Moves one article's files to another's names, holding both locks.
    private func adopt(
        from source: AnnotationPaths, to target: AnnotationPaths, article: ArticleIdentity
    ) throws(StorageError) -> AnnotationFile? {
        try FileLock.withExclusiveLocks([source.lock, target.lock]) { () throws(StorageError) -> AnnotationFile? in
            // Another process may have adopted it, or annotated the new path, meanwhile.
            guard !SystemCall.exists(target.json) else { return nil }
            // The journal's saves move too: the new file is written with them folded in.
            let read = try readHoldingLock(source, article: article)
            guard var document = read.document, read.blocked == nil, !document.isNewer,
                  document.article.fingerprint == article.fingerprint
            else { return nil }
            let oldPath = document.article.path
            var newSnapshot: String?
            if let name = document.snapshotFile, source.isSnapshot(name), SystemCall.exists(source.path(of: name)) {
                let newName = target.snapshotName(fingerprint: document.article.fingerprint)
                try copyIfMissing(source.path(of: name), to: target.path(of: newName))
                newSnapshot = newName
            }
            document.article.path = AnnotationPaths.normalizedArticlePath(article.path)
            document.article.title = article.title
            document.snapshotFile = newSnapshot
            try guarded(target).write(document.serialized(), keepBackup: false)
            // The new file is on disk: only now remove the old one and its companions.
            var messages = read.messages
            var kept: Set<String> = []
            for path in read.damagedJournals {
                // Damaged saves are set aside under the old name, never removed with it.
                let moved = try? guarded(source).quarantine(path)
                if moved == nil { kept.insert(path) }
                let message = "\(path) held saves that could not be read (damaged); "
                    + (moved.map { "it was moved to \($0)." } ?? "it was left in place.")
                SetAsideLog.record(message)
                messages.append(message)
            }
            unlink(source.json)
            unlink(source.backup)
            for path in [source.journal, source.journalBackup] where !kept.contains(path) { unlink(path) }
            for name in SecureDirectory.entries(of: annotationsDirectory) where source.isSnapshot(name) {
                unlink(source.path(of: name))
            }
            try AtomicFile.syncDirectory(annotationsDirectory)
            return AnnotationFile(
                article: document.article, annotations: document.annotations,
                messages: messages + ["Annotations of \(oldPath) were moved to \(document.article.path) (same text)."],
                location: target.json)
        }
    }

    private func copyIfMissing(_ source: String, to destination: String) throws(StorageError) {
        guard !SystemCall.exists(destination) else { return }
        if link(source, destination) == 0 { return }
        let bytes = try FileIO.read(source, limit: ArticleFile.sizeLimit)
        try AtomicFile.write(bytes, to: destination, keepBackup: false)
    }
}
