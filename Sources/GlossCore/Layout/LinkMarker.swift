/// A link's number (`[3]`) drawn right after the last visible character of its text.
///
/// It is display only: its glyphs show no scalar of the block (`scalarCount` 0), so offsets,
/// search, highlights and anchors never see it. It is glued to the character before it, so a
/// line never breaks between a link and its number.
public struct LinkMarker: Sendable, Hashable {
    /// The scalar offset of the character the marker follows.
    public var offset: Int
    /// What is drawn: ASCII, so its width is its length.
    public var text: String

    public init(offset: Int, text: String) {
        self.offset = offset
        self.text = text
    }

    public var width: Int { text.utf8.count }

    /// The markers of `links`, numbered from `firstNumber`: each after the last non-space scalar
    /// of its link's text. A link with no visible text gets none.
    public static func markers(for links: [InlineLink], in text: String, firstNumber: Int) -> [LinkMarker] {
        guard !links.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        var markers: [LinkMarker] = []
        for (index, link) in links.enumerated() {
            var last = min(link.range.upperBound, scalars.count) - 1
            while last >= link.range.lowerBound, last >= 0, scalars[last].properties.isWhitespace { last -= 1 }
            guard last >= max(0, link.range.lowerBound) else { continue }
            markers.append(LinkMarker(offset: last, text: "[\(firstNumber + index)]"))
        }
        return markers.sorted { $0.offset < $1.offset }
    }
}
