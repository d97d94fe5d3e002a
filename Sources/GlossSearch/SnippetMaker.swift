import Foundation

/// The one-line excerpts of search hits, with each match between `«` and `»`.
enum SnippetMaker {
    static let open = "«"
    static let close = "»"
    /// Words FTS5 keeps around the matches.
    static let tokens = 16
    /// Characters kept on each side of a substring match.
    static let context = 30

    /// Marks the first occurrence of any of `literals` (substring matches, as in CJK text) and
    /// keeps `context` characters around it.
    static func mark(_ text: String, literals: [String]) -> String {
        let found = literals.compactMap { literal in text.range(of: literal).map { (literal, $0) } }
            .min { $0.1.lowerBound < $1.1.lowerBound }
        guard let (_, range) = found else { return String(text.prefix(context * 2)) }
        let start = text.index(range.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
        return (start == text.startIndex ? "" : "…") + text[start..<range.lowerBound] + open + text[range] + close
            + text[range.upperBound..<end] + (end == text.endIndex ? "" : "…")
    }

    /// The text on one line: line breaks and tabs become spaces, runs of spaces one.
    static func oneLine(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character.isWhitespace
            if isSpace && lastWasSpace { continue }
            out.append(isSpace ? " " : character)
            lastWasSpace = isSpace
        }
        return out
    }
}
