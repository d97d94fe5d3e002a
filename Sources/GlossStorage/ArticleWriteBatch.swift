import Foundation
import Glibc
import GlossCore

/// Articles written together, as one fetch writes a feed's new and changed entries. Each staged
/// article goes at once into a temporary file beside its name (checked and resolved as
/// `ArticleFile.write` does); `commit` then syncs each file, renames it into place, and syncs
/// each folder once, after all its renames. `ArticleFile.write` waits for the disk twice per
/// file (the file, then its folder), one file after the other; a batch syncs four files at a
/// time, whose writes were started when they were staged, and each folder once.
///
/// Until `commit` returns, a staged article is not visible under its name; every one it does
/// not report failed is then on disk exactly as `ArticleFile.write` would have left it. A crash
/// before that leaves only hidden temporary files, which the next writer of the folder removes.
/// At most `openLimit` temporary files are held open: past that the oldest are synced and
/// renamed early (their folder is still synced by `commit`, before anything is reported).
public final class ArticleWriteBatch {
    public struct Failure: Error, Sendable {
        public var relativePath: String
        public var error: StorageError
    }

    static let openLimit = 64

    private let root: String
    private let followingLinks: Bool
    private var open: [(relativePath: String, file: AtomicFile.StagedFile)] = []
    /// Renamed into place (or streamed), with the folder that still needs a sync.
    private var placed: [(relativePath: String, folder: String?)] = []
    private var failures: [Failure] = []
    private var names: Set<String> = []

    public init(articlesDirectory: String, followingLinks: Bool) {
        root = articlesDirectory
        self.followingLinks = followingLinks
    }

    deinit {
        for (_, file) in open { AtomicFile.discard(file) }
    }

    /// Whether `relativePath` was staged since the last commit: a name already taken.
    public func contains(_ relativePath: String) -> Bool { names.contains(relativePath) }

    /// Writes `text` for the article `relativePath` of the articles directory, to appear there
    /// at `commit`. Throws what `ArticleFile.write` would refuse or fail on at once.
    public func stage(_ text: String, relativePath: String) throws(StorageError) {
        let path = try ArticleFile.checkedPath(relativePath, inArticlesDirectory: root, followingLinks: followingLinks)
        guard let (target, mode) = try ExportFile.replacement(for: path) else {
            // A pipe or device under the article's name is written into, as `ArticleFile.write` does.
            try ExportFile.stream(text, to: path)
            names.insert(relativePath)
            placed.append((relativePath, nil))
            return
        }
        let file = try AtomicFile.stage(Array(text.utf8), for: target, mode: mode)
        names.insert(relativePath)
        open.append((relativePath, file))
        if open.count >= Self.openLimit { place() }
    }

    /// Makes every staged article durable and visible; returns those that could not be, with
    /// why (nothing of theirs is left but, when only their folder's sync failed, the file).
    public func commit() -> [Failure] {
        place()
        var folders: [String] = []
        var seen = Set<String>()
        for (_, folder) in placed {
            if let folder, seen.insert(folder).inserted { folders.append(folder) }
        }
        var unsynced: [String: StorageError] = [:]
        for folder in folders {
            do {
                try AtomicFile.syncDirectory(folder)
            } catch {
                unsynced[folder] = error
            }
        }
        var result = failures
        for (relativePath, folder) in placed {
            if let folder, let error = unsynced[folder] { result.append(Failure(relativePath: relativePath, error: error)) }
        }
        open = []
        placed = []
        failures = []
        names = []
        return result
    }

    /// Syncs and renames the files still open, `commitThreads` at a time: a disk answers
    /// several syncs at once about as fast as one.
    private func place() {
        let files = open.map(\.file)
        let results = Results(count: files.count)
        BlockingWorkers.run(min(Self.commitThreads, files.count)) { worker in
            for index in stride(from: worker, to: files.count, by: Self.commitThreads) {
                do throws(StorageError) {
                    try AtomicFile.commit(files[index])
                } catch {
                    results.set(index, error)
                }
            }
        }
        for (index, (relativePath, file)) in open.enumerated() {
            if let error = results.error(at: index) {
                failures.append(Failure(relativePath: relativePath, error: error))
            } else {
                placed.append((relativePath, SystemCall.parent(of: file.path)))
            }
        }
        open = []
    }

    static let commitThreads = 4

    /// What each commit gave, filled in from the committing threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [StorageError?]

        init(count: Int) { errors = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ error: StorageError?) {
            lock.lock()
            errors[index] = error
            lock.unlock()
        }

        func error(at index: Int) -> StorageError? {
            lock.lock()
            defer { lock.unlock() }
            return errors[index]
        }
    }
}
