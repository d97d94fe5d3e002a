/// Writes a line of a quote that holds links: the text around and inside each link escaped as
/// usual, each link as `[text](url)` (an image as `![alt](src)`), its URL a CommonMark destination.
enum MarkdownQuoteLinks {
    struct Link: Sendable, Hashable {
        /// UTF-8 byte offsets of the linked text in the quote.
        var bytes: Range<Int>
        /// The text written between the brackets (an image's alt text).
        var text: String
        var url: String
        var isImage: Bool
    }

    /// `links` (scalar offsets in `quote`) as UTF-8 byte ranges of it.
    static func byteRanges(of links: [ExportLink], in quote: String) -> [Link] {
        guard !links.isEmpty else { return [] }
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(quote.unicodeScalars.count + 1)
        var offset = 0
        for scalar in quote.unicodeScalars {
            byteOffsets.append(offset)
            offset += UTF8.width(scalar)
        }
        byteOffsets.append(offset)
        return links.compactMap { link in
            guard link.range.upperBound < byteOffsets.count else { return nil }
            return Link(
                bytes: byteOffsets[link.range.lowerBound]..<byteOffsets[link.range.upperBound], text: link.text,
                url: link.url, isImage: link.isImage)
        }
    }

    /// One paragraph line with `links` (sorted, inside the line, not overlapping).
    static func appendLine(_ line: ArraySlice<UInt8>, links: [Link], hardBreakFollows: Bool, to out: inout [UInt8]) {
        var cursor = line.startIndex
        for link in links where link.bytes.lowerBound >= cursor {
            if link.bytes.lowerBound > cursor {
                appendText(line[cursor..<link.bytes.lowerBound], atStart: cursor == line.startIndex, atEnd: false, to: &out)
            }
            out += Array((link.isImage ? "![" : "[").utf8)
            appendText(ArraySlice(link.text.utf8), atStart: false, atEnd: false, to: &out)
            out += Array(("](" + LinkURL.markdownDestination(link.url) + ")").utf8)
            cursor = link.bytes.upperBound
        }
        if cursor < line.endIndex {
            appendText(line[cursor...], atStart: cursor == line.startIndex, atEnd: !hardBreakFollows, to: &out)
        }
    }

    /// A run of text between links: escaped, with the spaces at its ends written as they are
    /// unless they are at an end of the line, where a Markdown reader would strip them.
    private static func appendText(_ text: ArraySlice<UInt8>, atStart: Bool, atEnd: Bool, to out: inout [UInt8]) {
        var low = text.startIndex
        var high = text.endIndex
        if !atStart { while low < high, text[low] == MarkdownByte.space { low += 1 } }
        if !atEnd { while high > low, text[high - 1] == MarkdownByte.space { high -= 1 } }
        out += text[text.startIndex..<low]
        let core = String(decoding: text[low..<high], as: UTF8.self)
        out += Array(MarkdownEscaper.run(core, lineStart: atStart, openEnd: !atEnd).utf8)
        out += text[high..<text.endIndex]
    }
}
