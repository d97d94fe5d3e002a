import GlossCore

/// An article's annotations as stored: its JSON file with its journal replayed over it, and
/// what a save needs to know to append to that journal or to fold it into the file.
struct StoredAnnotations: Sendable {
    /// The JSON file's document with the journal applied; nil when nothing is stored.
    var document: AnnotationDocument?
    /// The JSON file's bytes as parsed; nil when there is no file.
    var baseBytes: [UInt8]?
    /// The live journal's bytes and contents; nil when there is none.
    var journalBytes: [UInt8]?
    var journal: AnnotationJournal.Contents?
    /// Whether the live journal was started on this very JSON file. When it was not (the file was
    /// rewritten by a fold that died before it could retire the journal, or replaced by hand or
    /// by another program), the file is newer than the journal and wins ties.
    var journalAttached = false
    /// The JSON file is the one `journal.bak` was started on (it was restored from `.bak`), so
    /// that journal's saves were replayed too.
    var usedBackupJournal = false
    /// Every record replayed, in order.
    var replayed: [AnnotationJournal.Record] = []
    /// Journals with damaged lines: to set aside once their good records are folded in.
    var damagedJournals: [String] = []
    var messages: [String] = []
    /// Set when the JSON file is damaged and could not be moved aside.
    var blocked: StorageError?

    var baseExists: Bool { baseBytes != nil }

    /// Whether the next write must rewrite the JSON file rather than append: the journal is
    /// damaged, not started on this file, or one from before the file's last rewrite was needed.
    var needsFold: Bool {
        !damagedJournals.isEmpty || usedBackupJournal || (journal != nil && (!journalAttached || !baseExists))
    }

    /// Reads the journals of `paths` over the JSON file `read`: the live journal, and
    /// `journal.bak` first when the file is the one it was started on (restored from `.bak`) or
    /// when there is no file at all (nothing else holds those saves).
    init(_ read: GuardedRead<AnnotationDocument>, paths: AnnotationPaths, article: ArticleIdentity) throws(StorageError) {
        document = read.document
        baseBytes = read.document == nil ? nil : read.bytes
        messages = read.messages
        blocked = read.blocked
        guard read.blocked == nil else { return }
        let liveBytes = try FileIO.readIfPresent(paths.journal, limit: GuardedFile.sizeLimit)
        let live = liveBytes.map(AnnotationJournal.parse)
        journalBytes = liveBytes
        journal = live
        if let baseBytes, let base = live?.base, base.describes(baseBytes) {
            journalAttached = true
        } else if let backup = try FileIO.readIfPresent(paths.journalBackup, limit: GuardedFile.sizeLimit) {
            let contents = AnnotationJournal.parse(backup)
            if let baseBytes {
                usedBackupJournal = contents.base?.describes(baseBytes) ?? false
            } else {
                usedBackupJournal = document == nil
            }
            if usedBackupJournal { replay(contents, from: paths.journalBackup, recordsWin: true, article: article) }
        }
        if let live {
            // Saves appended after the file (or with nothing else to go on) win ties; a journal
            // the file was written after loses them, as the file already holds its saves.
            let recordsWin = journalAttached || usedBackupJournal || !baseExists
            replay(live, from: paths.journal, recordsWin: recordsWin, article: article)
        }
    }

    private mutating func replay(
        _ contents: AnnotationJournal.Contents, from path: String, recordsWin: Bool, article: ArticleIdentity
    ) {
        var document = self.document ?? AnnotationDocument(article: article)
        let incoming = contents.records.flatMap(\.annotations)
        if recordsWin {
            document.annotations = AnnotationMerge.merge(document.annotations, with: incoming)
        } else {
            document.annotations = AnnotationMerge.merge(AnnotationMerge.merge([], with: incoming), with: document.annotations)
        }
        for record in contents.records {
            for (id, raw) in record.raw {
                document.rawAnnotations[id] = document.rawAnnotations[id].map { $0.overlaid(with: raw) } ?? raw
            }
            for entry in record.unreadable where !document.unreadable.contains(entry) {
                document.unreadable.append(entry)
            }
        }
        if contents.newestVersion > document.schemaVersion { document.schemaVersion = contents.newestVersion }
        // Damaged lines alone still make a document, so that a fold sets them aside.
        if !contents.records.isEmpty || contents.damaged > 0 || self.document != nil { self.document = document }
        replayed += contents.records
        if contents.damaged > 0 { damagedJournals.append(path) }
    }
}
