/// Why storage could not read or write a file. Every case names the path concerned, and
/// `description` is a sentence fit for the status line.
public enum StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    case permissionDenied(path: String)
    case readOnlyFileSystem(path: String)
    /// The disk (or the user's quota) is full.
    case noSpace(path: String)
    /// The process's file size limit was reached while writing.
    case fileSizeLimit(path: String)
    /// The file is larger than gloss is willing to read.
    case tooLarge(path: String, size: Int, limit: Int)
    /// The file was written by a newer gloss; it can be read but not written.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file could not be parsed; it was moved to `quarantinedAt` when that is set.
    case corrupt(path: String, reason: String, quarantinedAt: String?)
    case notFound(path: String)
    case isDirectory(path: String)
    case notRegularFile(path: String)
    case notADirectory(path: String)
    case symlinkLoop(path: String)
    /// Any other system error; `reason` is the system's message.
    case io(path: String, operation: String, reason: String)

    /// The file or directory the error is about.
    public var path: String {
        switch self {
        case .permissionDenied(let path), .readOnlyFileSystem(let path), .noSpace(let path),
             .fileSizeLimit(let path), .tooLarge(let path, _, _), .newerSchema(let path, _, _),
             .corrupt(let path, _, _), .notFound(let path), .isDirectory(let path),
             .notRegularFile(let path), .notADirectory(let path), .symlinkLoop(let path),
             .io(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .permissionDenied(let path):
            return "Permission denied: \(path)"
        case .readOnlyFileSystem(let path):
            return "Cannot write \(path): the file system is read-only"
        case .noSpace(let path):
            return "Cannot write \(path): no space left on the disk; nothing was changed"
        case .fileSizeLimit(let path):
            return "Cannot write \(path): the file size limit was reached; nothing was changed"
        case .tooLarge(let path, let size, let limit):
            return "\(path) is too large to read (\(size) bytes; the limit is \(limit))"
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer version of gloss (format \(found); this version "
                + "understands up to \(supported)); it is read-only here"
        case .corrupt(let path, let reason, let quarantinedAt):
            if let quarantinedAt {
                return "\(path) could not be read (\(reason)); it was moved to \(quarantinedAt)"
            }
            return "\(path) could not be read (\(reason))"
        case .notFound(let path):
            return "No such file: \(path)"
        case .isDirectory(let path):
            return "\(path) is a directory, not a file"
        case .notRegularFile(let path):
            return "\(path) is not a regular file"
        case .notADirectory(let path):
            return "Cannot use \(path): a part of the path is a file, not a directory"
        case .symlinkLoop(let path):
            return "\(path) is a symbolic link loop"
        case .io(let path, let operation, let reason):
            return "Cannot \(operation) \(path): \(reason)"
        }
    }
}
