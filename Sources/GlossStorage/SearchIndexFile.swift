import Glibc
import GlossCore

/// Where the derived search index lives (`<data>/search-index.sqlite`, with SQLite's `-wal` and
/// `-shm` companions) and the file operations around it: stamps of the files it is built from,
/// and setting a damaged index aside so it is rebuilt, never trusted.
public enum SearchIndexFile {
    public static let fileName = "search-index.sqlite"

    /// The index path, after making sure the data directory exists.
    public static func prepare(dataDirectory: String) throws(StorageError) -> String {
        try SecureDirectory.ensure(dataDirectory)
        return location(dataDirectory: dataDirectory)
    }

    public static func location(dataDirectory: String) -> String {
        dataDirectory.withoutTrailingSlash + "/" + fileName
    }

    /// The size/modification/inode stamp of a file, or nil when it does not exist.
    public static func stamp(of path: String) -> LibraryCache.Stamp? {
        SystemCall.status(path).map(LibraryCache.Stamp.init)
    }

    /// Moves a damaged index (and its journal files) to `<name>.damaged`, replacing an earlier
    /// damaged copy: it is derived data, kept only for a post-mortem. Returns the new path.
    @discardableResult
    public static func setAside(_ path: String) throws(StorageError) -> String {
        let target = path + ".damaged"
        for suffix in ["-wal", "-shm"] where SystemCall.exists(path + suffix) {
            if rename(path + suffix, target + suffix) != 0 {
                throw SystemCall.lastError(path: path + suffix, operation: "move aside")
            }
        }
        if SystemCall.exists(path), rename(path, target) != 0 {
            throw SystemCall.lastError(path: path, operation: "move aside")
        }
        try AtomicFile.syncDirectory(SystemCall.parent(of: path))
        return target
    }
}
