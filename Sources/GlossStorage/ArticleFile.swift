import GlossCore

/// Reads article files from disk, refusing directories, special files and huge files.
public enum ArticleFile {
    /// Larger files are not read: 256 MiB is far beyond any article and keeps memory bounded.
    public static let sizeLimit = 256 << 20

    /// The bytes of the file at `path` (symbolic links are followed).
    public static func read(_ path: String, limit: Int = sizeLimit) throws(StorageError) -> [UInt8] {
        try FileIO.read(path, limit: limit)
    }

    /// The first `count` bytes of the file at `path` (all of it when shorter) and the file's
    /// size: enough to show a large article's first screen before the rest is read.
    public static func readOpening(_ path: String, count: Int) throws(StorageError) -> (bytes: [UInt8], fileSize: Int) {
        let (bytes, size) = try FileIO.readPrefix(path, count: count)
        guard size <= sizeLimit else { throw .tooLarge(path: path, size: size, limit: sizeLimit) }
        return (bytes, size)
    }
}
