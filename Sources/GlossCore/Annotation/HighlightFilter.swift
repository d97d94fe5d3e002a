/// Which highlights a listing keeps (`gloss notes --tag/--color/--since/--search`).
///
/// A highlight is kept when it has every tag asked for (case-insensitive), the colour asked
/// for, was created on or after `since`, and holds every word of `search` in its quote, note or
/// tags (case-insensitive). Inside `search`, `#tag` asks for a tag and `:red` for a colour.
public struct HighlightFilter: Sendable, Hashable {
    public var tags: [String]
    public var color: String?
    public var since: Timestamp?
    public var search: String?

    public init(tags: [String] = [], color: String? = nil, since: Timestamp? = nil, search: String? = nil) {
        self.tags = tags
        self.color = color
        self.since = since
        self.search = search
    }

    /// Keeps everything.
    public var isEmpty: Bool { tags.isEmpty && color == nil && since == nil && (search ?? "").isEmpty }

    public func matches(_ annotation: Annotation) -> Bool {
        var wantedTags = tags
        var wantedColors = color.map { [$0] } ?? []
        var words: [String] = []
        for token in (search ?? "").split(whereSeparator: \.isWhitespace).map(String.init) {
            if token.hasPrefix("#"), token.count > 1 {
                wantedTags.append(String(token.dropFirst()))
            } else if token.hasPrefix(":"), token.count > 1 {
                wantedColors.append(String(token.dropFirst()))
            } else {
                words.append(token)
            }
        }
        let ownTags = Set(annotation.tags.map { $0.lowercased() })
        guard wantedTags.allSatisfy({ ownTags.contains($0.lowercased()) }) else { return false }
        guard wantedColors.allSatisfy({ $0.lowercased() == annotation.color.lowercased() }) else { return false }
        if let since, annotation.created < since { return false }
        let haystack = [annotation.anchor.quote.exact, annotation.note, annotation.tags.joined(separator: " ")]
            .joined(separator: "\n")
        return words.allSatisfy { !TextSearch.matches(of: SearchQuery($0, isCaseSensitive: false), in: haystack).isEmpty }
    }

    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time; nil for anything else.
    public static func date(_ text: String) -> Timestamp? {
        Timestamp(iso8601: text) ?? Timestamp(iso8601: text + "T00:00:00Z")
    }
}
