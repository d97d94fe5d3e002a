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
    static let schemaVersion: Int64 = 4

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
        var members: JSONObject = [:]
        for (key, record) in entries {
            let entry = record.entry
            var fields: JSONObject = [
                "size": .integer(record.stamp.size), "mtime": .integer(record.stamp.modified),
                "ctime": .integer(record.stamp.changed), "inode": .integer(record.stamp.inode),
                "title": .string(entry.title), "words": .integer(Int64(entry.wordCount)),
                "minutes": .integer(Int64(entry.minutes)),
            ]
            if let author = entry.author { fields["author"] = .string(author) }
            if let source = entry.source { fields["source"] = .string(source) }
            if let date = entry.date { fields["date"] = .string(date) }
            if let problem = entry.problem { fields["problem"] = .string(problem) }
            if !entry.tags.isEmpty { fields["tags"] = .array(entry.tags.map(JSONValue.string)) }
            if let hash = entry.contentHash { fields["hash"] = .string(hash) }
            members[key] = .object(fields)
        }
        let document = JSONValue.object(["schemaVersion": .integer(Self.schemaVersion), "articles": .object(members)])
        try SecureDirectory.ensure(SystemCall.parent(of: path))
        try AtomicFile.write(document.serialized(), to: path, keepBackup: false)
        changed = false
    }

    private func load() {
        guard let bytes = try? FileIO.readIfPresent(path, limit: 256 << 20),
              let top = (try? JSONParser.parse(bytes))?.objectValue,
              top["schemaVersion"]?.integerValue == Self.schemaVersion,
              let articles = top["articles"]?.objectValue
        else { return }
        for (key, value) in articles {
            guard let fields = value.objectValue,
                  let size = fields["size"]?.integerValue, let modified = fields["mtime"]?.integerValue,
                  let changed = fields["ctime"]?.integerValue, let inode = fields["inode"]?.integerValue,
                  let title = fields["title"]?.stringValue
            else { continue }
            var entry = LibraryEntry(relativePath: key, absolutePath: "", title: title)
            entry.author = fields["author"]?.stringValue
            entry.source = fields["source"]?.stringValue
            entry.date = fields["date"]?.stringValue
            entry.wordCount = Int(fields["words"]?.integerValue ?? 0)
            entry.minutes = Int(fields["minutes"]?.integerValue ?? 0)
            entry.problem = fields["problem"]?.stringValue
            entry.tags = fields["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            entry.contentHash = fields["hash"]?.stringValue
            entry.sizeBytes = Int(size)
            entry.modified = Timestamp(millisecondsSince1970: modified / 1_000_000)
            let stamp = Stamp(size: size, modified: modified, changed: changed, inode: inode)
            entries[key] = Record(stamp: stamp, entry: entry)
        }
    }
}
