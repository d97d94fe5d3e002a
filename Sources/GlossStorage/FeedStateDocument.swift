import GlossCore

/// A feed state file as stored, with its raw JSON so unknown fields survive a rewrite.
struct FeedStateDocument {
    static let schemaVersion = 1

    var schemaVersion = Self.schemaVersion
    var state: FeedState
    var raw: JSONObject = [:]

    var isNewer: Bool { schemaVersion > Self.schemaVersion }

    static func parse(_ bytes: [UInt8]) throws(DocumentProblem) -> FeedStateDocument {
        let (top, version) = try DocumentProblem.versionedObject(bytes)
        var document = FeedStateDocument(schemaVersion: Int(version), state: FeedState(url: ""), raw: top)
        if document.isNewer { return document }
        guard let url = top["url"]?.stringValue else { throw DocumentProblem(reason: "no feed url") }
        var state = FeedState(url: url)
        state.lastFetch = top["lastFetch"]?.stringValue.flatMap(Timestamp.init(iso8601:))
        state.lastError = top["lastError"]?.stringValue
        state.etag = top["etag"]?.stringValue
        state.lastModified = top["lastModified"]?.stringValue
        for (key, value) in top["entries"]?.objectValue ?? [:] {
            guard let fields = value.objectValue, let file = fields["file"]?.stringValue,
                let hash = fields["contentHash"]?.stringValue
            else { throw DocumentProblem(reason: "entry \(key) has no file or contentHash") }
            let updated = fields["updated"]?.stringValue.flatMap(Timestamp.init(iso8601:))
                ?? Timestamp(millisecondsSince1970: 0)
            state.entries[key] = FeedEntryRecord(file: file, contentHash: hash, updated: updated)
        }
        document.state = state
        return document
    }

    func serialized() -> [UInt8] {
        var top = raw
        top["schemaVersion"] = .integer(Int64(Self.schemaVersion))
        top["url"] = .string(state.url)
        func optional(_ key: String, _ value: JSONValue?) { top[key] = value ?? .null }
        optional("lastFetch", state.lastFetch.map { .string($0.description) })
        optional("lastError", state.lastError.map(JSONValue.string))
        optional("etag", state.etag.map(JSONValue.string))
        optional("lastModified", state.lastModified.map(JSONValue.string))
        var entries: JSONObject = [:]
        let previous = top["entries"]?.objectValue ?? [:]
        for (key, record) in state.entries {
            let known: JSONValue = .object([
                "file": .string(record.file), "contentHash": .string(record.contentHash),
                "updated": .string(record.updated.description),
            ])
            entries[key] = (previous[key] ?? .object([:])).overlaid(with: known)
        }
        top["entries"] = .object(entries)
        return JSONValue.object(top).serialized()
    }
}
