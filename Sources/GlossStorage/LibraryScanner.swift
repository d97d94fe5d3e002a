import Glibc
import GlossCore

/// Lists the articles under the articles directory: every `.txt`, `.md` and `.markdown` file,
/// recursively, skipping hidden names. Symbolic links are followed only while they stay inside
/// the articles directory (unless `followsLinksOutside`), and each directory is visited once,
/// so link loops end.
public struct LibraryScanner: Sendable {
    public static let articleExtensions: Set<String> = ["txt", "md", "markdown"]

    public var articlesDirectory: String
    /// Whether links leading outside the articles directory are followed (`[library] follow-symlinks`).
    public var followsLinksOutside: Bool

    public init(articlesDirectory: String, followsLinksOutside: Bool = false) {
        self.articlesDirectory = articlesDirectory
        self.followsLinksOutside = followsLinksOutside
    }

    /// Whether a file name has an article extension.
    public static func isArticleName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return articleExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Every article, read and summarized, sorted by title (then path). Files that cannot be
    /// read are listed with a `problem`. Throws only when the articles directory itself is unusable.
    /// With a `cache`, articles that did not change since the last scan are not read again.
    /// `progress` hears how many articles were handled, of how many, every `progressStep`.
    public func scan(
        cache: LibraryCache? = nil, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(StorageError) -> [LibraryEntry] {
        let found = try articleFiles()
        var entries: [LibraryEntry] = []
        entries.reserveCapacity(found.count)
        for file in found {
            entries.append(entry(for: file, cache: cache))
            if entries.count % Self.progressStep == 0 { progress(entries.count, found.count) }
        }
        // Each title is lowered once, not once per comparison, and indices are sorted, so each
        // entry is copied once, not at every merge step: at 20,000 articles the sort of the
        // entries themselves was a quarter of a warm start.
        let keys = entries.map { $0.title.lowercased() }
        let order = entries.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : entries[a].relativePath < entries[b].relativePath
        }
        return order.map { entries[$0] }
    }

    /// How many articles a scan handles between two `progress` calls.
    public static let progressStep = 250

    /// The entry of one found file: from the cache while the file is unchanged, else read.
    private func entry(for file: FoundFile, cache: LibraryCache?) -> LibraryEntry {
        if let problem = file.problem {
            return LibraryEntry(
                relativePath: file.relativePath, absolutePath: file.absolutePath,
                title: Self.stem(of: file.relativePath), problem: problem)
        }
        // The walk's `lstat` of a regular file is its `stat`: no second system call for it.
        guard let cache, let stamp = file.stamp ?? SystemCall.status(file.absolutePath).map(LibraryCache.Stamp.init)
        else {
            return entry(relativePath: file.relativePath, absolutePath: file.absolutePath)
        }
        if let cached = cache.entry(relativePath: file.relativePath, absolutePath: file.absolutePath, stamp: stamp) {
            return cached
        }
        let fresh = entry(relativePath: file.relativePath, absolutePath: file.absolutePath)
        // A file that changed while it was read is not cached: its stamp would not match it.
        if let after = SystemCall.status(file.absolutePath), LibraryCache.Stamp(after) == stamp {
            cache.remember(fresh, stamp: stamp)
        }
        return fresh
    }

    /// Reads one article file and summarizes it; a failure becomes the entry's `problem`.
    public func entry(relativePath: String, absolutePath: String) -> LibraryEntry {
        var entry = LibraryEntry(
            relativePath: relativePath, absolutePath: absolutePath, title: Self.stem(of: relativePath))
        if let info = SystemCall.status(absolutePath) {
            entry.sizeBytes = Int(info.st_size)
            entry.modified = Timestamp(
                millisecondsSince1970: Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000)
        }
        let bytes: [UInt8]
        do {
            bytes = try ArticleFile.read(absolutePath)
        } catch {
            entry.problem = Self.reason(error)
            return entry
        }
        entry.contentHash = LibraryEntry.contentHash(of: bytes)
        let article: Article
        do {
            article = try ArticleLoader.load(bytes: bytes, fileName: SystemCall.lastComponent(of: relativePath))
        } catch {
            entry.problem = error.description
            return entry
        }
        let title = article.metadata.title.trimmingCharacters(in: " \t")
        if !title.isEmpty { entry.title = title }
        entry.author = article.metadata.author
        entry.source = article.metadata.source
        entry.date = article.metadata.date
        entry.tags = article.metadata.tags
        entry.wordCount = article.wordCount
        entry.minutes = WordCounter.minutes(forWords: entry.wordCount)
        if article.isEmpty { entry.problem = "empty article" }
        return entry
    }

    /// A found article file, or a name that looks like one but cannot be read.
    public struct FoundFile: Sendable, Hashable {
        public var relativePath: String
        public var absolutePath: String
        public var problem: String?
        /// What `lstat` said of a regular file found directly (not through a link), so the
        /// scan need not ask again; nil otherwise.
        var stamp: LibraryCache.Stamp?

        init(relativePath: String, absolutePath: String, problem: String? = nil, stamp: LibraryCache.Stamp? = nil) {
            self.relativePath = relativePath
            self.absolutePath = absolutePath
            self.problem = problem
            self.stamp = stamp
        }
    }

    /// The article files under the directory, in path order, without reading them.
    public func articleFiles() throws(StorageError) -> [FoundFile] {
        guard let root = Self.realPath(articlesDirectory) else {
            throw SystemCall.lastError(path: articlesDirectory, operation: "open")
        }
        guard let rootInfo = SystemCall.status(root) else { throw SystemCall.lastError(path: root, operation: "open") }
        guard SystemCall.isDirectory(rootInfo) else { throw .notADirectory(path: articlesDirectory) }
        var walk = DirectoryWalk(root: root, base: articlesDirectory, followsLinksOutside: followsLinksOutside)
        walk.walk(directory: articlesDirectory, info: rootInfo)
        // Sorting indices moves no file record (the sort copies what it sorts).
        let found = walk.found
        return found.indices.sorted { found[$0].relativePath < found[$1].relativePath }.map { found[$0] }
    }

    static func stem(of relativePath: String) -> String {
        let name = SystemCall.lastComponent(of: relativePath)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A short reason for the library list.
    static func reason(_ error: StorageError) -> String {
        switch error {
        case .permissionDenied: return "permission denied"
        case .notFound: return "file vanished"
        case .isDirectory: return "a directory"
        case .notRegularFile: return "not a regular file"
        case .symlinkLoop: return "symbolic link loop"
        case .tooLarge(_, let size, let limit): return "too large (\(size >> 20) MiB; limit \(limit >> 20) MiB)"
        default: return error.description
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
