import Glibc
import GlossCore

/// Saves through the journal: one fsynced append when the JSON file may stay as it is, and the
/// fold (a rewrite of the file with every journaled save in it) when it may not. Every function
/// here runs under the article's lock.
extension AnnotationStore {
    /// What is stored for `paths`, read and recovered as a writer does (holding the lock).
    func readHoldingLock(_ paths: AnnotationPaths, article: ArticleIdentity) throws(StorageError) -> StoredAnnotations {
        try StoredAnnotations(guarded(paths).readHoldingLock(AnnotationDocument.parse), paths: paths, article: article)
    }

    /// What is stored, from this store's own last write when the file and journal still hold
    /// exactly the bytes it left (whatever else happened in between); true when it was.
    func readForWriting(
        _ paths: AnnotationPaths, article: ArticleIdentity
    ) throws(StorageError) -> (StoredAnnotations, cached: Bool) {
        if let bytes = (try? FileIO.readIfPresent(paths.json, limit: GuardedFile.sizeLimit)).flatMap({ $0 }),
           let entry = written.document(at: paths.json, holding: bytes),
           try FileIO.readIfPresent(paths.journal, limit: GuardedFile.sizeLimit) == entry.journalBytes
        {
            return (entry, true)
        }
        written.forget(paths.json)
        return (try readHoldingLock(paths, article: article), false)
    }

    /// Appends `changes` to the journal when the policy allows it and nothing calls for a fold;
    /// returns what is stored then (with `updated`, the document holding the changes), or nil
    /// when the file must be rewritten instead.
    func append(
        _ changes: [AnnotationChange], to stored: StoredAnnotations, updated document: AnnotationDocument,
        paths: AnnotationPaths
    ) throws(StorageError) -> StoredAnnotations? {
        // Anything said while reading (a damaged file restored from `.bak`) is settled by a fold.
        guard let baseBytes = stored.baseBytes, !stored.needsFold, stored.messages.isEmpty else { return nil }
        var result = stored
        result.document = document
        guard !changes.isEmpty else { return result }
        let annotations = changes.map(\.annotation)
        let line = AnnotationJournal.record(annotations)
        let journal = stored.journal ?? AnnotationJournal.Contents()
        guard journalPolicy.allowsAppend(
                fileSize: baseBytes.count, records: journal.records.count, journalSize: journal.validLength,
                recordSize: line.count),
              // A journal that could never be folded would grow without end: in a directory gloss
              // cannot write, saves fail as rewrites always did.
              access(paths.directory, W_OK) == 0
        else { return nil }
        let bytes = Self.appended(line, to: stored.journal, base: baseBytes)
        if stored.journal == nil {
            result.journal = AnnotationJournal.Contents(base: AnnotationJournal.Base(of: baseBytes))
            result.journalAttached = true
        }
        try AnnotationJournal.append(bytes, to: paths.journal, validLength: journal.validLength)
        let record = AnnotationJournal.Record(annotations: annotations, raw: [:], unreadable: [])
        result.journal?.records.append(record)
        result.journal?.validLength = journal.validLength + bytes.count
        result.journal?.size = journal.validLength + bytes.count
        result.journal?.endsWithNewline = true
        result.journalBytes = Array((stored.journalBytes ?? []).prefix(journal.validLength)) + bytes
        result.replayed.append(record)
        written.remember(result, as: baseBytes, at: paths.json)
        return result
    }

    /// What to append for `line`: the header first in a new journal, a newline first after a
    /// last line that lost its own.
    private static func appended(_ line: [UInt8], to journal: AnnotationJournal.Contents?, base: [UInt8]) -> [UInt8] {
        guard let journal else { return AnnotationJournal.header(for: AnnotationJournal.Base(of: base)) + line }
        return journal.endsWithNewline ? line : [0x0A] + line
    }

    /// Rewrites the JSON file with everything `stored` holds (keeping the old file as `.bak`),
    /// then retires the journal it absorbed and sets damaged journals aside. `changes` are the
    /// save's own, which the retired journal keeps too.
    func fold(
        _ stored: StoredAnnotations, paths: AnnotationPaths, changes: [AnnotationChange] = []
    ) throws(StorageError) -> StoredAnnotations {
        guard let document = stored.document else { return stored }
        written.forget(paths.json)
        let bytes = document.serialized()
        try guarded(paths).write(bytes, keepBackup: stored.baseExists)
        // The new file is on disk, journaled saves included: only now may the journal go.
        var messages = stored.messages
        retireJournals(of: stored, adding: changes.map(\.annotation), paths: paths, messages: &messages)
        var result = StoredAnnotations(document: document, baseBytes: bytes)
        written.remember(result, as: bytes, at: paths.json)
        result.messages = messages
        return result
    }

    /// Folds when what was read calls for it (damaged or stray journals), else returns it as it is.
    func foldIfNeeded(_ stored: StoredAnnotations, paths: AnnotationPaths) throws(StorageError) -> StoredAnnotations {
        guard stored.needsFold, stored.blocked == nil, let document = stored.document, !document.isNewer else {
            return stored
        }
        return try fold(stored, paths: paths)
    }

    /// After a fold: damaged journals are moved aside whole (`.corrupt-<time>`), and the journal
    /// becomes `journal.bak`, which with `.bak` (the file before the fold) gives back everything
    /// the new file holds. Failures here lose nothing (the new file holds every save), so they
    /// are not the save's failure.
    private func retireJournals(
        of stored: StoredAnnotations, adding annotations: [Annotation], paths: AnnotationPaths, messages: inout [String]
    ) {
        var keptDamaged = false
        for path in stored.damagedJournals {
            let message: String
            do {
                let moved = try guarded(paths).quarantine(path)
                message = "\(path) held saves that could not be read (damaged); it was moved to \(moved), "
                    + "and its other saves were kept."
            } catch {
                keptDamaged = keptDamaged || path == paths.journal
                message = "\(path) holds saves that could not be read (damaged) and could not be moved aside "
                    + "(\(error)); its other saves were kept."
            }
            SetAsideLog.record(message)
            messages.append(message)
        }
        guard stored.journal != nil || stored.usedBackupJournal else {
            // A `journal.bak` left from an earlier fold is older than `.bak` now.
            if SystemCall.exists(paths.journalBackup) { unlink(paths.journalBackup) }
            return
        }
        guard let oldBase = stored.baseBytes else {
            // There was no file, so there is no `.bak` for a journal to go with.
            if !keptDamaged { unlink(paths.journal) }
            unlink(paths.journalBackup)
            return
        }
        let save = AnnotationJournal.Record(annotations: annotations, raw: [:], unreadable: [])
        if stored.journalAttached, stored.damagedJournals.isEmpty, !stored.usedBackupJournal, let journal = stored.journal,
           annotations.isEmpty
               || (try? AnnotationJournal.append(
                   Self.appended(AnnotationJournal.record(annotations), to: journal, base: oldBase), to: paths.journal,
                   validLength: journal.validLength)) != nil,
           rename(paths.journal, paths.journalBackup) == 0
        {
            return
        }
        let records = stored.replayed + (annotations.isEmpty ? [] : [save])
        let journal = AnnotationJournal.file(base: AnnotationJournal.Base(of: oldBase), records: records)
        if (try? AtomicFile.write(journal, to: paths.journalBackup, keepBackup: false)) == nil {
            unlink(paths.journalBackup)
        }
        if !keptDamaged { unlink(paths.journal) }
    }
}

extension StoredAnnotations {
    /// A JSON file just written, with no journal.
    init(document: AnnotationDocument, baseBytes: [UInt8]) {
        self.document = document
        self.baseBytes = baseBytes
    }
}
