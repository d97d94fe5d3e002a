import Foundation
import GlossCore

/// One annotation file as stored: the known fields, plus the raw JSON so that fields written
/// by a newer version of gloss (top-level or per annotation) survive a rewrite.
struct AnnotationDocument {
    static let schemaVersion = 1

    var schemaVersion: Int
    var article: ArticleIdentity
    /// The name of the snapshot file in the same directory, if one was written.
    var snapshotFile: String?
    var annotations: [Annotation]
    /// The whole file as read.
    var raw: [String: JSONValue] = [:]
    /// Each readable annotation's raw JSON, by id.
    var rawAnnotations: [String: JSONValue] = [:]
    /// Entries of `annotations` this version could not read; written back unchanged.
    var unreadable: [JSONValue] = []

    init(article: ArticleIdentity) {
        self.schemaVersion = Self.schemaVersion
        self.article = article
        self.annotations = []
    }

    var isNewer: Bool { schemaVersion > Self.schemaVersion }

    /// The typed view of the file; each annotation is decoded on its own so one bad entry
    /// does not make the whole file unreadable.
    private struct Typed: Decodable {
        var schemaVersion: Int
        var article: ArticleIdentity
        var snapshotFile: String?
        var annotations: [Lenient]?
    }

    private struct Lenient: Decodable {
        var annotation: Annotation?
        init(from decoder: any Decoder) throws {
            annotation = try? Annotation(from: decoder)
        }
    }

    static func parse(_ bytes: [UInt8]) throws(DocumentProblem) -> AnnotationDocument {
        let (top, version) = try DocumentProblem.versionedObject(bytes)
        let typed: Typed
        do {
            typed = try JSONDecoder().decode(Typed.self, from: Data(bytes))
        } catch {
            if version > Int64(Self.schemaVersion), let path = top["article"]?.objectValue?["path"]?.stringValue {
                // A newer format this version cannot decode: show nothing, but keep it read-only.
                var document = AnnotationDocument(article: ArticleIdentity(path: path, title: "", fingerprint: ""))
                document.schemaVersion = Int(version)
                document.raw = top
                return document
            }
            throw DocumentProblem(reason: "unexpected content: \(Self.describe(error))")
        }
        var document = AnnotationDocument(article: typed.article)
        document.schemaVersion = typed.schemaVersion
        document.snapshotFile = typed.snapshotFile
        document.raw = top
        let rawEntries = top["annotations"]?.arrayValue ?? []
        var decoded: [Annotation] = []
        for (index, entry) in (typed.annotations ?? []).enumerated() {
            let rawEntry = index < rawEntries.count ? rawEntries[index] : .null
            if let annotation = entry.annotation {
                decoded.append(annotation)
                document.rawAnnotations[annotation.id] = rawEntry
            } else {
                document.unreadable.append(rawEntry)
            }
        }
        // A file edited by hand may repeat an id: merging with itself keeps one copy.
        document.annotations = AnnotationMerge.merge([], with: decoded)
        return document
    }

    /// The file's bytes: the raw JSON with every known field laid over it.
    func serialized() throws(StorageError) -> [UInt8] {
        do {
            var top = raw
            top["schemaVersion"] = .integer(Int64(Self.schemaVersion))
            top["article"] = (top["article"] ?? .object([:])).overlaid(with: try JSONValue.from(article))
            if let snapshotFile {
                top["snapshotFile"] = .string(snapshotFile)
            } else {
                top.removeValue(forKey: "snapshotFile")
            }
            var entries: [JSONValue] = []
            entries.reserveCapacity(annotations.count + unreadable.count)
            // One encoder pass for all annotations: per-annotation passes cost far more.
            let known = try JSONValue.from(annotations).arrayValue ?? []
            for (annotation, value) in zip(annotations, known) {
                entries.append((rawAnnotations[annotation.id] ?? .object([:])).overlaid(with: value))
            }
            entries.append(contentsOf: unreadable)
            top["annotations"] = .array(entries)
            return JSONValue.object(top).serialized()
        } catch {
            throw .io(path: article.path, operation: "encode the annotations of", reason: "\(error)")
        }
    }

    /// Messages about parts of the file that were kept but not understood.
    var notices: [String] {
        guard !unreadable.isEmpty else { return [] }
        return ["\(unreadable.count) annotation(s) could not be read and are kept unchanged in the file."]
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "bad value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(decodingError)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
