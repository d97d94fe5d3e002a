/// A highlight with an optional note, anchored to a span of an article's text.
///
/// Deleting an annotation keeps a tombstone (`deleted == true`, note cleared) so that a
/// merge with an older copy written by another process cannot bring it back.
public struct Annotation: Sendable, Hashable, Codable, Identifiable {
    /// The colour used when none is chosen.
    public static let defaultColor = "yellow"

    /// A UUID string; unique across all articles.
    public var id: String
    public var created: Timestamp
    /// When the annotation last changed; the newer copy wins a merge.
    public var modified: Timestamp
    /// A colour name such as "yellow"; the theme decides how it looks.
    public var color: String
    /// The note text; `#words` in it are the annotation's tags.
    public var note: String {
        didSet { tags = NoteTags.extract(from: note) }
    }
    /// Tags found in `note`, in order of first appearance; always derived, never set directly.
    public private(set) var tags: [String]
    public var anchor: AnnotationAnchor
    /// True for a tombstone: the annotation was deleted at `modified`.
    public var deleted: Bool

    public init(
        id: String, created: Timestamp, modified: Timestamp? = nil, color: String = Annotation.defaultColor,
        note: String = "", anchor: AnnotationAnchor, deleted: Bool = false
    ) {
        self.id = id
        self.created = created
        self.modified = modified ?? created
        self.color = color
        self.note = note
        self.tags = NoteTags.extract(from: note)
        self.anchor = anchor
        self.deleted = deleted
    }

    /// The tombstone that records this annotation's deletion at `time`. The note is cleared
    /// because a deleted note should not linger on disk; the anchor stays so it can be undone.
    public func tombstone(at time: Timestamp) -> Annotation {
        var copy = self
        copy.note = ""
        copy.deleted = true
        copy.modified = max(time, modified)
        return copy
    }

    private enum CodingKeys: String, CodingKey {
        case id, created, modified, color, note, tags, anchor, deleted
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "empty id")
        }
        let created = try container.decode(Timestamp.self, forKey: .created)
        // Stored tags are ignored: they are always recomputed from the note.
        self.init(
            id: id,
            created: created,
            modified: try container.decodeIfPresent(Timestamp.self, forKey: .modified) ?? created,
            color: try container.decodeIfPresent(String.self, forKey: .color) ?? Annotation.defaultColor,
            note: try container.decodeIfPresent(String.self, forKey: .note) ?? "",
            anchor: try container.decode(AnnotationAnchor.self, forKey: .anchor),
            deleted: try container.decodeIfPresent(Bool.self, forKey: .deleted) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(created, forKey: .created)
        try container.encode(modified, forKey: .modified)
        try container.encode(color, forKey: .color)
        try container.encode(note, forKey: .note)
        try container.encode(tags, forKey: .tags)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(deleted, forKey: .deleted)
    }
}
