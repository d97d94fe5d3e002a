import Glibc
import GlossCore

/// Writes exported notes where the user asked: atomically, so a reader of the file (Obsidian,
/// git, a sync tool) sees either the old export or the new one, never half of it.
///
/// Unlike annotation files, exports are meant to be shared: missing directories are created
/// with the usual permissions (0777 less the umask), a new file gets 0666 less the umask, and a
/// file being replaced keeps its mode.
public enum ExportFile {
    /// What an export path names, which decides how it is written.
    public enum Target: Equatable, Sendable {
        /// Nothing yet, or a regular file: written atomically (a new file, or a replacement).
        case file
        case directory
        /// A FIFO, a character device or `/dev/stdout`: written into as it is, never replaced.
        case stream
        /// Something an export must not touch (a block device, a socket), with why.
        case refused(String)
    }

    /// What `path` is, following links.
    public static func target(of path: String) -> Target {
        guard let info = SystemCall.status(path.withoutTrailingSlash) else { return .file }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // A link into /proc (`/dev/stdout` when stdout is a file) names an open file: write
            // into it, as renaming over the link would replace the link, not fill the file.
            return leadsThroughProc(path) ? .stream : .file
        case S_IFDIR: return .directory
        case S_IFIFO, S_IFCHR: return .stream
        case S_IFBLK: return .refused("\(path) is a block device; an export is written to a file, a directory, a pipe or a terminal")
        default: return .refused("\(path) is not a file, a directory, a pipe or a terminal")
        }
    }

    /// Whether `path`, or a link on the way to its file, is under `/proc` or `/dev/fd`: a
    /// descriptor of this process (`/dev/stdout` is a link to `/proc/self/fd/1`).
    static func leadsThroughProc(_ path: String) -> Bool {
        var current = path
        for _ in 0..<40 {
            if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") { return true }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return false }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : SystemCall.parent(of: current) + "/" + target
        }
        return false
    }

    public static func write(_ text: String, to path: String) throws(StorageError) {
        let path = path.withoutTrailingSlash
        guard let (target, mode) = try replacement(for: path) else { return try stream(text, to: path) }
        try AtomicFile.write(Array(text.utf8), to: target, keepBackup: false, mode: mode)
    }

    /// The file an atomic write of `path` replaces and the mode it gets, its folder created;
    /// nil when `path` is a stream, to be written into as it is.
    static func replacement(for path: String) throws(StorageError) -> (target: String, mode: mode_t?)? {
        switch target(of: path) {
        case .stream: return nil
        case .refused: throw .notRegularFile(path: path)
        case .directory: throw .isDirectory(path: path)
        case .file: break
        }
        let directory = SystemCall.parent(of: path)
        try SecureDirectory.ensure(directory, isPrivate: false)
        let existing = SystemCall.status(path)
        // A replaced export keeps its mode; a new one gets what the umask allows.
        let mode = existing.map { $0.st_mode & 0o7777 }
        // Through a link, the file it leads to is replaced, and the link stays.
        let target = existing != nil && SystemCall.linkStatus(path).map(SystemCall.isSymbolicLink) == true
            ? LibraryScanner.realPath(path) ?? path : path
        return (target, mode)
    }

    /// Writes `text` into a pipe, a character device or an open file as it is: it is opened
    /// without creating or replacing anything, and every byte is checked.
    public static func stream(_ text: String, to path: String) throws(StorageError) {
        let fd = SystemCall.retrying { open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_APPEND) }
        guard fd >= 0 else { throw SystemCall.lastError(path: path, operation: "open") }
        do throws(StorageError) {
            try FileIO.writeAll(Array(text.utf8), to: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 || errno == EINTR else { throw SystemCall.lastError(path: path, operation: "close") }
    }
}
