import Glibc
import GlossCore

/// The journal beside an annotation file (`NAME.json.journal`): the saves made since the JSON
/// file was last rewritten, one line each, so that a save into a large file costs one small
/// fsynced append instead of a rewrite. See docs/STORAGE.md, "Journal".
///
/// Every line is `<crc> <json>`: the CRC-32 of the JSON text in 8 hex digits, a space, one JSON
/// object on one line, a newline. The first line names the JSON file the journal applies to
/// (`{"base":{"crc32":…,"size":…},"schemaVersion":1}`); every later line holds one save
/// (`{"annotations":[…],"schemaVersion":1}`, tombstones for deletions).
enum AnnotationJournal {
    static let schemaVersion = 1

    /// The JSON file a journal was started on, by size and checksum.
    struct Base: Equatable, Sendable {
        var size: Int
        var crc32: String

        init(size: Int, crc32: String) {
            self.size = size
            self.crc32 = crc32
        }

        init(of bytes: [UInt8]) {
            self.init(size: bytes.count, crc32: CRC32.hex(bytes))
        }

        /// Whether `bytes` are the file this describes (the checksum is computed only when the size agrees).
        func describes(_ bytes: [UInt8]) -> Bool {
            size == bytes.count && crc32 == CRC32.hex(bytes)
        }
    }

    /// One save as read back.
    struct Record: Sendable {
        var annotations: [Annotation]
        /// The entries as written, by id, so that fields of a newer version survive.
        var raw: [String: JSONValue]
        /// Entries this version could not read; kept like those of the JSON file.
        var unreadable: [JSONValue]
    }

    /// A journal file as read.
    struct Contents: Sendable {
        /// The file the journal applies to; nil when the first line is missing or damaged.
        var base: Base?
        var records: [Record] = []
        /// Whole lines (ending in a newline) that failed their checksum or did not parse.
        var damaged = 0
        /// The highest `schemaVersion` met.
        var newestVersion = 0
        /// Bytes up to the end of the last whole line; anything after it is a torn append (a
        /// writer died mid-write, or is writing now): it was never acknowledged, so it is ignored.
        var validLength = 0
        /// Whether those bytes end with a newline (a valid last record may have lost it by hand).
        var endsWithNewline = true
        var size = 0
    }

    // MARK: - Writing

    /// One line: checksum, space, the value on one line, newline.
    static func line(_ value: JSONValue) -> [UInt8] {
        var json = JSONWriter.serialize(value, style: .dataLine)
        json.removeLast()
        return Array(CRC32.hex(json).utf8) + [UInt8(ascii: " ")] + json + [0x0A]
    }

    static func header(for base: Base) -> [UInt8] {
        line(.object([
            "base": .object(["size": .integer(Int64(base.size)), "crc32": .string(base.crc32)]),
            "schemaVersion": .integer(Int64(schemaVersion)),
        ]))
    }

    static func record(_ annotations: [Annotation]) -> [UInt8] {
        line(.object([
            "annotations": .array(annotations.map(AnnotationJSON.value(of:))),
            "schemaVersion": .integer(Int64(schemaVersion)),
        ]))
    }

    /// A whole journal: `base`'s header, then `records` as they were read.
    static func file(base: Base, records: [Record]) -> [UInt8] {
        var bytes = header(for: base)
        for record in records {
            let entries = record.annotations.map { annotation -> JSONValue in
                let value = AnnotationJSON.value(of: annotation)
                return record.raw[annotation.id].map { $0.overlaid(with: value) } ?? value
            } + record.unreadable
            bytes += line(.object(["annotations": .array(entries), "schemaVersion": .integer(Int64(schemaVersion))]))
        }
        return bytes
    }

    // MARK: - Reading

    static func parse(_ bytes: [UInt8]) -> Contents {
        var contents = Contents(size: bytes.count)
        var start = 0
        var isFirst = true
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A)
            let lineBytes = bytes[start..<(end ?? bytes.count)]
            let object = lineBytes.isEmpty ? nil : decodeLine(lineBytes)
            if end == nil, object == nil {
                break  // a torn append: never acknowledged
            }
            if !lineBytes.isEmpty {
                if let object {
                    if let version = object["schemaVersion"]?.integerValue {
                        contents.newestVersion = max(contents.newestVersion, Int(version))
                    }
                    if isFirst, let base = object["base"].flatMap(base(from:)) {
                        contents.base = base
                    } else if let entries = object["annotations"]?.arrayValue {
                        contents.records.append(record(from: entries))
                    } else {
                        contents.damaged += 1
                    }
                } else {
                    contents.damaged += 1
                }
                isFirst = false
            }
            contents.validLength = end.map { $0 + 1 } ?? bytes.count
            contents.endsWithNewline = end != nil
            start = contents.validLength
        }
        return contents
    }

    /// The object on one line, or nil when the line is damaged (bad checksum, not JSON).
    private static func decodeLine(_ line: ArraySlice<UInt8>) -> JSONObject? {
        guard line.count > 9, line[line.startIndex + 8] == UInt8(ascii: " ") else { return nil }
        let checksum = String(decoding: line.prefix(8), as: UTF8.self)
        let json = line.dropFirst(9)
        guard CRC32.hex(json) == checksum, let value = try? JSONValue.parse(Array(json)) else { return nil }
        return value.objectValue
    }

    private static func base(from value: JSONValue) -> Base? {
        guard let fields = value.objectValue, let size = fields["size"]?.integerValue,
              let crc = fields["crc32"]?.stringValue
        else { return nil }
        return Base(size: Int(size), crc32: crc)
    }

    private static func record(from entries: [JSONValue]) -> Record {
        var record = Record(annotations: [], raw: [:], unreadable: [])
        for entry in entries {
            if let annotation = AnnotationJSON.annotation(from: entry) {
                record.annotations.append(annotation)
                record.raw[annotation.id] = entry
            } else {
                record.unreadable.append(entry)
            }
        }
        return record
    }

    /// The journal at `path`, or nil when there is none (or it cannot be read at all).
    static func read(_ path: String) throws(StorageError) -> Contents? {
        guard let bytes = try FileIO.readIfPresent(path, limit: GuardedFile.sizeLimit) else { return nil }
        return parse(bytes)
    }

    // MARK: - Appending

    /// Appends `bytes` to the journal at `path` with `O_APPEND`, after cutting a torn tail back
    /// to `validLength`, and fsyncs it; a journal this call creates also gets its directory
    /// synced. On any failure the file is cut back to where it was (removed if it was created
    /// here), so a failed save leaves nothing that could later read as saved.
    static func append(_ bytes: [UInt8], to path: String, validLength: Int) throws(StorageError) {
        var created = false
        var fd = SystemCall.retrying { open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW) }
        if fd < 0 && errno == ENOENT {
            fd = SystemCall.retrying { open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600) }
            created = fd >= 0
        }
        guard fd >= 0 else { throw SystemCall.lastError(path: path, operation: "open") }
        var info = stat()
        let start = fstat(fd, &info) == 0 ? min(Int(info.st_size), validLength) : validLength
        do throws(StorageError) {
            if created, fchmod(fd, 0o600) != 0 { throw SystemCall.lastError(path: path, operation: "set permissions of") }
            if Int(info.st_size) > start, ftruncate(fd, off_t(start)) != 0 {
                throw SystemCall.lastError(path: path, operation: "cut the torn end of")
            }
            try FileIO.writeAll(bytes, to: fd, path: path)
            guard SystemCall.retrying({ fsync(fd) }) == 0 else { throw SystemCall.lastError(path: path, operation: "sync") }
            if created { try AtomicFile.syncDirectory(SystemCall.parent(of: path)) }
        } catch {
            _ = ftruncate(fd, off_t(start))
            _ = fsync(fd)
            close(fd)
            if created { unlink(path) }
            throw error
        }
        guard close(fd) == 0 else { throw SystemCall.lastError(path: path, operation: "close") }
    }
}
