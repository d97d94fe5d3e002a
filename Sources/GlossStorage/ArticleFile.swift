import GlossCore

/// Reads article files from disk, refusing directories, special files and huge files.
public enum ArticleFile {
    /// Larger files are not read: 256 MiB is far beyond any article and keeps memory bounded.
    public static let sizeLimit = 256 << 20

    /// The bytes of the file at `path` (symbolic links are followed).
    public static func read(_ path: String, limit: Int = sizeLimit) throws(StorageError) -> [UInt8] {
        try FileIO.read(path, limit: limit)
    }

    /// The bytes of the file at `path`, which must lie inside `directory` once every symbolic
    /// link is resolved: a link leading elsewhere is refused. The resolved path is what is read.
    public static func read(_ path: String, insideDirectory directory: String, limit: Int = sizeLimit) throws(StorageError) -> [UInt8] {
        try FileIO.read(try resolve(path, insideDirectory: directory), limit: limit)
    }

    /// The first `count` bytes of the file at `path` (all of it when shorter) and the file's
    /// size: enough to show a large article's first screen before the rest is read. A file no
    /// larger than `minimumSize` is not read at all (no bytes), as it will be read whole. With
    /// `directory`, the file must lie inside it, as for `read(_:insideDirectory:)`.
    public static func readOpening(
        _ path: String, count: Int, minimumSize: Int = 0, insideDirectory directory: String? = nil
    ) throws(StorageError) -> (bytes: [UInt8], fileSize: Int) {
        let checked = try directory.map { (directory) throws(StorageError) in try resolve(path, insideDirectory: directory) }
        let (bytes, size) = try FileIO.readPrefix(checked ?? path, count: count, minimumSize: minimumSize)
        guard size <= sizeLimit else { throw .tooLarge(path: path, size: size, limit: sizeLimit) }
        return (bytes, size)
    }

    /// `path` with every symbolic link resolved, when that lies inside `directory`.
    static func resolve(_ path: String, insideDirectory directory: String) throws(StorageError) -> String {
        guard let root = LibraryScanner.realPath(directory) else { throw SystemCall.lastError(path: directory, operation: "open") }
        guard let resolved = LibraryScanner.realPath(path) else { throw SystemCall.lastError(path: path, operation: "open") }
        guard root == "/" || resolved == root || resolved.hasPrefix(root + "/") else {
            throw .io(path: path, operation: "open", reason: linkOutsideReason(to: resolved))
        }
        return resolved
    }

    /// Why a path is refused, reading or writing, when a link takes it outside the articles directory.
    static func linkOutsideReason(to resolved: String) -> String {
        "a symbolic link leads outside the articles directory (to \(resolved)); "
            + "set follow-symlinks = true under [library] in the config to allow it"
    }
}
