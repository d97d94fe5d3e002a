/// A note in a Markdown export: the user's own Markdown, written as they wrote it, so wikilinks
/// (`[[Town budget 2025]]`), emphasis, lists and links keep working in Obsidian or any renderer.
///
/// Only what would break the export around the note is guarded, each time as little as possible:
/// - a line that would turn the line before it into a heading or draw a rule, which could end the
///   highlight's section in a reader of the file (`---`, `===`, `***`, `___`): a `\` before it;
/// - an ATX heading (`## Idea`), which would start a section of its own: a `\` before the `#`;
/// - a block id at the end of a line (`^gloss-3f9a2c`), which would take over a highlight's
///   link target: a `\` before the `^`;
/// - a code fence left open, which would swallow every highlight after it: closed after the note;
/// - a raw HTML block that only ends at a marker the note never has (`<!--` without `-->`,
///   `<script>`, `<pre>`, …), for the same reason: a `\` before its `<`.
/// Control characters (other than the tab) become numeric references, as everywhere in exports.
public enum MarkdownNote {
    /// The note's Markdown; nil when it is empty or blank.
    public static func markdown(of note: String) -> String? {
        var lines = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { lines.removeLast() }
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            lines.removeFirst()
        }
        guard !lines.isEmpty else { return nil }

        var fence: (marker: Character, length: Int)?
        var out: [String] = []
        out.reserveCapacity(lines.count + 1)
        for (index, line) in lines.enumerated() {
            var line = withReferences(line)
            if let open = fence {
                if let closing = Self.fence(in: line), closing.marker == open.marker, closing.length >= open.length,
                    closing.isBare
                {
                    fence = nil
                }
                out.append(line)
                continue
            }
            if let opening = Self.fence(in: line) {
                fence = (opening.marker, opening.length)
                out.append(line)
                continue
            }
            if let end = rawHTMLEnd(of: line), !lines[index...].contains(where: { $0.lowercased().contains(end) }) {
                // An HTML block that is never closed would run on over every highlight after it.
                let indent = line.prefix { $0 == " " }.count
                line = String(line.prefix(indent)) + "\\" + line.dropFirst(indent)
            }
            out.append(guarded(line))
        }
        if let open = fence { out.append(String(repeating: open.marker, count: open.length)) }
        return out.joined(separator: "\n")
    }

    /// The line with a `\` where it would break the export's structure.
    static func guarded(_ line: String) -> String {
        var result = line
        let indent = line.prefix { $0 == " " }.count
        if indent <= 3 {
            let body = line.dropFirst(indent)
            if isRuleOrUnderline(body) || isHeading(body) {
                result = String(line.prefix(indent)) + "\\" + body
            }
        }
        return guardingBlockID(result)
    }

    /// `---`, `- - -`, `***`, `___`, or a setext underline (`===`, `-`).
    private static func isRuleOrUnderline(_ body: Substring) -> Bool {
        let marks = body.filter { $0 != " " && $0 != "\t" }
        guard let first = marks.first, "-=*_".contains(first), marks.allSatisfy({ $0 == first }) else { return false }
        if first == "=" || first == "-" {
            // An underline is one run of marks; `- - -` is a rule. Either breaks the structure.
            return true
        }
        return marks.count >= 3
    }

    private static func isHeading(_ body: Substring) -> Bool {
        let hashes = body.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return false }
        let rest = body.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// Escapes the `^` of a trailing ` ^id` (letters, digits and `-`), Obsidian's block id.
    private static func guardingBlockID(_ line: String) -> String {
        var trimmed = Substring(line)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        guard let caret = trimmed.lastIndex(of: "^") else { return line }
        let id = trimmed[trimmed.index(after: caret)...]
        guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else {
            return line
        }
        if caret != line.startIndex {
            let before = line[line.index(before: caret)]
            guard before == " " || before == "\t" else { return line }
        }
        return String(line[..<caret]) + "\\" + String(line[caret...])
    }

    /// What ends the raw HTML block a line opens, for the kinds that only end there (not at a
    /// blank line): `<script>`, `<pre>`, `<style>`, `<textarea>`, comments, `<?…?>`, `<!X…>` and
    /// CDATA. Nil when the line opens none of them.
    private static func rawHTMLEnd(of line: String) -> String? {
        // Scalars, not characters: a combining mark joins the last `-` of `<!--` (or the last
        // letter of `<script`) into one character, but CommonMark still sees the block open.
        let scalars = Array(line.lowercased().unicodeScalars)
        let indent = scalars.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let body = scalars[indent...]
        func opens(_ text: String) -> Bool { body.starts(with: text.unicodeScalars) }
        guard opens("<") else { return nil }
        if opens("<!--") { return "-->" }
        if opens("<![cdata[") { return "]]>" }
        if opens("<?") { return "?>" }
        if opens("<!"), let letter = body.dropFirst(2).first, letter.isASCII, letter.properties.isAlphabetic {
            return ">"
        }
        for tag in ["script", "pre", "style", "textarea"] where opens("<" + tag) {
            let after = body.dropFirst(tag.count + 1).first
            if after == nil || after == " " || after == ">" || after == "\t" { return "</" + tag + ">" }
        }
        return nil
    }

    /// A fence line: up to 3 spaces, then 3 or more backticks or tildes. `isBare` when nothing
    /// but blanks follows, as a closing fence needs.
    private static func fence(in line: String) -> (marker: Character, length: Int, isBare: Bool)? {
        // Scalars, not characters: a mark such as U+FE0F joins the last `~` into one character,
        // but CommonMark still counts the tilde.
        let scalars = line.unicodeScalars
        let indent = scalars.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let body = scalars.dropFirst(indent)
        guard let marker = body.first, marker == "`" || marker == "~" else { return nil }
        let length = body.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        let info = body.dropFirst(length)
        // A backtick fence's info string may not hold a backtick.
        if marker == "`", info.contains("`") { return nil }
        return (Character(marker), length, info.allSatisfy { $0 == " " || $0 == "\t" })
    }

    /// Control characters other than the tab as numeric references: invisible, and mangled by
    /// many tools.
    private static func withReferences(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isControl) else { return line }
        var out = ""
        for scalar in line.unicodeScalars {
            if isControl(scalar) {
                out += "&#\(scalar.value);"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
