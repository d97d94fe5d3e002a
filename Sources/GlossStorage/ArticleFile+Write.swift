import Foundation
import GlossCore

extension ArticleFile {
    /// Writes an article atomically (a reader sees the old text or the new, never half), creating
    /// missing folders. Articles are the user's documents: ordinary permissions, like exports,
    /// and a replaced file keeps its mode.
    public static func write(_ text: String, to path: String) throws(StorageError) {
        try ExportFile.write(text, to: path)
    }

    /// Writes the article `relativePath` of the articles directory `root` (as `write(_:to:)`),
    /// under the rule reading follows: unless `followingLinks`, a write that a symbolic link
    /// would lead outside `root` (a linked feed folder or `saved/`, a linked file) is refused.
    /// Temporary files left in the folder by a killed writer are cleaned up first.
    public static func write(
        _ text: String, relativePath: String, inArticlesDirectory root: String, followingLinks: Bool
    ) throws(StorageError) {
        let path = try checkedPath(relativePath, inArticlesDirectory: root, followingLinks: followingLinks)
        try ExportFile.write(text, to: path)
    }

    /// The path of the article `relativePath` of `root`, refused under the rule of
    /// `write(_:relativePath:inArticlesDirectory:followingLinks:)`, its folder cleaned of stale
    /// temporary files on the first visit.
    static func checkedPath(_ relativePath: String, inArticlesDirectory root: String, followingLinks: Bool) throws(StorageError) -> String {
        let path = root.withoutTrailingSlash + "/" + relativePath
        if !followingLinks { try checkInside(path, root: root) }
        let folder = SystemCall.parent(of: path)
        if StaleTemporaryCleanup.shared.isFirstVisit(folder) { AtomicFile.removeStaleTemporaries(in: folder) }
        return path
    }

    /// Refuses `path` when the part of it that exists, links resolved, lies outside `root`.
    private static func checkInside(_ path: String, root: String) throws(StorageError) {
        guard let resolvedRoot = LibraryScanner.realPath(root) else { return }
        var existing = path
        while SystemCall.linkStatus(existing) == nil, existing != root, existing.count > root.count {
            existing = SystemCall.parent(of: existing)
        }
        guard let resolved = LibraryScanner.realPath(existing) else {
            throw .io(path: path, operation: "write", reason: "\(existing) is a broken symbolic link")
        }
        guard resolvedRoot == "/" || resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
            throw .io(path: path, operation: "write", reason: linkOutsideReason(to: resolved))
        }
    }

    /// Whether something exists at `path` (a file name already taken).
    public static func exists(_ path: String) -> Bool {
        SystemCall.exists(path)
    }
}

/// Folders already cleaned of stale temporary files by this process: once is enough.
final class StaleTemporaryCleanup: @unchecked Sendable {
    static let shared = StaleTemporaryCleanup()
    private let lock = NSLock()
    private var visited: Set<String> = []

    func isFirstVisit(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return visited.insert(folder).inserted
    }
}

/// Rewrites a user's config file (`feeds.toml`) atomically, keeping its mode.
public enum ConfigFile {
    public static func write(_ text: String, to path: String) throws(StorageError) {
        try ExportFile.write(text, to: path)
    }
}
