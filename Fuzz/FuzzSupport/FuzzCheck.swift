#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Property checks inside a fuzz target. A broken property aborts, which libFuzzer records as a
/// crash with the input that caused it, exactly like a trap or a sanitizer report.
public enum FuzzCheck {
    public static func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition else { return }
        let report = Array("fuzz property failed at \(file):\(line): \(message())\n".utf8)
        _ = report.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }

    /// Pieces of text that mean something to Markdown, YAML, JSON, TOML or Unicode, mixed with
    /// plain letters: texts built from them reach the interesting cases far sooner than random bytes.
    public static let hazardousPieces: [String] = [
        "a", "b", "Z", "7", "word", "the ", " ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r",
        "*", "_", "`", "[", "]", "(", ")", "<", ">", "!", "&", "&amp;", "&#", "&#x41;", ";", "#", "# ", "##",
        "-", "- ", "+ ", "=", "1.", "2)", "\\", "|", "^", "$", "%", "~", ":", ": ", "'", "\"", "{", "}", "@", ".",
        "漢", "字", "😀", "👩🏽‍🔬", "🇯🇵", "ש", "ل", "\u{301}", "e\u{301}", "\u{338}", "\u{200D}", "\u{FE0F}", "ก่",
        "\u{1}", "\u{1B}", "\u{1B}[31m", "\u{1B}]52;c;", "\u{7}", "\u{7F}", "\u{85}", "\u{9B}", "\u{0B}", "\u{0C}",
        "\u{A0}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{FFFD}", "\u{10FFFF}",
        "www.x.org", "http://a.b/c_d", "a@b.co", "---", "===", "```", "~~~", "    ", "#tag", " #tag", "^gloss-abc123",
        "<div>", "</b>", "<!--", "[[", "]]", "![", "](", "\\\n", "  \n", " \n", "\n:--", "\n--:", "\n:-:\n",
        "Ａ", "ﬁ", "Å", "Å", "ᄀ", "각", "\u{0300}\u{0301}\u{0302}", ",", "? ", "...", "\u{2014}", "\u{00AD}",
    ]
}
