/// Keeps footnote definitions (`[^1]: https://example.org/source`) in a Markdown article.
///
/// Without the footnote extension cmark-gfm reads such a line as a link reference definition,
/// which is never shown, and `[^1]` in the text then becomes a link to it: the note's text would
/// vanish. A `\` before the definition's `[` makes the line ordinary text, so both the reference
/// and the definition read as written. Lines inside fenced code are left alone.
enum FootnoteDefinitions {
    /// The text with a `\` before each footnote definition's `[`; nil when it has none (the usual
    /// case), so the text is not copied. Linear in the text's length.
    static func escaped(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var insertions: [Int] = []
        var fence: (marker: UInt8, length: Int)?
        var start = 0
        while start < text.count {
            let end = ByteScan.firstIndex(of: 0x0A, in: text, from: start) ?? text.count
            var index = start
            while index < end, index - start < 4, text[index] == UInt8(ascii: " ") { index += 1 }
            if index - start <= 3 {
                if let found = fenceRun(in: text, at: index, end: end) {
                    if let open = fence {
                        if found.marker == open.marker, found.length >= open.length { fence = nil }
                    } else {
                        fence = found
                    }
                } else if fence == nil, isDefinition(in: text, at: index, end: end) {
                    insertions.append(index)
                }
            }
            start = end + 1
        }
        guard !insertions.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + insertions.count)
        var copied = 0
        for position in insertions {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<position]))
            out.append(UInt8(ascii: "\\"))
            copied = position
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<text.count]))
        return out
    }

    /// `[^label]:` at `index`: a label of at least one character without blanks or brackets.
    private static func isDefinition(in text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index + 4 < end + 1, text[index] == UInt8(ascii: "["), index + 1 < end, text[index + 1] == UInt8(ascii: "^")
        else { return false }
        var cursor = index + 2
        while cursor < end, text[cursor] != UInt8(ascii: "]") {
            let byte = text[cursor]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "[") { return false }
            cursor += 1
        }
        return cursor > index + 2 && cursor + 1 < end && text[cursor] == UInt8(ascii: "]")
            && text[cursor + 1] == UInt8(ascii: ":")
    }

    /// A run of three or more backticks or tildes at `index`, opening or closing a fence.
    private static func fenceRun(in text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (marker: UInt8, length: Int)? {
        guard index < end, text[index] == UInt8(ascii: "`") || text[index] == UInt8(ascii: "~") else { return nil }
        let marker = text[index]
        var cursor = index
        while cursor < end, text[cursor] == marker { cursor += 1 }
        return cursor - index >= 3 ? (marker, cursor - index) : nil
    }
}
