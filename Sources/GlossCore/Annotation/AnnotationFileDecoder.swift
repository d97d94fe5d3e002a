/// An annotation file as `AnnotationFileDecoder` reads it: the parts a reader needs.
public struct DecodedAnnotationFile: Sendable, Hashable {
    public var schemaVersion: Int64
    public var article: ArticleIdentity
    /// The `snapshotFile` member; nil when absent or null.
    public var snapshotFile: String?
    /// Every annotation in file order, tombstones included (not yet merged by id).
    public var annotations: [Annotation]
}

/// Reads an annotation file's bytes straight into annotations, in one pass and without building
/// a `JSONValue` for each annotation and its anchor: opening an article with a thousand notes
/// spent most of its time there.
///
/// It reads only plain files: any member it knows given twice, any annotation that cannot be
/// read, a missing or odd article, and any JSON error give nil, and the caller reads the bytes
/// the general way (`JSONValue`), which decides and explains those cases. So whenever this gives
/// a result, it is what the general way gives. Members it does not know are checked as JSON and
/// skipped, as are the stored `tags` (always recomputed from the note). The checks on each field
/// are those of the store's own decoding (docs/STORAGE.md).
public struct AnnotationFileDecoder {
    private var parser: JSONParser

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { parser = JSONParser(bytes) }

    /// The file in `bytes`; nil when it is not a plain, valid one (see the type's summary).
    public static func decode(_ bytes: [UInt8]) -> DecodedAnnotationFile? {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = AnnotationFileDecoder(buffer)
            do {
                let file = try decoder.file()
                decoder.parser.skipWhitespace()
                return decoder.parser.index == buffer.count ? file : nil
            } catch {
                return nil
            }
        }
    }

    /// Why decoding stopped; the caller only learns that it did.
    private struct Stop: Error {}

    private var next: UInt8? { parser.index < parser.bytes.count ? parser.bytes[parser.index] : nil }

    // MARK: - Structure

    private mutating func file() throws(Stop) -> DecodedAnnotationFile {
        var version: Int64?
        var article: ArticleIdentity?
        var snapshot: String?
        var annotations: [Annotation] = []
        var seen = Set<String>()
        try members(depth: 0) { (decoder: inout Self, key: String) throws(Stop) in
            guard seen.insert(key).inserted || !Self.topLevelKeys.contains(key) else { throw Stop() }
            switch key {
            case "schemaVersion":
                guard let value = try decoder.value(depth: 1).integerValue else { throw Stop() }
                version = value
            case "article":
                article = try decoder.identity(depth: 1)
            case "snapshotFile":
                switch try decoder.value(depth: 1) {
                case .null: snapshot = nil
                case .string(let name): snapshot = name
                default: throw Stop()
                }
            case "annotations":
                annotations = try decoder.annotations(depth: 1)
            default:
                _ = try decoder.value(depth: 1)
            }
        }
        guard let version, let article else { throw Stop() }
        return DecodedAnnotationFile(
            schemaVersion: version, article: article, snapshotFile: snapshot, annotations: annotations)
    }

    private static let topLevelKeys: Set<String> = ["schemaVersion", "article", "snapshotFile", "annotations"]

    private mutating func identity(depth: Int) throws(Stop) -> ArticleIdentity {
        var path: String?
        var title: String?
        var fingerprint: String?
        try members(depth: depth) { (decoder: inout Self, key: String) throws(Stop) in
            switch key {
            case "path": path = try decoder.onceString(path)
            case "title": title = try decoder.onceString(title)
            case "fingerprint": fingerprint = try decoder.onceString(fingerprint)
            default: _ = try decoder.value(depth: depth + 1)
            }
        }
        guard let path, let title, let fingerprint else { throw Stop() }
        return ArticleIdentity(path: path, title: title, fingerprint: fingerprint)
    }

    /// The `annotations` member: null or an array of annotation objects.
    private mutating func annotations(depth: Int) throws(Stop) -> [Annotation] {
        parser.skipWhitespace()
        guard next == UInt8(ascii: "[") else {
            guard try value(depth: depth) == .null else { throw Stop() }
            return []
        }
        parser.index += 1
        var result: [Annotation] = []
        parser.skipWhitespace()
        if next == UInt8(ascii: "]") {
            parser.index += 1
            return result
        }
        guard depth + 1 < JSONParser.maximumDepth else { throw Stop() }
        while true {
            result.append(try annotation(depth: depth + 1))
            parser.skipWhitespace()
            switch next {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "]"):
                parser.index += 1
                return result
            default: throw Stop()
            }
        }
    }

    private mutating func annotation(depth: Int) throws(Stop) -> Annotation {
        var id: String?
        var created: Timestamp?
        var modified: Timestamp??
        var color: String??
        var note: String??
        var deleted: Bool??
        var anchor: AnnotationAnchor?
        try members(depth: depth) { (decoder: inout Self, key: String) throws(Stop) in
            switch key {
            case "id": id = try decoder.onceString(id)
            case "created":
                guard created == nil, let time = Timestamp(iso8601: try decoder.string()) else { throw Stop() }
                created = time
            case "modified":
                guard modified == nil else { throw Stop() }
                switch try decoder.value(depth: depth + 1) {
                case .null: modified = .some(nil)
                case .string(let text):
                    guard let time = Timestamp(iso8601: text) else { throw Stop() }
                    modified = time
                default: throw Stop()
                }
            case "color": color = try decoder.onceOptionalString(color, depth: depth + 1)
            case "note": note = try decoder.onceOptionalString(note, depth: depth + 1)
            case "deleted":
                guard deleted == nil else { throw Stop() }
                switch try decoder.value(depth: depth + 1) {
                case .null: deleted = .some(nil)
                case .bool(let flag): deleted = flag
                default: throw Stop()
                }
            case "anchor":
                guard anchor == nil else { throw Stop() }
                anchor = try decoder.anchor(depth: depth + 1)
            default: _ = try decoder.value(depth: depth + 1)
            }
        }
        guard let id, !id.isEmpty, let created, let anchor else { throw Stop() }
        return Annotation(
            id: id, created: created, modified: (modified ?? nil) ?? created,
            color: (color ?? nil) ?? Annotation.defaultColor, note: (note ?? nil) ?? "", anchor: anchor,
            deleted: (deleted ?? nil) ?? false)
    }

    private mutating func anchor(depth: Int) throws(Stop) -> AnnotationAnchor {
        var quote: TextQuoteSelector?
        var position: TextPositionSelector?
        var blockIndex: Int64?
        var blockEnd: JSONValue?
        var status: JSONValue?
        try members(depth: depth) { (decoder: inout Self, key: String) throws(Stop) in
            switch key {
            case "quote":
                guard quote == nil else { throw Stop() }
                quote = try decoder.quote(depth: depth + 1)
            case "position":
                guard position == nil else { throw Stop() }
                position = try decoder.position(depth: depth + 1)
            case "blockIndex":
                guard blockIndex == nil, let value = try decoder.value(depth: depth + 1).integerValue, value >= 0
                else { throw Stop() }
                blockIndex = value
            case "blockEnd":
                guard blockEnd == nil else { throw Stop() }
                blockEnd = try decoder.value(depth: depth + 1)
            case "status":
                guard status == nil else { throw Stop() }
                status = try decoder.value(depth: depth + 1)
            default: _ = try decoder.value(depth: depth + 1)
            }
        }
        guard let quote, let position, let blockIndex else { throw Stop() }
        // A status from a newer version that this one does not know is treated as a fuzzy match.
        let known = status?.stringValue.map { AnchorStatus(rawValue: $0) ?? .fuzzy } ?? .exact
        return AnnotationAnchor(
            quote: quote, position: position, blockIndex: Int(blockIndex),
            blockEnd: blockEnd?.integerValue.map { Int($0) }, status: known)
    }

    private mutating func quote(depth: Int) throws(Stop) -> TextQuoteSelector {
        var exact: String?
        var prefix: String??
        var suffix: String??
        try members(depth: depth) { (decoder: inout Self, key: String) throws(Stop) in
            switch key {
            case "exact": exact = try decoder.onceString(exact)
            case "prefix": prefix = try decoder.onceOptionalString(prefix, depth: depth + 1)
            case "suffix": suffix = try decoder.onceOptionalString(suffix, depth: depth + 1)
            default: _ = try decoder.value(depth: depth + 1)
            }
        }
        guard let exact else { throw Stop() }
        return TextQuoteSelector(exact: exact, prefix: (prefix ?? nil) ?? "", suffix: (suffix ?? nil) ?? "")
    }

    private mutating func position(depth: Int) throws(Stop) -> TextPositionSelector {
        var start: Int64?
        var end: Int64?
        try members(depth: depth) { (decoder: inout Self, key: String) throws(Stop) in
            switch key {
            case "start", "end":
                guard (key == "start" ? start : end) == nil,
                      let value = try decoder.value(depth: depth + 1).integerValue
                else { throw Stop() }
                if key == "start" { start = value } else { end = value }
            default: _ = try decoder.value(depth: depth + 1)
            }
        }
        guard let start, let end, start >= 0, end >= start else { throw Stop() }
        return TextPositionSelector(start: Int(start), end: Int(end))
    }

    // MARK: - Pieces

    /// Reads the object at `depth`, calling `member` with each key once the value is next.
    /// Anything but an object stops decoding.
    private mutating func members(
        depth: Int, _ member: (inout Self, String) throws(Stop) -> Void
    ) throws(Stop) {
        guard depth < JSONParser.maximumDepth else { throw Stop() }
        parser.skipWhitespace()
        guard next == UInt8(ascii: "{") else { throw Stop() }
        parser.index += 1
        parser.skipWhitespace()
        if next == UInt8(ascii: "}") {
            parser.index += 1
            return
        }
        while true {
            parser.skipWhitespace()
            let key = try string()
            parser.skipWhitespace()
            guard next == UInt8(ascii: ":") else { throw Stop() }
            parser.index += 1
            try member(&self, key)
            parser.skipWhitespace()
            switch next {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "}"):
                parser.index += 1
                return
            default: throw Stop()
            }
        }
    }

    /// A JSON string is next (after any whitespace); anything else stops decoding.
    private mutating func string() throws(Stop) -> String {
        parser.skipWhitespace()
        guard next == UInt8(ascii: "\"") else { throw Stop() }
        do {
            return try parser.string()
        } catch {
            throw Stop()
        }
    }

    /// A required string member seen for the first time (`current` is what was read before).
    private mutating func onceString(_ current: String?) throws(Stop) -> String {
        guard current == nil else { throw Stop() }
        return try string()
    }

    /// An optional string member seen for the first time: `.some(nil)` for null.
    private mutating func onceOptionalString(_ current: String??, depth: Int) throws(Stop) -> String?? {
        guard current == nil else { throw Stop() }
        switch try value(depth: depth) {
        case .null: return .some(nil)
        case .string(let text): return .some(text)
        default: throw Stop()
        }
    }

    private mutating func value(depth: Int) throws(Stop) -> JSONValue {
        do {
            return try parser.value(depth: depth)
        } catch {
            throw Stop()
        }
    }
}
