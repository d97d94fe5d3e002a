/// Finds a `[table]` header whose name starts with a character no TOML key can start with.
///
/// The TOML parser (toml++, under TOMLKit) asserts on such a header instead of reporting it
/// (`[|x]`, `[ =]`, `[` at the end of a line): the process aborts, or, where assertions are
/// compiled out, the parser's assumption is undefined behaviour. So these headers are found
/// first and reported as a syntax error. The scan tracks strings, comments and the brackets of
/// values, so a line starting with `[` inside a multi-line array is not taken for a header.
enum TOMLHeaderCheck {
    /// The 1-based line and column of the first such header, or nil when there is none.
    static func firstBadHeader(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        /// Open `[` and `{` of values: a `[` at the start of a line is a header only outside them.
        var depth = 0
        var atLineStart = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> (line: Int, column: Int)? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    lineStart = index + 1
                    atLineStart = true
                    index += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                case UInt8(ascii: "#"):
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                    atLineStart = false
                case UInt8(ascii: "["):
                    if depth == 0 && atLineStart {
                        if let bad = checkHeader() { return bad }
                    } else {
                        depth += 1
                    }
                    atLineStart = false
                    index += 1
                case UInt8(ascii: "{"):
                    depth += 1
                    atLineStart = false
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                    atLineStart = false
                    index += 1
                default:
                    atLineStart = false
                    index += 1
                }
            }
            return nil
        }

        /// Checks the header whose `[` is at `index`: after `[` or `[[` and blanks must come a
        /// key (a bare-key character or a quote) or the `]` the parser reports itself.
        private func checkHeader() -> (line: Int, column: Int)? {
            var next = index + 1
            if next < bytes.count, bytes[next] == UInt8(ascii: "[") { next += 1 }
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            guard next < bytes.count else { return nil }
            let byte = bytes[next]
            let startsKey = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]")
            if startsKey { return nil }
            let column = String(decoding: bytes[lineStart..<next], as: UTF8.self).count + 1
            return (line, column)
        }

        /// Moves past the string opening at `index` (basic or literal, single- or multi-line).
        private mutating func skipString(quote: UInt8) {
            let isMultiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += isMultiLine ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\""), index + 1 < bytes.count {
                    index += 1
                    if bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    guard isMultiLine else { return }
                    line += 1
                    lineStart = index + 1
                }
                if byte == quote {
                    if !isMultiLine {
                        index += 1
                        return
                    }
                    if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                        index += 3
                        return
                    }
                }
                index += 1
            }
        }
    }
}
