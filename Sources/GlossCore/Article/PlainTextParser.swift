/// Turns plain text into blocks. Nothing in it is markup: `#`, `>`, `*`, `_` and `1.` are kept
/// and shown as written.
///
/// - One paragraph per line (``ArticleFormat/plainLines``): every non-blank line is a block.
/// - Hard-wrapped (``ArticleFormat/plainWrapped``): consecutive non-blank lines are joined with a
///   single space into one block; a blank line ends the block. A line that starts like a list item
///   (`*`, `-`, `+` or `•` then a space, or a number followed by `.` or `)` and a space) also starts
///   a new block, so a list typed in a text file keeps its lines; its markers stay literal. Lines
///   starting with `>` (quoted e-mail style) form their own block and keep their line breaks.
///
/// Spaces and tabs around each line are layout and are dropped; tabs and control characters inside
/// a line are kept. Headings follow ``PlainHeadingRule``. See ``PlainTextLayout`` for detection.
enum PlainTextParser {
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (format: ArticleFormat, blocks: [Block]) {
        let lines = PlainLine.lines(of: text)
        let format = PlainTextLayout.detect(lines, in: text)
        let paragraphs =
            format == .plainWrapped
            ? wrappedParagraphs(lines, in: text) : lines.map { WrappedParagraph(lines: [$0.range], quoted: false) }

        var texts: [String] = []
        texts.reserveCapacity(paragraphs.count)
        var candidates: [Bool] = []
        candidates.reserveCapacity(paragraphs.count)
        var scratch: [UInt8] = []
        for paragraph in paragraphs {
            let string = joined(paragraph, in: text, scratch: &scratch)
            texts.append(string)
            let ranges = paragraph.lines
            // Counting scalars in the bytes first keeps long lines away from the slower String checks.
            let isShortLine =
                ranges.count == 1 && ranges[0].count <= PlainHeadingRule.maxBytes
                && ByteScan.scalarCount(ranges[0], in: text) <= PlainHeadingRule.maxCharacters
            candidates.append(isShortLine && PlainHeadingRule.isCandidate(string))
        }
        let headings = PlainHeadingRule.headings(candidates: candidates)
        let blocks = zip(texts, headings).map { text, isHeading in
            Block(kind: isHeading ? .heading(level: 2) : .paragraph, text: text)
        }
        return (format, blocks)
    }

    /// The lines of one paragraph; quoted paragraphs keep their line breaks.
    struct WrappedParagraph {
        var lines: [Range<Int>]
        var quoted: Bool
    }

    /// The paragraphs of hard-wrapped text.
    static func wrappedParagraphs(_ lines: [PlainLine], in text: UnsafeBufferPointer<UInt8>) -> [WrappedParagraph] {
        var paragraphs: [WrappedParagraph] = []
        var current = WrappedParagraph(lines: [], quoted: false)
        for line in lines {
            let quoted = text[line.range.lowerBound] == UInt8(ascii: ">")
            if !current.lines.isEmpty,
                line.followsBlank || quoted != current.quoted || startsListItem(line.range, in: text)
            {
                paragraphs.append(current)
                current.lines = []
            }
            current.quoted = quoted
            current.lines.append(line.range)
        }
        if !current.lines.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Whether a line begins with a bullet (`*`, `-`, `+`, `•`) or a number with `.` or `)`,
    /// followed by a space or tab.
    static func startsListItem(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = range.lowerBound
        let end = range.upperBound
        func blankAt(_ index: Int) -> Bool { index < end && ByteScan.isBlank(text[index]) }
        switch text[start] {
        case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            return blankAt(start + 1)
        case 0xE2:  // "•" is E2 80 A2
            return start + 3 < end && text[start + 1] == 0x80 && text[start + 2] == 0xA2 && blankAt(start + 3)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = start
            while index < end, index - start < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) {
                index += 1
            }
            guard index < end, text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ")") else { return false }
            return blankAt(index + 1)
        default:
            return false
        }
    }

    /// The paragraph's text: its lines joined with single spaces, or with line breaks when quoted.
    static func joined(_ paragraph: WrappedParagraph, in text: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String {
        let ranges = paragraph.lines
        if ranges.count == 1 { return ByteScan.string(ranges[0], in: text) }
        scratch.removeAll(keepingCapacity: true)
        for (index, range) in ranges.enumerated() {
            if index > 0 { scratch.append(paragraph.quoted ? 0x0A : 0x20) }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
        }
        return String(decoding: scratch, as: UTF8.self)
    }
}
