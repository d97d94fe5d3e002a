/// Turns plain text into blocks. Nothing in it is markup: `#`, `>`, `*`, `_` and `1.` are kept
/// and shown as written.
///
/// - One paragraph per line (``ArticleFormat/plainLines``): every non-blank line is a block.
/// - Hard-wrapped (``ArticleFormat/plainWrapped``): consecutive non-blank lines are joined with a
///   single space into one block; only a blank line ends the block. A line inside a paragraph is a
///   continuation whatever it starts with: a wrapped sentence may well put `7.` or `-` at the start
///   of a line (the GPL's "section / 7.  This requirement"). A paragraph whose first line starts
///   with `>` (quoted e-mail style) keeps its line breaks.
///
/// Spaces and tabs around each line are layout and are dropped; tabs and control characters inside
/// a line are kept. Headings follow ``PlainHeadingRule``. See ``PlainTextLayout`` for detection.
enum PlainTextParser {
    /// `release` is told, paragraph by paragraph, that the bytes before a paragraph's end will not
    /// be read again (see `ArticleLoader.load(bytes:fileName:releasing:)`).
    static func parse(
        _ text: UnsafeBufferPointer<UInt8>, release: (UnsafeRawPointer) -> Void = { _ in }
    ) -> (format: ArticleFormat, blocks: [Block]) {
        let lines = PlainLine.lines(of: text)
        let format = PlainTextLayout.detect(lines, in: text)
        // One paragraph per line needs no list of paragraphs: a line's is made when it is read.
        let wrapped = format == .plainWrapped ? wrappedParagraphs(lines, in: text) : nil
        let count = wrapped?.count ?? lines.count

        var blocks: [Block] = []
        blocks.reserveCapacity(count)
        var candidates: [Bool] = []
        candidates.reserveCapacity(count)
        var scratch: [UInt8] = []
        for index in 0..<count {
            let paragraph = wrapped?[index] ?? WrappedParagraph(lines: [lines[index].range], quoted: false)
            let string = joined(paragraph, in: text, scratch: &scratch)
            blocks.append(Block(kind: .paragraph, text: string))
            let ranges = paragraph.lines
            // Counting scalars in the bytes first keeps long lines away from the slower String checks.
            let isShortLine =
                ranges.count == 1 && ranges[0].count <= PlainHeadingRule.maxBytes
                && ByteScan.scalarCount(ranges[0], in: text) <= PlainHeadingRule.maxCharacters
            candidates.append(isShortLine && PlainHeadingRule.isCandidate(string))
            if let base = text.baseAddress, let end = ranges.last?.upperBound { release(UnsafeRawPointer(base + end)) }
        }
        // Whether a line is a heading depends on its neighbours: set once all are known, in place,
        // so no second list of the article's blocks is made.
        for (index, isHeading) in PlainHeadingRule.headings(candidates: candidates).enumerated() where isHeading {
            blocks[index].kind = .heading(level: 2)
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
            if !current.lines.isEmpty, line.followsBlank {
                paragraphs.append(current)
                current.lines = []
            }
            if current.lines.isEmpty { current.quoted = text[line.range.lowerBound] == UInt8(ascii: ">") }
            current.lines.append(line.range)
        }
        if !current.lines.isEmpty { paragraphs.append(current) }
        return paragraphs
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
