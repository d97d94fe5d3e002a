/// An upper bound on how deeply a YAML document nests, found in one linear pass before the YAML
/// parser sees it.
///
/// The composer under Yams recurses once per level of nesting and cannot be bounded from outside:
/// 5,000 `[` in a front matter block exhaust the stack and kill the process. So the text is
/// measured first, and front matter that may nest deeper than ``maximumDepth`` is never parsed.
///
/// The bound only has to be safe, never exact: every `[` and `{` counts as a level wherever it
/// stands (in a quoted string, a plain scalar or a block scalar too), a `]` or `}` closes one,
/// and block nesting counts twice per indentation step (a sequence may sit at the same indent as
/// its key) plus one per `- `, `? ` or `: ` that opens the line. Only comments (`#` at the start
/// or after a blank) are skipped, as YAML never reads structure in them. Real front matter nests
/// a few levels; reaching the limit takes dozens of unclosed brackets or indentation steps.
public enum YAMLNesting {
    /// Deeper than this (by the bound above) is refused. The composer's real depth is at most
    /// this, far below what any thread's stack holds.
    public static let maximumDepth = 100

    /// Whether `yaml` may nest deeper than `limit`. Stops as soon as the bound passes the limit,
    /// so the work is at most linear in the text.
    public static func exceeds(_ limit: Int = maximumDepth, in yaml: some Collection<UInt8>) -> Bool {
        var scanner = Scanner(limit: limit)
        for byte in yaml where scanner.consume(byte) { return true }
        return scanner.endLine()
    }

    private struct Scanner {
        let limit: Int
        /// Open `[` and `{`, wherever they stand.
        var brackets = 0
        /// The distinct increasing indents of the lines above that are still open.
        var indents: [Int] = []
        var indent = 0
        var atIndent = true
        /// `- `, `? ` and `: ` opening the current line, one after the other.
        var indicators = 0
        var inIndicators = false
        /// An indicator was just read; a blank (or the line's end) makes it count.
        var pendingIndicator = false
        var previousIsBlank = true
        var inComment = false

        init(limit: Int) { self.limit = limit }

        /// Takes one byte; true as soon as the bound passes the limit.
        mutating func consume(_ byte: UInt8) -> Bool {
            if byte == 0x0A { return endLine() }
            if inComment { return false }
            let isBlank = byte == 0x20 || byte == 0x09
            if atIndent {
                if byte == 0x20 {
                    indent += 1
                    return false
                }
                atIndent = false
                openLine()
            }
            defer { previousIsBlank = isBlank }
            if inIndicators {
                if isBlank {
                    if pendingIndicator { indicators += 1 }
                    pendingIndicator = false
                    if depth > limit { return true }
                } else if !pendingIndicator, Self.isIndicator(byte) {
                    pendingIndicator = true
                    return false
                } else {
                    inIndicators = false
                    pendingIndicator = false
                }
            }
            switch byte {
            case UInt8(ascii: "#") where previousIsBlank:
                inComment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                return depth > limit
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                brackets = max(0, brackets - 1)
            default:
                break
            }
            return false
        }

        /// Ends the current line; true when its bound passes the limit (an indicator at the end
        /// of the line opens a level too).
        mutating func endLine() -> Bool {
            if inIndicators, pendingIndicator { indicators += 1 }
            let passed = !atIndent && depth > limit
            indent = 0
            indicators = 0
            atIndent = true
            inIndicators = false
            pendingIndicator = false
            previousIsBlank = true
            inComment = false
            return passed
        }

        /// The line's first significant byte: its indentation closes the deeper lines above and
        /// opens a level when it is deeper than the line before.
        private mutating func openLine() {
            while let last = indents.last, last > indent { indents.removeLast() }
            if indents.last != indent { indents.append(indent) }
            inIndicators = true
        }

        private var depth: Int { 2 * indents.count + indicators + brackets }

        private static func isIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
        }
    }
}
