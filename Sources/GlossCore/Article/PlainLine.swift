/// A non-blank line of a plain-text file: its byte range without surrounding spaces and tabs,
/// and whether a blank line (or the start of the text) comes before it.
struct PlainLine: Sendable, Hashable {
    var range: Range<Int>
    var followsBlank: Bool

    /// The non-blank lines of LF-separated text, in order.
    static func lines(of text: UnsafeBufferPointer<UInt8>) -> [PlainLine] {
        var lines: [PlainLine] = []
        var start = 0
        var sawBlank = true
        while start < text.count {
            let end = ByteScan.firstIndex(of: 0x0A, in: text, from: start) ?? text.count
            let trimmed = ByteScan.trimmed(start..<end, in: text)
            if trimmed.isEmpty {
                sawBlank = true
            } else {
                lines.append(PlainLine(range: trimmed, followsBlank: sawBlank))
                sawBlank = false
            }
            start = end + 1
        }
        return lines
    }
}
