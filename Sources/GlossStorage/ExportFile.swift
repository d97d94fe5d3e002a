import Glibc
import GlossCore

/// Writes exported notes where the user asked: atomically, so a reader of the file (Obsidian,
/// git, a sync tool) sees either the old export or the new one, never half of it.
///
/// Unlike annotation files, exports are meant to be shared: missing directories are created
/// with the usual permissions (0777 less the umask), a new file gets 0666 less the umask, and a
/// file being replaced keeps its mode.
public enum ExportFile {
    public static func write(_ text: String, to path: String) throws(StorageError) {
        let path = path.withoutTrailingSlash
        let directory = SystemCall.parent(of: path)
        try SecureDirectory.ensure(directory, isPrivate: false)
        let existing = SystemCall.status(path)
        if let existing, SystemCall.isDirectory(existing) { throw .isDirectory(path: path) }
        // A replaced export keeps its mode; a new one gets what the umask allows.
        let mode = existing.map { $0.st_mode & 0o7777 }
        try AtomicFile.write(Array(text.utf8), to: path, keepBackup: false, mode: mode)
    }
}
