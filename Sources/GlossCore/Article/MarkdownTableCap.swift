import CCmarkGFM

/// Caps the columns of Markdown tables before cmark-gfm sees them.
///
/// cmark-gfm 0.29's table extension takes time quadratic in the cells of each row it reads (it
/// appends every cell to the end of a linked list): a 960 KB table of 40,000 columns took 35 s.
/// So a line with more than ``maximumColumns`` separating pipes is rewritten first: in a
/// delimiter row (`|---|---|…`) the cells past the limit are dropped, and in any other row the
/// pipes past the limit are escaped (`\|`), which the table extension reads as a `|` inside the
/// last cell. A table keeps its first columns, every byte of its text stays in it, and each row
/// costs at most the square of the limit. Lines inside code and HTML blocks are never touched:
/// they are found by a first parse without the table extension, which is linear. A line outside
/// a table reads the same with escaped pipes, but in a code span the backslashes show.
enum MarkdownTableCap {
    /// Separating pipes kept on one line; a table keeps this many columns (one more without a
    /// leading pipe).
    static let maximumColumns = 128

    static let warning = "a table row has more than \(maximumColumns) columns; the rest of each such row is kept in its last column"

    /// The text to parse instead of `text`, or nil when no line has too many pipes (the usual
    /// case, found by one scan).
    static func capped(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // The wide lines, with their 1-based numbers.
        var wide: [(number: Int, range: Range<Int>)] = []
        var start = 0
        var number = 1
        while start < text.count {
            let end = ByteScan.firstIndex(of: 0x0A, in: text, from: start) ?? text.count
            if pipeCount(text[start..<end], stoppingAfter: maximumColumns) > maximumColumns {
                wide.append((number, start..<end))
            }
            start = end + 1
            number += 1
        }
        guard !wide.isEmpty else { return nil }
        let verbatim = verbatimLines(text)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8)
        let rewritten = wide.filter { !verbatim.contains($0.number) }
        guard !rewritten.isEmpty else { return nil }
        var next = 0
        for (_, line) in rewritten {
            out.append(contentsOf: text[next..<line.lowerBound])
            out.append(contentsOf: cap(text[line]))
            next = line.upperBound
        }
        out.append(contentsOf: text[next...])
        return out
    }

    /// Unescaped pipes in `line`, counting no further than one past `limit`.
    private static func pipeCount(_ line: Slice<UnsafeBufferPointer<UInt8>>, stoppingAfter limit: Int) -> Int {
        var count = 0
        var escaped = false
        for byte in line {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// The line with at most ``maximumColumns`` separating pipes (and its closing pipe, kept so
    /// that the last cell does not gain a `|`).
    private static func cap(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        let isDelimiterRow = line.allSatisfy { Self.delimiterRowBytes.contains($0) }
        var closing = line.endIndex
        while closing > line.startIndex, ByteScan.isBlank(line[closing - 1]) { closing -= 1 }
        closing -= 1
        var out: [UInt8] = []
        out.reserveCapacity(line.count * 2)
        var count = 0
        var escaped = false
        for (index, byte) in zip(line.indices, line) {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                count += 1
                if count > maximumColumns, index != closing || isDelimiterRow {
                    // A delimiter row ends before its first extra cell, so it has as many cells
                    // as the header row capped the same way.
                    if isDelimiterRow { return out }
                    out.append(UInt8(ascii: "\\"))
                }
            }
            out.append(byte)
        }
        return out
    }

    /// What a delimiter row may hold (with the `>` of enclosing block quotes).
    private static let delimiterRowBytes: Set<UInt8> = Set("|-: \t>".utf8)

    /// The 1-based numbers of the lines inside code and HTML blocks, from a parse without the
    /// table extension (those blocks are found the same way with it).
    private static func verbatimLines(_ text: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        if let base = text.baseAddress, !text.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: text.count) { cmark_parser_feed(parser, $0, text.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var lines: Set<Int> = []
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let first = Int(cmark_node_get_start_line(node))
            let last = Int(cmark_node_get_end_line(node))
            if first <= last { lines.formUnion(first...last) }
        }
        return lines
    }
}
