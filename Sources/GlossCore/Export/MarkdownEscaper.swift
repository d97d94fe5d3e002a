/// Writes one line of plain text as CommonMark that renders back to exactly that text, also under
/// the GitHub extensions (tables, strikethrough, bare links) and Obsidian's (`[[links]]`, `^ids`,
/// `$math$`, `%%comments%%`).
///
/// Over-escaping is always safe (a backslash before ASCII punctuation is that character), so the
/// rules err that way, but ordinary prose stays readable: `.`, `,`, `'`, `(`, `%`, `#tags`, URLs
/// and `snake_case` are written as they are.
/// - Everywhere: `\`, `` ` ``, `*`, `[`, `]`, `<`, `~`, `|`, `^` and `$` are backslash-escaped;
///   `_` unless it sits between two letters or digits; `!` before `[`; `&` when it could start a
///   character reference; `%` next to another `%`.
/// - At the start of a line: `>`, a heading's `#`s, a list's `-`, `+` or `1.`, and a line of only
///   `-` or `=` (a thematic break or setext underline) or of `-` and `:` (a table's delimiter row).
/// - Spaces and tabs at either end of a line, which a Markdown reader strips, and control
///   characters anywhere are numeric character references (`&#32;`).
/// - A bare link (`https://…`, `www.…`) whose text would hold an escape is kept from forming.
///
/// Works on UTF-8 bytes: every character with a meaning is ASCII, and ASCII bytes never occur
/// inside the encoding of another character.
package enum MarkdownEscaper {
    typealias Bytes = ArraySlice<UInt8>

    /// A line of a paragraph, where block syntax at its start must be neutralized.
    ///
    /// - Parameter hardBreakFollows: Whether a `\` for a hard line break follows the line; a bare
    ///   link at its end would otherwise swallow it.
    static func appendParagraphLine(_ line: Bytes, hardBreakFollows: Bool, to out: inout [UInt8]) {
        append(line, lineStart: true, heading: false, openEnd: hardBreakFollows, to: &out)
    }

    /// The text of an ATX heading (`## text`): line breaks become spaces, as a heading is one line,
    /// and a closing run of `#` is escaped so it is not taken for the heading's closing sequence.
    package static func heading(_ text: String) -> String {
        escapedLine(text, heading: true)
    }

    /// Text in the middle of a line (after other text, before a space), such as a colour name in
    /// the meta line.
    static func inline(_ text: String) -> String {
        escapedLine(text, heading: false)
    }

    /// A run of text inside a paragraph line, with other Markdown (emphasis, links) or a space on
    /// either side. Block syntax is neutralized when the run starts the line; `openEnd` says the run
    /// is followed directly by other Markdown, which a bare link at its end would swallow.
    package static func run(_ text: String, lineStart: Bool, openEnd: Bool) -> String {
        let bytes = text.utf8.map { $0 == MarkdownByte.newline ? MarkdownByte.space : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        append(bytes[...], lineStart: lineStart, heading: false, openEnd: openEnd, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escapedLine(_ text: String, heading: Bool) -> String {
        let bytes = text.utf8.map { $0 == MarkdownByte.newline ? MarkdownByte.space : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        append(bytes[...], lineStart: false, heading: heading, openEnd: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Lines

    private static func append(_ line: Bytes, lineStart: Bool, heading: Bool, openEnd: Bool, to out: inout [UInt8]) {
        var low = line.startIndex
        while low < line.endIndex, isStrippedBlank(line[low]) { low += 1 }
        var high = line.endIndex
        while high > low, isStrippedBlank(line[high - 1]) { high -= 1 }

        // Block syntax only counts at the very start of a line; after a character reference it is text.
        let marker = lineStart && low == line.startIndex ? blockMarkerIndex(in: line[low..<high]) : nil
        var closingHashes = high
        if heading {
            while closingHashes > low, line[closingHashes - 1] == UInt8(ascii: "#") { closingHashes -= 1 }
        }
        func escapes(_ index: Int) -> Bool {
            index == marker || index >= closingHashes || needsEscape(in: line, at: index)
        }

        // GitHub's bare links (`https://…`, `www.…`) take their text from the raw Markdown up to the
        // next blank, escapes and references included. A link whose text would hold one, or that
        // runs into what follows the line, is kept from forming by escaping its `:` or `.`.
        let linkEndIsOpen = openEnd || high < line.endIndex
        var run: (end: Int, lastSpoiler: Int?) = (low, nil)
        func spoilsLink(from start: Int) -> Bool {
            if start >= run.end {
                // Scan the run of non-blanks once; later links in it reuse the result.
                var cursor = start
                var lastSpoiler: Int?
                while cursor < high, !isSpaceOrTab(line[cursor]) {
                    if escapes(cursor) || controlScalar(in: line, at: cursor) != nil { lastSpoiler = cursor }
                    cursor += 1
                }
                run = (cursor, lastSpoiler)
            }
            return (run.lastSpoiler.map { $0 >= start } ?? false) || (run.end == high && linkEndIsOpen)
        }
        func isLinkTrigger(_ index: Int) -> Bool {
            switch line[index] {
            case UInt8(ascii: ":"):
                return index + 2 < high && line[index + 1] == UInt8(ascii: "/") && line[index + 2] == UInt8(ascii: "/")
                    && spoilsLink(from: index)
            case UInt8(ascii: "."):
                return index - 3 >= low && line[index - 3] | 0x20 == UInt8(ascii: "w")
                    && line[index - 2] | 0x20 == UInt8(ascii: "w") && line[index - 1] | 0x20 == UInt8(ascii: "w")
                    && spoilsLink(from: index - 3)
            default:
                return false
            }
        }

        for index in line.startIndex..<low { appendReference(UInt32(line[index]), to: &out) }
        var index = low
        while index < high {
            let byte = line[index]
            if isPlain(byte), index != marker, index < closingHashes {
                out.append(byte)
            } else if escapes(index) || isLinkTrigger(index) {
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            } else if let control = controlScalar(in: line, at: index) {
                appendReference(control, to: &out)
                if control >= 0x80 { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        for index in high..<line.endIndex { appendReference(UInt32(line[index]), to: &out) }
    }

    /// Bytes that never need a second look: everything but ASCII punctuation with a meaning,
    /// control characters and the first byte of a C1 control.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "<"), UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"),
            UInt8(ascii: "_"), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: ":"),
            UInt8(ascii: "."), 0x7F, 0xC2:
            return false
        default:
            return byte >= 0x20 || byte == MarkdownByte.tab
        }
    }

    /// The index of the byte that would make `body`, at the start of a line, a block marker.
    private static func blockMarkerIndex(in body: Bytes) -> Int? {
        guard let first = body.first else { return nil }
        let start = body.startIndex
        // A table's delimiter row (`:--`, `--:`) makes the line before it a table, even without a `|`.
        if body.contains(UInt8(ascii: "-")),
            body.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || isSpaceOrTab($0) })
        {
            return start
        }
        let endsMarker = body.count == 1 || isSpaceOrTab(body[start + 1])
        switch first {
        case UInt8(ascii: ">"):
            return start
        case UInt8(ascii: "#"):
            let hashes = body.prefix { $0 == UInt8(ascii: "#") }.count
            let after = start + hashes
            return hashes <= 6 && (after == body.endIndex || isSpaceOrTab(body[after])) ? start : nil
        case UInt8(ascii: "+"):
            return endsMarker ? start : nil
        case UInt8(ascii: "-"):
            return endsMarker || body.allSatisfy({ $0 == UInt8(ascii: "-") || isSpaceOrTab($0) }) ? start : nil
        case UInt8(ascii: "="):
            return body.allSatisfy({ $0 == UInt8(ascii: "=") || isSpaceOrTab($0) }) ? start : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // An ordered list item: digits, then `.` or `)`, then a blank or the end of the line.
            let digits = body.prefix { MarkdownByte.isDigit($0) }.count
            let delimiter = start + digits
            guard delimiter < body.endIndex, body[delimiter] == UInt8(ascii: ".") || body[delimiter] == UInt8(ascii: ")")
            else { return nil }
            let after = delimiter + 1
            return after == body.endIndex || isSpaceOrTab(body[after]) ? delimiter : nil
        default:
            return nil
        }
    }

    // MARK: - Characters

    private static func needsEscape(in line: Bytes, at index: Int) -> Bool {
        let next = index + 1 < line.endIndex ? line[index + 1] : nil
        switch line[index] {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "<"), UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            return true
        case UInt8(ascii: "_"):
            // Between two letters or digits `_` can neither open nor close emphasis (snake_case, #to_read).
            return !isWordScalar(MarkdownByte.scalar(endingBefore: index, in: line))
                || !isWordScalar(MarkdownByte.scalar(startingAt: index + 1, in: line))
        case UInt8(ascii: "!"):
            return next == UInt8(ascii: "[")
        case UInt8(ascii: "%"):
            return next == UInt8(ascii: "%") || (index > line.startIndex && line[index - 1] == UInt8(ascii: "%"))
        case UInt8(ascii: "&"):
            return startsReference(line, at: index)
        default:
            return false
        }
    }

    /// Whether the `&` at `index` is followed by what could complete a character reference:
    /// `#`, or letters and digits and then `;`.
    private static func startsReference(_ line: Bytes, at index: Int) -> Bool {
        var cursor = index + 1
        guard cursor < line.endIndex else { return false }
        if line[cursor] == UInt8(ascii: "#") { return true }
        while cursor < line.endIndex, MarkdownByte.isLetterOrDigit(line[cursor]) { cursor += 1 }
        return cursor > index + 1 && cursor < line.endIndex && line[cursor] == UInt8(ascii: ";")
    }

    /// The control character at `index`: C0 other than the tab, DEL, or C1 (two bytes, from its
    /// first). Invisible, and dropped or mangled by many tools, so they are written as references.
    private static func controlScalar(in bytes: Bytes, at index: Int) -> UInt32? {
        let byte = bytes[index]
        if (byte < 0x20 && byte != MarkdownByte.tab) || byte == 0x7F { return UInt32(byte) }
        if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]) {
            return UInt32(bytes[index + 1])
        }
        return nil
    }

    private static func appendReference(_ scalar: UInt32, to out: inout [UInt8]) {
        out += Array("&#\(scalar);".utf8)
    }

    /// What a Markdown reader strips from the ends of a line.
    private static func isStrippedBlank(_ byte: UInt8) -> Bool {
        byte == MarkdownByte.space || byte == MarkdownByte.tab || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == MarkdownByte.space || byte == MarkdownByte.tab
    }

    /// Letters and digits: never punctuation or whitespace to a Markdown reader.
    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
