/// Lays out plain text that may hold line breaks as Markdown paragraphs that render back to exactly
/// that text, reading the paragraphs joined with "\n\n":
/// - a blank line between two lines of text ("\n\n") is a paragraph break;
/// - any other line break is a hard line break, a `\` at the end of the line (the CommonMark form
///   that survives editors stripping trailing spaces); an empty line inside such a run is a line
///   holding only `\`, so "a\n\n\nb" stays one paragraph of four lines.
/// Every line is escaped with ``MarkdownEscaper``.
enum MarkdownParagraphs {
    enum Layout {
        /// A block quote: every line starts with `> `, paragraphs are separated by a line `>`.
        case blockQuote
        /// Top-level paragraphs separated by a blank line.
        case text
    }

    /// The Markdown of `text`; nil when it has no paragraph (an empty note).
    ///
    /// - Parameter trailer: Markdown appended to the last line after a space (alone when that line
    ///   is empty), such as a block id. It keeps a final line break representable. Without it,
    ///   line breaks at the end of `text` are dropped: a paragraph cannot end in a line break.
    /// - Parameter links: Links to write as `[text](url)`, by UTF-8 byte range of `text`; a link
    ///   that crosses a line break is written as plain text.
    static func markdown(
        of text: String, layout: Layout, trailer: String? = nil, links: [MarkdownQuoteLinks.Link] = []
    ) -> String? {
        var bytes = Array(text.utf8)
        if trailer == nil {
            while bytes.last == MarkdownByte.newline { bytes.removeLast() }
            if bytes.isEmpty { return nil }
        }
        var lineRanges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == MarkdownByte.newline {
            lineRanges.append(start..<index)
            start = index + 1
        }
        lineRanges.append(start..<bytes.count)
        let last = lineRanges.count - 1
        func isEmpty(_ line: Int) -> Bool {
            lineRanges[line].isEmpty && !(line == last && trailer != nil)
        }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 32)
        var atParagraphStart = true
        func beginLine() {
            if !atParagraphStart { out.append(MarkdownByte.newline) }
            atParagraphStart = false
            if layout == .blockQuote { out += [UInt8(ascii: ">"), MarkdownByte.space] }
        }
        func appendLine(_ line: Int, hardBreak: Bool) {
            beginLine()
            let lineStart = out.count
            let inLine = links.filter { lineRanges[line].contains($0.bytes.lowerBound) && $0.bytes.upperBound <= lineRanges[line].upperBound }
            if inLine.isEmpty {
                MarkdownEscaper.appendParagraphLine(bytes[lineRanges[line]], hardBreakFollows: hardBreak, to: &out)
            } else {
                MarkdownQuoteLinks.appendLine(bytes[lineRanges[line]], links: inLine, hardBreakFollows: hardBreak, to: &out)
            }
            if line == last, let trailer {
                if out.count > lineStart { out.append(MarkdownByte.space) }
                out += Array(trailer.utf8)
            }
            if hardBreak { out.append(UInt8(ascii: "\\")) }
        }
        func appendHardBreakLine() {
            beginLine()
            out.append(UInt8(ascii: "\\"))
        }
        func breakParagraph() {
            out += layout == .blockQuote ? Array("\n>\n".utf8) : [MarkdownByte.newline, MarkdownByte.newline]
            atParagraphStart = true
        }

        var line = 0
        // Line breaks before the first text are hard breaks at the start of the first paragraph.
        while line <= last, isEmpty(line) {
            appendHardBreakLine()
            line += 1
        }
        while line <= last {
            var next = line + 1
            while next <= last, isEmpty(next) { next += 1 }
            if next > last {
                appendLine(line, hardBreak: false)
            } else if next - line == 2 {
                appendLine(line, hardBreak: false)
                breakParagraph()
            } else {
                appendLine(line, hardBreak: true)
                for _ in 0..<(next - line - 1) { appendHardBreakLine() }
            }
            line = next
        }
        return String(decoding: out, as: UTF8.self)
    }
}
