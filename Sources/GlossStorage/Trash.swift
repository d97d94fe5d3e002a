import Glibc
import GlossCore

/// An article in the trash: where it lived, where it is kept, and when it was deleted.
public struct TrashedArticle: Sendable, Hashable {
    /// The article's path relative to the articles directory before it was deleted.
    public var originalPath: String
    /// Its path relative to the trash folder (the original path, or that with a suffix when
    /// the same path was deleted before).
    public var trashPath: String
    public var deleted: Timestamp
    public var sizeBytes: Int
}

/// The trash: deleted articles kept under `<data>/trash/` with their relative path, never
/// unlinked by a delete. `<data>/trash/index.json` records each one's original path and when
/// it was deleted; a file the index doesn't know (the index was lost) is still listed, by its
/// own path and modification time.
public struct Trash: Sendable {
    public let articlesDirectory: String
    public let directory: String
    let indexPath: String
    let clock: @Sendable () -> Timestamp

    public init(
        dataDirectory: String, articlesDirectory: String, clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) {
        self.articlesDirectory = articlesDirectory.withoutTrailingSlash
        directory = dataDirectory.withoutTrailingSlash + "/trash"
        indexPath = directory + "/index.json"
        self.clock = clock
    }

    /// Moves the article at `relativePath` (under the articles directory) into the trash.
    @discardableResult
    public func delete(_ relativePath: String) throws(StorageError) -> TrashedArticle {
        let source = articlesDirectory + "/" + relativePath
        guard let info = SystemCall.linkStatus(source) else { throw .notFound(path: source) }
        guard SystemCall.isRegularFile(info) else { throw .notRegularFile(path: source) }
        try SecureDirectory.ensure(directory)
        return try FileLock.withExclusiveLock(directory + "/.lock") { () throws(StorageError) -> TrashedArticle in
            var index = readIndex()
            let trashPath = freeTrashPath(for: relativePath, index: index)
            let target = directory + "/" + trashPath
            try SecureDirectory.ensure(SystemCall.parent(of: target))
            try Self.move(source, to: target)
            let entry = TrashedArticle(
                originalPath: relativePath, trashPath: trashPath, deleted: clock(), sizeBytes: Int(info.st_size))
            index[trashPath] = entry
            try writeIndex(index)
            return entry
        }
    }

    /// Everything in the trash, most recently deleted first.
    public func list() -> [TrashedArticle] {
        let index = readIndex()
        var found: [TrashedArticle] = []
        for path in filesInTrash() {
            let info = SystemCall.status(directory + "/" + path)
            if var entry = index[path] {
                entry.sizeBytes = info.map { Int($0.st_size) } ?? entry.sizeBytes
                found.append(entry)
            } else {
                let modified = info.map {
                    Timestamp(millisecondsSince1970: Int64($0.st_mtim.tv_sec) * 1000 + Int64($0.st_mtim.tv_nsec) / 1_000_000)
                } ?? Timestamp(millisecondsSince1970: 0)
                found.append(TrashedArticle(
                    originalPath: path, trashPath: path, deleted: modified, sizeBytes: info.map { Int($0.st_size) } ?? 0))
            }
        }
        return found.sorted { ($0.deleted, $1.originalPath) > ($1.deleted, $0.originalPath) }
    }

    /// The trashed article whose original path (or trash path) is `path`; the newest when the
    /// same path was deleted more than once.
    public func find(_ path: String) -> TrashedArticle? {
        let trimmed = path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
        let all = list()
        return all.first { $0.originalPath == trimmed } ?? all.first { $0.trashPath == trimmed }
    }

    /// Moves a trashed article back to its old place; refuses when something is there now.
    public func restore(_ article: TrashedArticle) throws(StorageError) {
        let target = articlesDirectory + "/" + article.originalPath
        if SystemCall.exists(target) { throw .io(path: target, operation: "restore", reason: "a file is already there") }
        try FileLock.withExclusiveLock(directory + "/.lock") { () throws(StorageError) in
            let source = directory + "/" + article.trashPath
            try SecureDirectory.ensure(SystemCall.parent(of: target), isPrivate: false)
            try Self.move(source, to: target)
            var index = readIndex()
            index[article.trashPath] = nil
            try writeIndex(index)
        }
    }

    /// Removes `article` from the trash for good.
    public func remove(_ article: TrashedArticle) throws(StorageError) {
        try FileLock.withExclusiveLock(directory + "/.lock") { () throws(StorageError) in
            let path = directory + "/" + article.trashPath
            if unlink(path) != 0 && errno != ENOENT { throw SystemCall.lastError(path: path, operation: "remove") }
            var index = readIndex()
            index[article.trashPath] = nil
            try writeIndex(index)
        }
    }

    /// `relativePath`, or with ` (2)`, ` (3)`… before the extension when that is taken.
    private func freeTrashPath(for relativePath: String, index: [String: TrashedArticle]) -> String {
        func taken(_ candidate: String) -> Bool {
            index[candidate] != nil || SystemCall.exists(directory + "/" + candidate)
        }
        guard taken(relativePath) else { return relativePath }
        let dot = relativePath.lastIndex(of: ".").flatMap { $0 > (relativePath.lastIndex(of: "/") ?? relativePath.startIndex) ? $0 : nil }
        let stem = dot.map { String(relativePath[..<$0]) } ?? relativePath
        let suffix = dot.map { String(relativePath[$0...]) } ?? ""
        var number = 2
        while taken("\(stem) (\(number))\(suffix)") { number += 1 }
        return "\(stem) (\(number))\(suffix)"
    }

    /// Article files under the trash folder, relative to it.
    private func filesInTrash() -> [String] {
        var found: [String] = []
        var pending = [""]
        var visited = 0
        while let folder = pending.popLast(), visited < 100_000 {
            visited += 1
            let absolute = folder.isEmpty ? directory : directory + "/" + folder
            for name in SecureDirectory.entries(of: absolute) where !name.hasPrefix(".") && name != "index.json" {
                let relative = folder.isEmpty ? name : folder + "/" + name
                guard let info = SystemCall.linkStatus(directory + "/" + relative) else { continue }
                if SystemCall.isDirectory(info) {
                    pending.append(relative)
                } else if SystemCall.isRegularFile(info) {
                    found.append(relative)
                }
            }
        }
        return found
    }

    private func readIndex() -> [String: TrashedArticle] {
        guard let bytes = try? FileIO.readIfPresent(indexPath, limit: 64 << 20),
              let entries = (try? JSONParser.parse(bytes))?.objectValue?["articles"]?.objectValue
        else { return [:] }
        var index: [String: TrashedArticle] = [:]
        for (trashPath, value) in entries {
            guard let fields = value.objectValue, let original = fields["original"]?.stringValue,
                  let deleted = fields["deleted"]?.stringValue.flatMap(Timestamp.init(iso8601:))
            else { continue }
            index[trashPath] = TrashedArticle(
                originalPath: original, trashPath: trashPath, deleted: deleted,
                sizeBytes: Int(fields["size"]?.integerValue ?? 0))
        }
        return index
    }

    private func writeIndex(_ index: [String: TrashedArticle]) throws(StorageError) {
        var members = JSONObject()
        for (path, entry) in index {
            members[path] = .object([
                "original": .string(entry.originalPath), "deleted": .string(entry.deleted.description),
                "size": .integer(Int64(entry.sizeBytes)),
            ])
        }
        let document = JSONValue.object(["schemaVersion": .integer(1), "articles": .object(members)])
        try AtomicFile.write(JSONWriter.serialize(document, style: .dataFile), to: indexPath, keepBackup: false)
    }

    /// Renames `source` to `target`; across file systems, copies durably and only then removes
    /// the source, so the article exists in one place or both, never in neither.
    static func move(_ source: String, to target: String) throws(StorageError) {
        if rename(source, target) == 0 {
            try AtomicFile.syncDirectory(SystemCall.parent(of: target))
            return
        }
        guard errno == EXDEV else { throw SystemCall.lastError(path: source, operation: "move") }
        let bytes = try FileIO.read(source, limit: Int.max)
        let mode = SystemCall.status(source).map { $0.st_mode & 0o777 } ?? 0o644
        try AtomicFile.writeDurably(bytes, to: target, mode: mode)
        if unlink(source) != 0 { throw SystemCall.lastError(path: source, operation: "remove the moved file") }
    }
}
