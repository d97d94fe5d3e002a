import Foundation
import GlossCore

/// The reading-state file as stored, with its raw JSON so unknown fields survive a rewrite.
struct StateDocument {
    static let schemaVersion = 1

    var schemaVersion = Self.schemaVersion
    var state = ReadingState()
    var raw: [String: JSONValue] = [:]

    var isNewer: Bool { schemaVersion > Self.schemaVersion }

    private struct LastOpened: Codable {
        var path: String
        var at: Timestamp
    }

    private struct Typed: Decodable {
        var schemaVersion: Int
        var lastOpened: LastOpened?
        var articles: [String: Lenient]?
    }

    private struct Lenient: Decodable {
        var position: ReadingPosition?
        init(from decoder: any Decoder) throws {
            position = try? ReadingPosition(from: decoder)
        }
    }

    static func parse(_ bytes: [UInt8]) throws(DocumentProblem) -> StateDocument {
        let (top, version) = try DocumentProblem.versionedObject(bytes)
        var document = StateDocument()
        document.raw = top
        document.schemaVersion = Int(version)
        // The typed view is decoded from the raw view written out again, not from `bytes`: the two
        // parsers differ on invalid UTF-8 (the raw one replaces it, Foundation's refuses the value),
        // and a position unreadable now would become readable after the next rewrite.
        guard let typed = try? JSONDecoder().decode(Typed.self, from: Data(JSONValue.object(top).serialized())) else {
            if document.isNewer { return document }
            throw DocumentProblem(reason: "unexpected content")
        }
        for (path, entry) in typed.articles ?? [:] {
            if let position = entry.position { document.state.positions[path] = position }
        }
        document.state.lastOpened = typed.lastOpened?.path
        document.state.lastOpenedAt = typed.lastOpened?.at
        return document
    }

    func serialized() throws(StorageError) -> [UInt8] {
        do {
            var top = raw
            top["schemaVersion"] = .integer(Int64(Self.schemaVersion))
            if let path = state.lastOpened, let at = state.lastOpenedAt {
                top["lastOpened"] = try JSONValue.from(LastOpened(path: path, at: at))
            }
            var articles = top["articles"]?.objectValue ?? [:]
            for (path, position) in state.positions {
                articles[path] = (articles[path] ?? .object([:])).overlaid(with: try JSONValue.from(position))
            }
            top["articles"] = .object(articles)
            return JSONValue.object(top).serialized()
        } catch {
            throw .io(path: "state.json", operation: "encode", reason: "\(error)")
        }
    }
}
