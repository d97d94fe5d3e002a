import Glibc
import GlossCore

/// What scanning each article found, kept in `<data>/library-cache.json` so the library opens
/// without reading articles that did not change. An entry is used only while the file's size,
/// modification and status-change times (in nanoseconds) and inode are exactly as recorded;
/// anything else reads the article again. The cache holds nothing that can't be rebuilt, so a
/// damaged cache is simply ignored and replaced.
public final class LibraryCache {
    // 2: entries carry their tags. 3: titles come from an opening heading only, and tables and
    // hard-wrapped text give different blocks, so titles and word counts are read again.
    // 4: entries carry a hash of the file's bytes (marks follow renamed articles).
    // 5: one array per article instead of an object: a third of a warm start of 20,000
    // articles went to building and reading 20,000 JSON objects.
    static let schemaVersion: Int64 = 5
    /// The columns of an article's row, in order (docs/STORAGE.md).
    static let columns = [
        "path", "size", "mtime", "ctime", "inode", "hash", "title", "words", "minutes", "author", "source", "date",
        "problem", "tags",
    ]

    public let path: String
    private var entries: [String: Record] = [:]
    private var seen: Set<String> = []
    private var changed = false

    /// The identity of a file's contents as `stat` reports it.
    public struct Stamp: Hashable, Sendable {
        public var size: Int64
        public var modified: Int64
        public var changed: Int64
        public var inode: Int64

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = Int64(bitPattern: UInt64(info.st_ino))
        }

        init(size: Int64, modified: Int64, changed: Int64, inode: Int64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
        }
    }

    struct Record {
        var stamp: Stamp
        var entry: LibraryEntry
    }

    /// The cache in `dataDirectory`, loaded now; a missing or unreadable file gives an empty cache.
    public init(dataDirectory: String) {
        path = dataDirectory.withoutTrailingSlash + "/library-cache.json"
        load()
    }

    /// The cached entry of `relativePath` if the file is still exactly as it was.
    func entry(relativePath: String, absolutePath: String, stamp: Stamp) -> LibraryEntry? {
        seen.insert(relativePath)
        guard let record = entries[relativePath], record.stamp == stamp else { return nil }
        var entry = record.entry
        entry.absolutePath = absolutePath
        return entry
    }

    func remember(_ entry: LibraryEntry, stamp: Stamp) {
        seen.insert(entry.relativePath)
        entries[entry.relativePath] = Record(stamp: stamp, entry: entry)
        changed = true
    }

    /// Writes the cache if anything changed, forgetting articles the last scan did not see.
    /// Failing to write it only costs speed next time, so the error is for logging at most.
    public func save() throws(StorageError) {
        let gone = Set(entries.keys).subtracting(seen)
        guard changed || !gone.isEmpty else { return }
        for key in gone { entries[key] = nil }
        var rows: [JSONValue] = []
        rows.reserveCapacity(entries.count)
        // Sorted, so the same library always writes the same bytes.
        for key in entries.keys.sorted() {
            guard let record = entries[key] else { continue }
            let entry = record.entry
            func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
            rows.append(.array([
                .string(key), .integer(record.stamp.size), .integer(record.stamp.modified),
                .integer(record.stamp.changed), .integer(record.stamp.inode), optional(entry.contentHash),
                .string(entry.title), .integer(Int64(entry.wordCount)), .integer(Int64(entry.minutes)),
                optional(entry.author), optional(entry.source), optional(entry.date), optional(entry.problem),
                .array(entry.tags.map(JSONValue.string)),
            ]))
        }
        let document = JSONValue.object([
            "schemaVersion": .integer(Self.schemaVersion), "columns": .array(Self.columns.map(JSONValue.string)),
            "articles": .array(rows),
        ])
        try SecureDirectory.ensure(SystemCall.parent(of: path))
        try AtomicFile.write(document.serialized(), to: path, keepBackup: false)
        changed = false
    }

    private func load() {
        guard let bytes = try? FileIO.readIfPresent(path, limit: 256 << 20),
              let records = (try? Self.records(in: bytes)) ?? nil
        else { return }
        entries = records
    }
}
