/// Chooses an article's title when front matter gives none.
enum ArticleTitle {
    /// The first heading's text, else the file name made readable.
    static func fallback(blocks: [Block], fileName: String) -> String {
        if let heading = blocks.first(where: \.isHeading),
            heading.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
        {
            return heading.text
        }
        return readable(fileName: fileName)
    }

    /// "notes/my-great_article.txt" → "My great article": the last path component without its
    /// extension, dashes and underscores as spaces, the first letter capitalised. "Untitled" if
    /// nothing is left.
    static func readable(fileName: String) -> String {
        var name = Substring(fileName)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0.isWhitespace })
        guard let first = words.first?.first else { return "Untitled" }
        let joined = words.joined(separator: " ")
        return first.uppercased() + joined.dropFirst()
    }
}
