import GlossCore
import GlossStorage

/// The fixed article drills annotate, and annotations on it.
enum DrillArticle {
    static let text = ArticleText(blockTexts: [
        "The first paragraph of the drill article, long enough to hold a few highlights.",
        "A second paragraph follows, with other words in it to annotate.",
        "The third and last paragraph closes the drill article.",
    ])

    static func annotation(number: Int, note: String) -> Annotation {
        let block = number % text.blockCount
        let blockRange = text.range(ofBlock: block) ?? 0..<0
        let start = blockRange.lowerBound + (number / text.blockCount) % max(1, blockRange.count - 5)
        let range = start..<min(blockRange.upperBound, start + 5)
        let anchor = AnnotationAnchor(range: range, in: text)
            ?? AnnotationAnchor(quote: TextQuoteSelector(exact: ""), position: TextPositionSelector(start: 0, end: 0), blockIndex: 0)
        let now = SystemClock.now()
        return Annotation(id: uuid(), created: now, note: note, anchor: anchor)
    }

    /// A random version-4 UUID string.
    static func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
        return groups.map { $0.joined() }.joined(separator: "-").uppercased()
    }
}
