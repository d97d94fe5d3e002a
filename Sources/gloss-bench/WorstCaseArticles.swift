import GlossCore

/// Generated worst cases for article loading, one or more per format: the inputs that made (or
/// could make) loading super-linear, each about `targetBytes` long.
struct WorstCaseArticles {
    struct Case: Sendable {
        var name: String
        var fileName: String
        var bytes: [UInt8]
        /// The case is refused by design (front matter nested too deep); its time is the refusal's.
        var refused: Bool = false
    }

    var targetBytes = 1_000_000

    var cases: [Case] {
        [
            Case(name: "plain text, one line without spaces", fileName: "line.txt", bytes: repeated("abcdefghij", "")),
            Case(name: "plain text, a million short lines", fileName: "lines.txt", bytes: repeated("a", "\n")),
            Case(name: "Markdown table of 40,000 columns", fileName: "wide.md", bytes: wideTable(columns: max(2, targetBytes / 24))),
            Case(name: "Markdown table, 2 columns, rows of 40,000 cells", fileName: "rows.md", bytes: wideRows()),
            Case(name: "Markdown block quotes nested on one line", fileName: "quotes.md", bytes: repeated(">", "") + Array(" a\n".utf8)),
            Case(name: "Markdown lists nested on one line", fileName: "lists.md", bytes: repeated("- ", "") + Array("a\n".utf8)),
            Case(name: "Markdown quotes and lists alternating", fileName: "mixed.md", bytes: repeated("> - ", "") + Array("a\n".utf8)),
            Case(name: "Markdown emphasis nested", fileName: "emphasis.md", bytes: nestedEmphasis()),
            Case(name: "Markdown links, one paragraph", fileName: "links.md", bytes: repeated("[a](b) ", "")),
            Case(name: "Markdown unclosed brackets", fileName: "brackets.md", bytes: repeated("[", "")),
            Case(name: "Markdown autolink candidates (a@)", fileName: "at.md", bytes: repeated("a@", "")),
            Case(name: "front matter just under the depth limit, 1 MB body", fileName: "deep-ok.md", bytes: deepFrontMatter(levels: YAMLNesting.maximumDepth - 3)),
            Case(name: "front matter of 5,000 '[' (refused)", fileName: "deep.md",
                 bytes: Array(("---\ntitle: " + String(repeating: "[", count: 5_000) + "\n---\nBody.\n").utf8), refused: true),
            Case(name: "front matter of 50,000 keys", fileName: "keys.md", bytes: manyKeys()),
        ]
    }

    /// `piece` + `separator` repeated up to the target size.
    private func repeated(_ piece: String, _ separator: String) -> [UInt8] {
        let unit = Array((piece + separator).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(targetBytes + unit.count)
        while out.count < targetBytes { out += unit }
        return out
    }

    private func row(_ cell: String, columns: Int) -> String {
        "|" + Array(repeating: cell, count: columns).joined(separator: "|") + "|\n"
    }

    private func wideTable(columns: Int) -> [UInt8] {
        var text = row("c", columns: columns) + row("-", columns: columns)
        while text.utf8.count < targetBytes { text += row("x", columns: columns) }
        return Array(text.utf8)
    }

    private func wideRows() -> [UInt8] {
        var text = "|a|b|\n|-|-|\n"
        let wide = row("x", columns: 40_000)
        repeat { text += wide } while text.utf8.count < targetBytes
        return Array(text.utf8)
    }

    private func nestedEmphasis() -> [UInt8] {
        let half = targetBytes / 2
        return Array((String(repeating: "*", count: half) + "a" + String(repeating: "*", count: half) + "\n").utf8)
    }

    /// Flow and block nesting that stays just under the limit, then a large body.
    private func deepFrontMatter(levels: Int) -> [UInt8] {
        let yaml = "title: Deep\ntags: " + String(repeating: "[", count: levels) + "a" + String(repeating: "]", count: levels) + "\n"
        return Array(("---\n" + yaml + "---\n").utf8) + repeated("Body text of the deep article. ", "\n")
    }

    private func manyKeys() -> [UInt8] {
        var yaml = "---\ntitle: Keys\n"
        var number = 0
        while yaml.utf8.count < targetBytes {
            yaml += "key\(number): value \(number)\n"
            number += 1
        }
        return Array((yaml + "---\nBody.\n").utf8)
    }
}
