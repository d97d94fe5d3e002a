import Foundation
import GlossCore

/// The reading-state file as stored, with its raw JSON so unknown fields survive a rewrite.
struct StateDocument {
    static let schemaVersion = 1

    var schemaVersion = Self.schemaVersion
    var state = ReadingState()
    var raw: JSONObject = [:]

    var isNewer: Bool { schemaVersion > Self.schemaVersion }

    /// Reads the JSON values directly: `JSONDecoder` is slow to start, and this file is read
    /// before every article's first screen.
    static func parse(_ bytes: [UInt8]) throws(DocumentProblem) -> StateDocument {
        let (top, version) = try DocumentProblem.versionedObject(bytes)
        var document = StateDocument()
        document.raw = top
        document.schemaVersion = Int(version)
        guard let state = readingState(top) else {
            if document.isNewer { return document }
            throw DocumentProblem(reason: "unexpected content")
        }
        document.state = state
        return document
    }

    /// The state in `top`; nil when `lastOpened` or `articles` has the wrong shape. A single
    /// damaged position is skipped, not fatal.
    private static func readingState(_ top: JSONObject) -> ReadingState? {
        var state = ReadingState()
        if let lastOpened = top["lastOpened"], lastOpened != .null {
            guard let fields = lastOpened.objectValue, let path = fields["path"]?.stringValue,
                  let at = fields["at"]?.stringValue.flatMap(Timestamp.init(iso8601:))
            else { return nil }
            state.lastOpened = path
            state.lastOpenedAt = at
        }
        if let articles = top["articles"], articles != .null {
            guard let entries = articles.objectValue else { return nil }
            for (path, entry) in entries {
                if let position = entry.objectValue.flatMap(position(from:)) { state.positions[path] = position }
            }
        }
        if let marks = top["marks"], marks != .null {
            guard let entries = marks.objectValue else { return nil }
            for (path, entry) in entries {
                if let mark = entry.objectValue.flatMap(marks(from:)) { state.marks[path] = mark }
            }
        }
        return state
    }

    /// One article's marks; nil (skipped) when damaged.
    private static func marks(from fields: JSONObject) -> ArticleMarks? {
        guard let updated = fields["updated"]?.stringValue.flatMap(Timestamp.init(iso8601:)) else { return nil }
        func flag(_ key: String) -> Bool?? {
            guard let value = fields[key], value != .null else { return .some(nil) }
            return value.boolValue.map { .some($0) } ?? nil
        }
        guard let read = flag("read"), let starred = flag("starred"), let archived = flag("archived") else { return nil }
        return ArticleMarks(
            read: read, starred: starred ?? false, archived: archived ?? false, updated: updated,
            contentHash: fields["contentHash"]?.stringValue)
    }

    static func value(of marks: ArticleMarks) -> JSONValue {
        var fields: JSONObject = [
            "starred": .bool(marks.starred), "archived": .bool(marks.archived),
            "updated": .string(marks.updated.description),
        ]
        fields["read"] = marks.read.map(JSONValue.bool) ?? .null
        if let hash = marks.contentHash { fields["contentHash"] = .string(hash) }
        return .object(fields)
    }

    private static func position(from fields: JSONObject) -> ReadingPosition? {
        guard let updated = fields["updated"]?.stringValue.flatMap(Timestamp.init(iso8601:)) else { return nil }
        func integer(_ key: String) -> Int?? {
            guard let value = fields[key], value != .null else { return .some(nil) }
            return value.integerValue.map { .some(Int($0)) } ?? nil
        }
        guard let block = integer("blockIndex"), let line = integer("lineOffset"), let percent = integer("percent")
        else { return nil }
        var opened = true
        if let value = fields["opened"], value != .null {
            guard let flag = value.boolValue else { return nil }
            opened = flag
        }
        return ReadingPosition(
            blockIndex: block ?? 0, lineOffset: line ?? 0, opened: opened, updated: updated, percent: percent)
    }

    static func value(of position: ReadingPosition) -> JSONValue {
        var fields: JSONObject = [
            "blockIndex": .integer(Int64(position.blockIndex)), "lineOffset": .integer(Int64(position.lineOffset)),
            "opened": .bool(position.opened), "updated": .string(position.updated.description),
        ]
        if let percent = position.percent { fields["percent"] = .integer(Int64(percent)) }
        return .object(fields)
    }

    mutating func dropRawPositions(_ paths: Set<String>) {
        guard !paths.isEmpty, var articles = raw["articles"]?.objectValue else { return }
        for path in paths { articles[path] = nil }
        raw["articles"] = .object(articles)
    }

    func serialized() throws(StorageError) -> [UInt8] {
        var top = raw
        top["schemaVersion"] = .integer(Int64(Self.schemaVersion))
        if let path = state.lastOpened, let at = state.lastOpenedAt {
            top["lastOpened"] = .object(["path": .string(path), "at": .string(at.description)])
        }
        var articles = top["articles"]?.objectValue ?? [:]
        for (path, position) in state.positions {
            articles[path] = (articles[path] ?? .object([:])).overlaid(with: Self.value(of: position))
        }
        top["articles"] = .object(articles)
        // Marks are written whole: an entry that was cleared must disappear, not survive from `raw`.
        var marks = JSONObject()
        for (path, mark) in state.marks { marks[path] = Self.value(of: mark) }
        top["marks"] = .object(marks)
        return JSONValue.object(top).serialized()
    }
}
