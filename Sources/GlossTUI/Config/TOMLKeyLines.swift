/// Finds the line a key or table was written on. TOMLKit reports positions for syntax
/// errors only, so error messages for valid TOML rely on this light scan of the source:
/// it tracks `[table]` / `[[table]]` headers and `key =` lines, skipping multi-line strings.
struct TOMLKeyLines {
    private var lines: [[String]: Int] = [:]
    private let sourceLines: [Substring]

    init(text: String) {
        // "\r\n" is a single Character, so CRLF files need it named as a separator too.
        sourceLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var table: [String] = []
        var openString: String?
        for (index, rawLine) in sourceLines.enumerated() {
            let lineNumber = index + 1
            if let delimiter = openString {
                if Self.count(of: delimiter, in: rawLine) % 2 == 1 { openString = nil }
                continue
            }
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" })
                if let (path, _) = Self.keyPath(in: inner), !path.isEmpty {
                    table = path
                    record(path, line: lineNumber)
                }
                continue
            }
            guard let (path, rest) = Self.keyPath(in: line), !path.isEmpty, rest.first == "=" else { continue }
            record(table + path, line: lineNumber)
            let value = rest.dropFirst()
            for delimiter in ["\"\"\"", "'''"] where Self.count(of: delimiter, in: value) % 2 == 1 {
                openString = delimiter
            }
        }
    }

    /// The line of the key or table at `path` (its first mention), if written in the file.
    func line(of path: [String]) -> Int? {
        lines[path]
    }

    /// The first line at or after `start` containing `value` as a quoted string, for values
    /// inside arrays that span lines.
    func line(ofQuoted value: String, from start: Int) -> Int? {
        let needles = ["\"\(value)\"", "'\(value)'"]
        for index in max(0, start - 1)..<sourceLines.count {
            let line = sourceLines[index]
            if needles.contains(where: { line.contains($0) }) { return index + 1 }
        }
        return nil
    }

    /// Records `path` and the tables it implies, keeping the first mention of each.
    private mutating func record(_ path: [String], line: Int) {
        for length in 1...path.count where lines[Array(path.prefix(length))] == nil {
            lines[Array(path.prefix(length))] = line
        }
    }

    /// Reads a dotted key (bare, "basic" or 'literal' parts) and returns it with the text after it,
    /// leading blanks removed; nil when the text does not start with a key.
    private static func keyPath(in text: Substring) -> ([String], Substring)? {
        var path: [String] = []
        var rest = text
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                guard let (part, after) = quoted(rest, quote: first) else { return nil }
                path.append(part)
                rest = after
            } else {
                let bare = rest.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                guard !bare.isEmpty else { return nil }
                path.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard rest.first == "." else { return (path, rest) }
            rest = rest.dropFirst()
        }
    }

    /// A quoted key starting at `text`'s first character, with simple escapes undone.
    private static func quoted(_ text: Substring, quote: Character) -> (String, Substring)? {
        var part = ""
        var rest = text.dropFirst()
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == quote { return (part, rest) }
            if character == "\\", quote == "\"", let escaped = rest.first {
                rest = rest.dropFirst()
                switch escaped {
                case "n": part.append("\n")
                case "t": part.append("\t")
                default: part.append(escaped)
                }
            } else {
                part.append(character)
            }
        }
        return nil
    }

    private static func count(of delimiter: String, in text: Substring) -> Int {
        var count = 0
        var rest = text
        while let range = rest.firstRange(of: delimiter) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
