import GlossCore

/// Annotations to and from `JSONValue` directly, with the same rules as their `Codable`
/// conformance (see `Annotation`, `AnnotationAnchor`). Going through `JSONEncoder`/`JSONDecoder`
/// as well as the raw parser cost most of a save for an article with many annotations.
enum AnnotationJSON {
    static func value(of annotation: Annotation) -> JSONValue {
        let anchor = annotation.anchor
        return .object([
            "id": .string(annotation.id),
            "created": .string(annotation.created.description),
            "modified": .string(annotation.modified.description),
            "color": .string(annotation.color),
            "note": .string(annotation.note),
            "tags": .array(annotation.tags.map(JSONValue.string)),
            "deleted": .bool(annotation.deleted),
            "anchor": .object([
                "quote": .object([
                    "type": .string("TextQuoteSelector"), "exact": .string(anchor.quote.exact),
                    "prefix": .string(anchor.quote.prefix), "suffix": .string(anchor.quote.suffix),
                ]),
                "position": .object([
                    "type": .string("TextPositionSelector"),
                    "start": .integer(Int64(anchor.position.start)), "end": .integer(Int64(anchor.position.end)),
                ]),
                "blockIndex": .integer(Int64(anchor.blockIndex)),
                "blockEnd": .integer(Int64(anchor.blockEnd)),
                "status": .string(anchor.status.rawValue),
            ]),
        ])
    }

    /// The annotation in `value`; nil when a required field is missing or invalid.
    static func annotation(from value: JSONValue) -> Annotation? {
        guard let fields = value.objectValue,
              let id = fields["id"]?.stringValue, !id.isEmpty,
              let createdText = fields["created"]?.stringValue, let created = Timestamp(iso8601: createdText),
              let anchor = fields["anchor"].flatMap(anchor(from:))
        else { return nil }
        var modified = created
        if let text = fields["modified"]?.stringValue {
            guard let parsed = Timestamp(iso8601: text) else { return nil }
            modified = parsed
        } else if let other = fields["modified"], other != .null {
            return nil
        }
        guard let color = optional(fields["color"], \.stringValue), let note = optional(fields["note"], \.stringValue),
              let deleted = optional(fields["deleted"], \.boolValue)
        else { return nil }
        return Annotation(
            id: id, created: created, modified: modified, color: color ?? Annotation.defaultColor,
            note: note ?? "", anchor: anchor, deleted: deleted ?? false)
    }

    /// An optional field: `.some(nil)` when absent or null, nil when present with the wrong type.
    private static func optional<T>(_ value: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
        guard let value, value != .null else { return .some(nil) }
        guard let typed = read(value) else { return nil }
        return .some(typed)
    }

    static func anchor(from value: JSONValue) -> AnnotationAnchor? {
        guard let fields = value.objectValue,
              let quote = fields["quote"]?.objectValue, let exact = quote["exact"]?.stringValue,
              let prefix = optional(quote["prefix"], \.stringValue), let suffix = optional(quote["suffix"], \.stringValue),
              let position = fields["position"]?.objectValue,
              let start = position["start"]?.integerValue, let end = position["end"]?.integerValue,
              start >= 0, end >= start,
              let blockIndex = fields["blockIndex"]?.integerValue, blockIndex >= 0
        else { return nil }
        // A status from a newer version that this one does not know is treated as a fuzzy match.
        let status = fields["status"]?.stringValue.map { AnchorStatus(rawValue: $0) ?? .fuzzy } ?? .exact
        return AnnotationAnchor(
            quote: TextQuoteSelector(
                exact: exact, prefix: prefix ?? "", suffix: suffix ?? ""),
            position: TextPositionSelector(start: Int(start), end: Int(end)),
            blockIndex: Int(blockIndex), blockEnd: fields["blockEnd"]?.integerValue.map { Int($0) },
            status: status)
    }

    static func identity(from value: JSONValue) -> ArticleIdentity? {
        guard let fields = value.objectValue, let path = fields["path"]?.stringValue,
              let title = fields["title"]?.stringValue, let fingerprint = fields["fingerprint"]?.stringValue
        else { return nil }
        return ArticleIdentity(path: path, title: title, fingerprint: fingerprint)
    }

    static func value(of identity: ArticleIdentity) -> JSONValue {
        .object(["path": .string(identity.path), "title": .string(identity.title), "fingerprint": .string(identity.fingerprint)])
    }
}
