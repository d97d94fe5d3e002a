import GlossCore

/// Renders an article as plain text lines, as the reader lays it out (`gloss dump`).
public enum PlainTextRenderer {
    /// The title block followed by every block's lines at `width` columns, trailing spaces removed.
    /// An article that opens with its title as a heading shows it once, as the title. Code lines
    /// are printed whole, never wrapped, so they can be copied from the output.
    public static func lines(of article: Article, width: Int) -> [String] {
        let width = max(10, width)
        var out: [String] = []
        let meta = article.metadata
        let titleLines = TextWrapper.wrap(meta.title, width: width).map(text(of:))
        out.append(contentsOf: titleLines)
        out.append(String(repeating: "=", count: min(width, titleLines.map { DisplayWidth.of($0) }.max() ?? 0)))
        let byline = [meta.author, meta.source, meta.date].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { out.append(TerminalSafe.visible(byline.joined(separator: " · "))) }
        out.append("")
        guard !article.blocks.isEmpty else {
            out.append("(empty article)")
            return out
        }
        let layout = ArticleLayout(blocks: article.blocks, width: width, wrapsCode: false)
        let opensWithTitle = article.blocks.first.map { $0.isHeading && $0.text == meta.title } ?? false
        for index in article.blocks.indices.dropFirst(opensWithTitle ? 1 : 0) {
            for line in layout.lines(of: index) {
                let body = line.text.map(text(of:)) ?? ""
                out.append(trimTrailing(line.text == nil ? "" : line.prefix + body))
            }
        }
        return out
    }

    static func text(of line: WrappedLine) -> String {
        line.glyphs.map(\.text).joined()
    }

    static func trimTrailing(_ s: String) -> String {
        var sub = Substring(s)
        while sub.last == " " { sub = sub.dropLast() }
        return String(sub)
    }
}
