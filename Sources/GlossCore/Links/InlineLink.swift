/// A link inside a block: the stretch of the block's text it covers and where it leads.
///
/// The range counts Unicode scalars of `Block.text`, like spans and annotations. An image is a
/// link to its source; its range covers the `[image: alt]` text the reader shows for it.
public struct InlineLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link
        case image
    }

    public var range: Range<Int>
    /// The target, resolved against the article's `url` when it was relative.
    public var url: String
    public var kind: Kind

    public init(range: Range<Int>, url: String, kind: Kind = .link) {
        self.range = range
        self.url = url
        self.kind = kind
    }
}

/// A media file attached to a feed entry (RSS `<enclosure>`, Atom `rel="enclosure"`, Media RSS
/// content), kept in the article's front matter as `enclosures:`.
public struct Enclosure: Sendable, Hashable, Codable {
    public var url: String
    /// The MIME type (`audio/mpeg`), when the feed gave one.
    public var type: String?
    /// The size in bytes, when the feed gave one.
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }

    /// `enclosure audio/mpeg 42 MB`, as the link list shows it.
    public var label: String {
        var parts = ["enclosure"]
        if let type, !type.isEmpty { parts.append(type) }
        if let length, length > 0 { parts.append(Self.size(length)) }
        return parts.joined(separator: " ")
    }

    /// Bytes in the largest unit that keeps a whole number: `42 MB`, `900 KB`, `12 B`.
    static func size(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 999.5, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return "\(Int(value.rounded())) \(units[unit])"
    }
}
