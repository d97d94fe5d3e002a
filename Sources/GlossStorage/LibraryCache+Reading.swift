import GlossCore

/// Reading `library-cache.json` token by token. Building the whole value tree first (20,000
/// arrays of 14 values) and then picking it apart was a fifth of a warm start of 20,000
/// articles; the rows are now read straight into records. A row in any other shape than the
/// one `save` writes is read again as a value and taken as far as it makes sense (at most twice
/// the work for that row), and anything that is not JSON, or another schema, gives no records.
extension LibraryCache {
    private static let comma = UInt8(ascii: ",")

    /// The records in the file's `bytes`; nil when the file is not a cache of this schema.
    static func records(in bytes: [UInt8]) throws(JSONParser.Failure) -> [String: Record]? {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParser.Failure) -> [String: Record]? in
            var cursor = JSONParser(buffer)
            return try records(&cursor)
        }
    }

    private static func records(_ cursor: inout JSONParser) throws(JSONParser.Failure) -> [String: Record]? {
        var records: [String: Record] = [:]
        var schema: Int64?
        try cursor.expect(UInt8(ascii: "{"))
        if !cursor.consume(UInt8(ascii: "}")) {
            repeat {
                guard let key = try cursor.stringIfNext() else { throw cursor.failure("expected a key") }
                try cursor.expect(UInt8(ascii: ":"))
                if key == "articles" {
                    records = try articles(&cursor)
                } else {
                    let value = try cursor.value(depth: 1)
                    if key == "schemaVersion" { schema = value.integerValue }
                }
            } while cursor.consume(comma)
            try cursor.expect(UInt8(ascii: "}"))
        }
        try cursor.expectEnd()
        return schema == schemaVersion ? records : nil
    }

    private static func articles(_ cursor: inout JSONParser) throws(JSONParser.Failure) -> [String: Record] {
        var records: [String: Record] = [:]
        try cursor.expect(UInt8(ascii: "["))
        if cursor.consume(UInt8(ascii: "]")) { return records }
        repeat {
            let start = cursor.index
            if let record = (try? row(&cursor)) ?? nil {
                records[record.entry.relativePath] = record
            } else {
                cursor.index = start
                if let record = record(from: try cursor.value(depth: 2)) { records[record.entry.relativePath] = record }
            }
        } while cursor.consume(comma)
        try cursor.expect(UInt8(ascii: "]"))
        return records
    }

    /// One row exactly as `save` writes it, or nil (or a throw) for anything else.
    private static func row(_ cursor: inout JSONParser) throws(JSONParser.Failure) -> Record? {
        try cursor.expect(UInt8(ascii: "["))
        guard let key = try cursor.stringIfNext(), cursor.consume(comma),
              let size = cursor.plainInteger(), cursor.consume(comma),
              let modified = cursor.plainInteger(), cursor.consume(comma),
              let changed = cursor.plainInteger(), cursor.consume(comma),
              let inode = cursor.plainInteger(), cursor.consume(comma)
        else { return nil }
        let hash = try cursor.optionalString()
        guard cursor.consume(comma), let title = try cursor.stringIfNext(), cursor.consume(comma),
              let words = cursor.plainInteger(), cursor.consume(comma),
              let minutes = cursor.plainInteger(), cursor.consume(comma)
        else { return nil }
        var texts: [String?] = []
        for _ in 0..<4 {
            texts.append(try cursor.optionalString())
            guard cursor.consume(comma) else { return nil }
        }
        var tags: [String] = []
        try cursor.expect(UInt8(ascii: "["))
        if !cursor.consume(UInt8(ascii: "]")) {
            repeat {
                guard let tag = try cursor.stringIfNext() else { return nil }
                tags.append(tag)
            } while cursor.consume(comma)
            try cursor.expect(UInt8(ascii: "]"))
        }
        try cursor.expect(UInt8(ascii: "]"))
        return record(
            key: key, stamp: Stamp(size: size, modified: modified, changed: changed, inode: inode), hash: hash,
            title: title, words: words, minutes: minutes, texts: texts, tags: tags)
    }

    /// A row in another shape, taken as the previous reader took every row.
    private static func record(from value: JSONValue) -> Record? {
        guard let row = value.arrayValue, row.count == columns.count,
              let key = row[0].stringValue, let size = row[1].integerValue, let modified = row[2].integerValue,
              let changed = row[3].integerValue, let inode = row[4].integerValue, let title = row[6].stringValue
        else { return nil }
        return record(
            key: key, stamp: Stamp(size: size, modified: modified, changed: changed, inode: inode),
            hash: row[5].stringValue, title: title, words: row[7].integerValue ?? 0,
            minutes: row[8].integerValue ?? 0, texts: row[9...12].map(\.stringValue),
            tags: row[13].arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// `texts` are the author, source, date and problem columns.
    private static func record(
        key: String, stamp: Stamp, hash: String?, title: String, words: Int64, minutes: Int64, texts: [String?],
        tags: [String]
    ) -> Record {
        var entry = LibraryEntry(relativePath: key, absolutePath: "", title: title)
        entry.contentHash = hash
        entry.wordCount = Int(words)
        entry.minutes = Int(minutes)
        entry.author = texts[0]
        entry.source = texts[1]
        entry.date = texts[2]
        entry.problem = texts[3]
        entry.tags = tags
        entry.sizeBytes = Int(stamp.size)
        entry.modified = Timestamp(millisecondsSince1970: stamp.modified / 1_000_000)
        return Record(stamp: stamp, entry: entry)
    }
}
