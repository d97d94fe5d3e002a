/// Chooses an article's title when front matter gives none.
///
/// The title is a heading that opens the article: its first block, when that is a Markdown
/// level-1 heading or a plain-text heading line. A heading further in names a section, never the
/// article, so without an opening heading the title is the file name made readable.
enum ArticleTitle {
    /// The opening heading's text, else the file name made readable.
    static func fallback(blocks: [Block], format: ArticleFormat, fileName: String) -> String {
        if let heading = openingHeading(of: blocks, format: format) { return heading }
        return readable(fileName: fileName)
    }

    /// The text of the first block when it is a title heading, nil otherwise.
    static func openingHeading(of blocks: [Block], format: ArticleFormat) -> String? {
        guard let first = blocks.first, case .heading(let level) = first.kind else { return nil }
        // Plain text has one heading level; in Markdown only `#` names the whole document.
        if format == .markdown, level != 1 { return nil }
        guard first.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        return first.text
    }

    /// "notes/my-great_article.txt" → "My Great Article": the last path component without its
    /// extension, dashes and underscores as spaces, each word's first letter capitalised.
    /// "Untitled" if nothing is left.
    static func readable(fileName: String) -> String {
        var name = Substring(fileName)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0.isWhitespace })
        guard !words.isEmpty else { return "Untitled" }
        return words.map { word in
            guard let first = word.first else { return String(word) }
            return first.uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
