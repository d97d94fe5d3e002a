/// Reads style specs such as `"bold yellow on blue"`, `"underline"` or `"default"`:
/// attributes and at most one foreground colour, then optionally `on` and a background colour.
enum StyleSpec {
    enum Failure: Error, Equatable {
        /// A word that is neither an attribute nor a colour.
        case unknownWord(String, suggestion: String?)
        /// The words are known but don't form a style.
        case malformed(String)
    }

    static let attributeNames: [String: Attributes] = [
        "bold": .bold, "underline": .underline, "reverse": .reverse, "italic": .italic, "dim": .dim,
    ]

    static func parse(_ spec: String) -> Result<Style, Failure> {
        let words = spec.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return .failure(.malformed("a style is empty; use \"default\" for plain text")) }
        var style = Style()
        var foreground: Color?
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if let attribute = attributeNames[word] {
                style.attributes.insert(attribute)
            } else if word == "on" {
                guard index < words.count else { return .failure(.malformed("\"on\" must be followed by a colour")) }
                guard let background = color(named: words[index]) else { return .failure(unknown(words[index])) }
                guard index + 1 == words.count else {
                    return .failure(.malformed("the background colour after \"on\" must come last"))
                }
                style.background = background
                index += 1
            } else if let color = color(named: word) {
                guard foreground == nil else { return .failure(.malformed("more than one foreground colour")) }
                foreground = color
                style.foreground = color
            } else {
                return .failure(unknown(word))
            }
        }
        return .success(style)
    }

    /// A named colour, or `colorN` / `colourN` for entry N of the 256-colour palette.
    static func color(named name: String) -> Color? {
        if let color = Color.named[name] { return color }
        for prefix in ["color", "colour"] where name.hasPrefix(prefix) {
            if let index = UInt8(name.dropFirst(prefix.count)) { return .indexed(index) }
        }
        return nil
    }

    private static func unknown(_ word: String) -> Failure {
        .unknownWord(word, suggestion: Suggestion.closest(to: word, in: Array(Color.named.keys) + Array(attributeNames.keys)))
    }
}
