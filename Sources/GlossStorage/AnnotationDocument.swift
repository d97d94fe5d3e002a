import Foundation
import GlossCore

/// One annotation file as stored: the known fields, plus the raw JSON so that fields written
/// by a newer version of gloss (top-level or per annotation) survive a rewrite.
struct AnnotationDocument: Sendable {
    static let schemaVersion = 1

    var schemaVersion: Int
    var article: ArticleIdentity
    /// The name of the snapshot file in the same directory, if one was written.
    var snapshotFile: String?
    var annotations: [Annotation]
    /// The whole file as read.
    var raw: JSONObject = [:]
    /// Each readable annotation's raw JSON, by id.
    var rawAnnotations: JSONObject = [:]
    /// Entries of `annotations` this version could not read; written back unchanged.
    var unreadable: [JSONValue] = []
    /// True for a document read by `parseForReading`, which keeps no raw JSON to write back.
    private(set) var isReadOnlyCopy = false

    init(article: ArticleIdentity) {
        self.schemaVersion = Self.schemaVersion
        self.article = article
        self.annotations = []
    }

    var isNewer: Bool { schemaVersion > Self.schemaVersion }

    static func parse(_ bytes: [UInt8]) throws(DocumentProblem) -> AnnotationDocument {
        let (top, version) = try DocumentProblem.versionedObject(bytes)
        let snapshot = top["snapshotFile"]
        guard let article = top["article"].flatMap(AnnotationJSON.identity(from:)),
              snapshot == nil || snapshot == .null || snapshot?.stringValue != nil,
              top["annotations"] == nil || top["annotations"] == .null || top["annotations"]?.arrayValue != nil
        else {
            if version > Int64(Self.schemaVersion), let path = top["article"]?.objectValue?["path"]?.stringValue {
                // A newer format this version cannot decode: show nothing, but keep it read-only.
                var document = AnnotationDocument(article: ArticleIdentity(path: path, title: "", fingerprint: ""))
                document.schemaVersion = Int(version)
                document.raw = top
                return document
            }
            throw DocumentProblem(reason: "unexpected content: " + (top["article"] == nil ? "missing article" : "bad article or annotations"))
        }
        var document = AnnotationDocument(article: article)
        document.schemaVersion = Int(version)
        document.snapshotFile = snapshot?.stringValue
        document.raw = top
        var decoded: [Annotation] = []
        // Each annotation is read on its own, so one bad entry does not make the file unreadable.
        for entry in top["annotations"]?.arrayValue ?? [] {
            if let annotation = AnnotationJSON.annotation(from: entry) {
                decoded.append(annotation)
                document.rawAnnotations[annotation.id] = entry
            } else {
                document.unreadable.append(entry)
            }
        }
        // A file edited by hand may repeat an id: merging with itself keeps one copy.
        document.annotations = AnnotationMerge.merge([], with: decoded)
        return document
    }

    /// The document as `parse` reads it, for reading only: a plain file is decoded in one pass
    /// (`AnnotationFileDecoder`) without keeping its raw JSON, so the result must never be
    /// serialized; anything else is left to `parse`, which explains what is wrong with it.
    static func parseForReading(_ bytes: [UInt8]) throws(DocumentProblem) -> AnnotationDocument {
        guard let decoded = AnnotationFileDecoder.decode(bytes) else { return try parse(bytes) }
        var document = AnnotationDocument(article: decoded.article)
        document.schemaVersion = Int(decoded.schemaVersion)
        document.snapshotFile = decoded.snapshotFile
        // A file edited by hand may repeat an id: merging with itself keeps one copy.
        document.annotations = AnnotationMerge.merge([], with: decoded.annotations)
        document.isReadOnlyCopy = true
        return document
    }

    /// The file's bytes: the raw JSON with every known field laid over it.
    func serialized() -> [UInt8] {
        assert(!isReadOnlyCopy, "a document read without its raw JSON would lose unknown fields")
        var top = raw
        top["schemaVersion"] = .integer(Int64(Self.schemaVersion))
        top["article"] = (top["article"] ?? .object([:])).overlaid(with: AnnotationJSON.value(of: article))
        if let snapshotFile {
            top["snapshotFile"] = .string(snapshotFile)
        } else {
            top.removeValue(forKey: "snapshotFile")
        }
        var entries: [JSONValue] = []
        entries.reserveCapacity(annotations.count + unreadable.count)
        for annotation in annotations {
            let value = AnnotationJSON.value(of: annotation)
            entries.append(rawAnnotations[annotation.id].map { $0.overlaid(with: value) } ?? value)
        }
        entries.append(contentsOf: unreadable)
        top["annotations"] = .array(entries)
        return JSONValue.object(top).serialized()
    }

    /// Messages about parts of the file that were kept but not understood.
    var notices: [String] {
        guard !unreadable.isEmpty else { return [] }
        return ["\(unreadable.count) annotation(s) could not be read and are kept unchanged in the file."]
    }
}
