import GlossCore

/// Reads article files from disk, refusing directories, special files and huge files.
public enum ArticleFile {
    /// Larger files are not read: 256 MiB is far beyond any article and keeps memory bounded.
    public static let sizeLimit = 256 << 20

    /// The bytes of the file at `path` (symbolic links are followed).
    public static func read(_ path: String, limit: Int = sizeLimit) throws(StorageError) -> [UInt8] {
        try FileIO.read(path, limit: limit)
    }
}
