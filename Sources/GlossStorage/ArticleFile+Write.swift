import GlossCore

extension ArticleFile {
    /// Writes an article atomically (a reader sees the old text or the new, never half), creating
    /// missing folders. Articles are the user's documents: ordinary permissions, like exports,
    /// and a replaced file keeps its mode.
    public static func write(_ text: String, to path: String) throws(StorageError) {
        try ExportFile.write(text, to: path)
    }

    /// Whether something exists at `path` (a file name already taken).
    public static func exists(_ path: String) -> Bool {
        SystemCall.exists(path)
    }
}

/// Rewrites a user's config file (`feeds.toml`) atomically, keeping its mode.
public enum ConfigFile {
    public static func write(_ text: String, to path: String) throws(StorageError) {
        try ExportFile.write(text, to: path)
    }
}
