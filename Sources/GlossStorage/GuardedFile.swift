import Glibc
import GlossCore

/// Why a file's bytes could not be turned into a document.
struct DocumentProblem: Error {
    var reason: String

    /// The top-level object of a versioned JSON document and its `schemaVersion`, or why the
    /// bytes are not one. Every stored document starts by checking this.
    static func versionedObject(_ bytes: [UInt8]) throws(DocumentProblem) -> (object: JSONObject, version: Int64) {
        let raw: JSONValue
        do {
            raw = try JSONValue.parse(bytes)
        } catch {
            throw DocumentProblem(reason: "not valid JSON: \(error)")
        }
        guard let top = raw.objectValue else { throw DocumentProblem(reason: "not a JSON object") }
        guard let version = top["schemaVersion"]?.integerValue else {
            throw DocumentProblem(reason: "no schemaVersion")
        }
        return (top, version)
    }
}

/// The outcome of reading a guarded file.
struct GuardedRead<Document> {
    /// The parsed document; nil when there is no file (or nothing could be recovered).
    var document: Document?
    /// What happened that the user should know, e.g. a damaged file set aside.
    var messages: [String] = []
    /// Set when the file is damaged but could not be moved aside: writes must be refused.
    var blocked: StorageError?
    /// Whether the file exists on disk now (so a write should keep a backup of it).
    var exists: Bool
    /// The bytes `document` was parsed from (the restored backup's after a recovery).
    var bytes: [UInt8]?
}

/// A JSON file that is never overwritten when damaged: a file that fails to parse is moved to
/// `NAME.corrupt-<time>`, and `NAME.bak` (the previous good version) takes its place if it parses.
struct GuardedFile {
    /// Data files larger than this are not read (a sane annotation file is far smaller).
    static let sizeLimit = 256 << 20

    let path: String
    let clock: @Sendable () -> Timestamp

    var backupPath: String { path + ".bak" }
    var lockPath: String { path + ".lock" }

    /// Reads and parses the file without locking; on damage, takes the lock to recover.
    func read<Document>(
        _ parse: ([UInt8]) throws(DocumentProblem) -> Document
    ) throws(StorageError) -> GuardedRead<Document> {
        guard let bytes = try FileIO.readIfPresent(path, limit: Self.sizeLimit) else {
            return GuardedRead(exists: false)
        }
        if let document = try? parse(bytes) {
            return GuardedRead(document: document, exists: true, bytes: bytes)
        }
        var recovered: Result<GuardedRead<Document>, StorageError>?
        do {
            try FileLock.withExclusiveLock(lockPath) { () throws(StorageError) in
                recovered = Result { () throws(StorageError) in try readHoldingLock(parse) }
            }
        } catch {
            if recovered == nil {
                let read: GuardedRead<Document> = blocked(reason: problem(in: bytes, parse), because: error)
                for message in read.messages { SetAsideLog.record(message) }
                return read
            }
        }
        guard let recovered else { return GuardedRead(exists: true) }
        return try recovered.get()
    }

    /// Reads and parses the file; the caller holds the lock, so damage is dealt with here.
    func readHoldingLock<Document>(
        _ parse: ([UInt8]) throws(DocumentProblem) -> Document
    ) throws(StorageError) -> GuardedRead<Document> {
        let read = try readRecovering(parse)
        // Anything said here means data was set aside (or could not be): never only in a
        // return value a caller might drop.
        for message in read.messages { SetAsideLog.record(message) }
        return read
    }

    private func readRecovering<Document>(
        _ parse: ([UInt8]) throws(DocumentProblem) -> Document
    ) throws(StorageError) -> GuardedRead<Document> {
        guard let bytes = try FileIO.readIfPresent(path, limit: Self.sizeLimit) else {
            return GuardedRead(exists: false)
        }
        let reason: String
        do {
            return GuardedRead(document: try parse(bytes), exists: true, bytes: bytes)
        } catch {
            reason = error.reason
        }
        let quarantined: String
        do {
            quarantined = try quarantine(path)
        } catch {
            return blocked(reason: reason, because: error)
        }
        var messages = ["\(path) could not be read (\(reason)); it was moved to \(quarantined)."]
        let backup: [UInt8]?
        do {
            backup = try FileIO.readIfPresent(backupPath, limit: Self.sizeLimit)
        } catch {
            messages.append("The backup \(backupPath) could not be read either (\(error)); starting empty.")
            return GuardedRead(messages: messages, exists: false)
        }
        guard let backup else {
            messages.append("There was no backup to restore; starting empty.")
            return GuardedRead(messages: messages, exists: false)
        }
        do {
            let document = try parse(backup)
            do {
                try AtomicFile.write(backup, to: path, keepBackup: false)
                messages.append("The previous version was restored from the backup \(backupPath).")
                return GuardedRead(document: document, messages: messages, exists: true, bytes: backup)
            } catch {
                messages.append("The backup \(backupPath) was read but could not be restored (\(error)).")
                return GuardedRead(document: document, messages: messages, exists: false)
            }
        } catch {
            if let moved = try? quarantine(backupPath) {
                messages.append("The backup was damaged too (\(error.reason)); it was moved to \(moved). Starting empty.")
            } else {
                messages.append("The backup \(backupPath) is damaged too (\(error.reason)). Starting empty.")
            }
            return GuardedRead(messages: messages, exists: false)
        }
    }

    /// Atomically replaces the file, keeping the current version as `.bak` when `keepBackup`.
    func write(_ bytes: [UInt8], keepBackup: Bool) throws(StorageError) {
        try AtomicFile.write(bytes, to: path, keepBackup: keepBackup)
    }

    /// Moves `file` to a fresh `file.corrupt-<time>` name without ever replacing another file.
    func quarantine(_ file: String) throws(StorageError) -> String {
        let stamp = clock().compactDescription
        for attempt in 0..<1000 {
            let target = file + ".corrupt-" + stamp + (attempt == 0 ? "" : "-\(attempt)")
            if link(file, target) == 0 {
                unlink(file)
                try AtomicFile.syncDirectory(SystemCall.parent(of: file))
                return target
            }
            if errno == EEXIST { continue }
            // No hard links here: rename, having checked that the name is free (we hold the lock).
            if SystemCall.exists(target) { continue }
            guard rename(file, target) == 0 else { throw SystemCall.lastError(path: file, operation: "move aside") }
            try AtomicFile.syncDirectory(SystemCall.parent(of: file))
            return target
        }
        throw .io(path: file, operation: "move aside", reason: "too many quarantined copies")
    }

    private func problem<Document>(
        in bytes: [UInt8], _ parse: ([UInt8]) throws(DocumentProblem) -> Document
    ) -> String {
        do {
            _ = try parse(bytes)
            return "unknown problem"
        } catch {
            return error.reason
        }
    }

    private func blocked<Document>(reason: String, because error: StorageError) -> GuardedRead<Document> {
        return GuardedRead(
            messages: [
                "\(path) could not be read (\(reason)) and could not be moved aside (\(error)). "
                    + "It was left as it is; changes will not be saved until it is repaired or removed."
            ],
            blocked: .corrupt(path: path, reason: reason, quarantinedAt: nil),
            exists: true)
    }
}
