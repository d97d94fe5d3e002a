/// What the user searches for, with smart case: case-insensitive unless the query has an
/// uppercase letter.
///
/// Matching compares Unicode scalars one by one (after simple case folding when insensitive), so
/// offsets always refer to the searched text's own scalars. Canonically equivalent spellings
/// ("é" as one scalar or as "e" + U+0301) are not treated as equal; articles and queries typed on
/// a keyboard are normally both precomposed (NFC).
public struct SearchQuery: Hashable, Sendable {
    public let text: String
    public var isCaseSensitive: Bool

    /// A query whose case sensitivity follows smart case.
    public init(_ text: String) {
        self.text = text
        self.isCaseSensitive = text.unicodeScalars.contains { $0.properties.changesWhenLowercased }
    }

    public init(_ text: String, isCaseSensitive: Bool) {
        self.text = text
        self.isCaseSensitive = isCaseSensitive
    }

    /// An empty query matches nothing.
    public var isEmpty: Bool { text.isEmpty }
}
