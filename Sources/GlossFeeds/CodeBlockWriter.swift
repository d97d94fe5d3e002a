/// Writes preformatted text as fenced code blocks and inline code as code spans.
enum CodeBlockWriter {
    /// A fenced code block for a `<pre>`, with its language from a `language-…` class; nil when empty.
    static func block(of element: XMLNode) -> String? {
        var text = sanitized(element.text)
        if text.hasPrefix("\n") { text.removeFirst() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard !lines.isEmpty else { return nil }
        let body = lines.joined(separator: "\n")
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
        let language = self.language(of: element) ?? element.firstElement("code").flatMap(language) ?? ""
        return fence + language + "\n" + body + "\n" + fence
    }

    /// A code span for inline code, its backtick fence longer than any run inside; nil when blank.
    static func codeSpan(_ raw: String) -> String? {
        var text = ""
        var pendingSpace = false
        for scalar in sanitized(raw).unicodeScalars {
            if scalar == "\n" || scalar == " " {
                pendingSpace = !text.isEmpty
            } else {
                if pendingSpace { text += " " }
                pendingSpace = false
                text.unicodeScalars.append(scalar)
            }
        }
        guard !text.isEmpty else { return nil }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " " + text + " " : text
        return fence + padded + fence
    }

    /// Tabs expanded to the next multiple of four columns, CR and other control characters dropped.
    private static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                out.append("\n")
                column = 0
            case "\t":
                let width = 4 - column % 4
                out.append(contentsOf: repeatElement(" ", count: width))
                column += width
            case "\u{A0}":
                out.append(" ")
                column += 1
            default:
                guard !TextScalar.isControl(scalar) else { continue }
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// `language-swift`, `lang-swift` or `highlight-source-swift` in the class list.
    private static func language(of element: XMLNode) -> String? {
        guard let classes = element.attribute("class") else { return nil }
        for name in classes.split(separator: " ") {
            for prefix in ["language-", "lang-", "highlight-source-"] where name.hasPrefix(prefix) {
                let language = name.dropFirst(prefix.count).filter {
                    $0.isASCII && ($0.isLetter || $0.isNumber || "+-#_.".contains($0))
                }
                if !language.isEmpty { return String(language) }
            }
        }
        return nil
    }
}
