/// A library-wide search as the user types it (`gloss search`, `S` in the TUI).
///
/// Syntax: words in any order (every one must occur in the same article), `"an exact phrase"`,
/// `-word` or `-"a phrase"` to leave out articles containing it, `#tag` for a note's or an
/// article's tag, and `in:notes` / `in:titles` to search only notes or only titles. Matching is
/// case- and accent-insensitive; words of scripts written without spaces (CJK, Thai, …) match
/// anywhere inside the text. An unclosed quote runs to the end of the query; words made only of
/// punctuation are ignored.
public struct LibraryQuery: Sendable, Hashable {
    /// Where the terms are looked for.
    public enum Scope: String, Sendable, Hashable {
        case everything, notes, titles
    }

    /// One thing to find.
    public enum Term: Sendable, Hashable {
        /// A word; it also matches longer words starting with it ("stable" finds "stablecoin").
        case word(String)
        /// Words that must follow each other exactly; one quoted word matches only itself.
        case phrase([String])
        /// A note tag or an article tag, without its `#`.
        case tag(String)
    }

    public var terms: [Term]
    public var excluded: [Term]
    public var scope: Scope

    public init(terms: [Term] = [], excluded: [Term] = [], scope: Scope = .everything) {
        self.terms = terms
        self.excluded = excluded
        self.scope = scope
    }

    /// Nothing to look for: no term (exclusions alone find nothing).
    public var isEmpty: Bool { terms.isEmpty }

    /// Parses a query; it never fails (stray syntax is taken as words).
    public static func parse(_ text: String) -> LibraryQuery {
        var query = LibraryQuery()
        var scanner = QueryScanner(text)
        while let token = scanner.next() {
            switch token {
            case .bare(let word, let negated):
                if !negated, let scope = scopeFilter(word) {
                    query.scope = scope
                    continue
                }
                guard let term = term(forBare: word) else { continue }
                if negated { query.excluded.append(term) } else { query.terms.append(term) }
            case .quoted(let phrase, let negated):
                let words = phrase.split(whereSeparator: \.isWhitespace).map(String.init).filter(hasWordCharacter)
                guard !words.isEmpty else { continue }
                let term = Term.phrase(words)
                if negated { query.excluded.append(term) } else { query.terms.append(term) }
            }
        }
        return query
    }

    private static func scopeFilter(_ word: String) -> Scope? {
        switch word.lowercased() {
        case "in:notes", "in:note": return .notes
        case "in:titles", "in:title": return .titles
        default: return nil
        }
    }

    private static func term(forBare word: String) -> Term? {
        if word.hasPrefix("#") {
            let tag = String(word.dropFirst())
            return hasWordCharacter(tag) ? .tag(tag) : nil
        }
        return hasWordCharacter(word) ? .word(word) : nil
    }

    /// Punctuation alone matches nothing (the index keeps only letters and digits), so it is dropped.
    private static func hasWordCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

/// Splits a query into bare words and quoted phrases, each maybe preceded by `-`.
private struct QueryScanner {
    enum Token {
        case bare(String, negated: Bool)
        case quoted(String, negated: Bool)
    }

    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func next() -> Token? {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { return nil }
        var negated = false
        if characters[index] == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace {
            negated = true
            index += 1
        }
        if characters[index] == "\"" {
            index += 1
            var phrase = ""
            while index < characters.count, characters[index] != "\"" {
                phrase.append(characters[index])
                index += 1
            }
            index += 1
            return .quoted(phrase, negated: negated)
        }
        var word = ""
        while index < characters.count, !characters[index].isWhitespace, characters[index] != "\"" {
            word.append(characters[index])
            index += 1
        }
        return .bare(word, negated: negated)
    }
}
