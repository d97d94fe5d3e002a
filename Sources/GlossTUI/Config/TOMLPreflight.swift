/// Finds the few malformed constructs that the TOML parser (toml++, under TOMLKit) asserts on
/// instead of reporting: a table header whose name starts with a character no key can start
/// with (`[|x]`, `[ =]`, `[` at the end of a line), and, where an array expects a value, a `}` or
/// a Unicode line separator (`[}`, `[1, }`). An assertion aborts gloss; where assertions are
/// compiled out, the parser's assumption is undefined behaviour. So these are found first and
/// reported as syntax errors. The scan tracks strings, comments and the brackets of values, so a
/// line starting with `[` inside a multi-line array is not taken for a header.
///
/// It also bounds what the parser would spend super-linear time or memory on, or recurse into:
/// a key of more than ``maximumKeyParts`` dotted parts (`[a.a.a.…]` of 10,000 parts took 0.8 GB),
/// arrays and inline tables nested more than ``maximumNesting`` deep, and a line longer than
/// ``maximumLineLength`` bytes. And a NUL byte is refused: the parser reads a C string and would
/// silently ignore everything after it. Every TOML file Gloss reads (`config.toml`, `feeds.toml`)
/// goes through here first.
public enum TOMLPreflight {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    static let badTableName = "a table name must start with a letter, a digit, '-', '_' or a quote"
    static let badArrayValue = "expected a value or ']' in the array"

    public static let maximumKeyParts = 64
    public static let maximumNesting = 64
    public static let maximumLineLength = 65_536

    static let nulByte = "NUL byte: this is not a text file"
    static let tooManyKeyParts = "a key has more than \(maximumKeyParts) dotted parts"
    static let nestedTooDeep = "arrays and inline tables nested more than \(maximumNesting) deep"
    static let lineTooLong = "a line is longer than \(maximumLineLength) bytes"

    /// The first such construct, or nil when there is none.
    public static func firstProblem(in text: String) -> Problem? {
        let bytes = Array(text.utf8)
        if let problem = nulOrLongLine(in: bytes) { return problem }
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    /// A NUL byte (its column counts bytes), or the first line longer than the limit.
    private static func nulOrLongLine(in bytes: [UInt8]) -> Problem? {
        var line = 1
        var lineStart = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { return Problem(line: line, column: offset - lineStart + 1, message: nulByte) }
            if byte == 0x0A {
                line += 1
                lineStart = offset + 1
            } else if offset - lineStart == maximumLineLength {
                let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
                return Problem(line: line, column: column, message: lineTooLong)
            }
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        /// Open `[` and `{` of values: a `[` at the start of a line is a header only outside them.
        var open: [UInt8] = []
        var atLineStart = true
        /// Right after an array's `[` or a `,` in it: the next significant character is a value.
        var expectsArrayValue = false
        /// The parts of the key being read: set at the start of a key (a line's first character
        /// outside values, or after `{` or `,` in an inline table), cleared by its `=`.
        var keyParts: Int?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> Problem? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    lineStart = index + 1
                    atLineStart = true
                    keyParts = nil
                    index += 1
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "#"):
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                default:
                    break
                }
                if expectsArrayValue, byte == UInt8(ascii: "}") || isUnicodeLineBreak(at: index) {
                    return problem(at: index, Self.badArrayValueMessage)
                }
                expectsArrayValue = false
                let isHeader = byte == UInt8(ascii: "[") && open.isEmpty && atLineStart
                if atLineStart, open.isEmpty, !isHeader { keyParts = 1 }
                atLineStart = false
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                    continue
                case UInt8(ascii: "[") where isHeader:
                    if let bad = checkHeader() { return bad }
                    keyParts = 1
                    if bytes.count > index + 1, bytes[index + 1] == UInt8(ascii: "[") { index += 1 }
                case UInt8(ascii: "]") where keyParts != nil && open.isEmpty:
                    keyParts = nil
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    open.append(byte)
                    if open.count > TOMLPreflight.maximumNesting { return problem(at: index, TOMLPreflight.nestedTooDeep) }
                    expectsArrayValue = byte == UInt8(ascii: "[")
                    keyParts = byte == UInt8(ascii: "{") ? 1 : nil
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    _ = open.popLast()
                case UInt8(ascii: ","):
                    expectsArrayValue = open.last == UInt8(ascii: "[")
                    if open.last == UInt8(ascii: "{") { keyParts = 1 }
                case UInt8(ascii: "="):
                    keyParts = nil
                case UInt8(ascii: ".") where keyParts != nil:
                    keyParts = (keyParts ?? 0) + 1
                    if (keyParts ?? 0) > TOMLPreflight.maximumKeyParts {
                        return problem(at: index, TOMLPreflight.tooManyKeyParts)
                    }
                default:
                    break
                }
                index += 1
            }
            return nil
        }

        private static let badArrayValueMessage = TOMLPreflight.badArrayValue

        /// U+0085, U+2028 or U+2029, which toml++ takes for line breaks but not inside arrays.
        private func isUnicodeLineBreak(at index: Int) -> Bool {
            if bytes[index] == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0x85 }
            return bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        }

        /// Checks the header whose `[` is at `index`: after `[` or `[[` and blanks must come a
        /// key (a bare-key character or a quote) or the `]` the parser reports itself.
        private func checkHeader() -> Problem? {
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
            return startsKey ? nil : problem(at: next, TOMLPreflight.badTableName)
        }

        private func problem(at offset: Int, _ message: String) -> Problem {
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
            return Problem(line: line, column: column, message: message)
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
