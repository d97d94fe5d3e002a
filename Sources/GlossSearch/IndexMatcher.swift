import Foundation
import GlossCore

/// How one query term is looked up in the index.
enum IndexMatcher: Hashable {
    /// An FTS5 expression against the `words` table.
    case words(String)
    /// A substring of three or more scalars, through the trigram table.
    case grams(String)
    /// A shorter substring: compared directly, only on rows in scripts without spaces.
    case contains(String)

    /// The matcher for a term, and whether it only looks at tag rows.
    static func make(_ term: LibraryQuery.Term) -> (matcher: IndexMatcher, tagsOnly: Bool) {
        switch term {
        case .word(let word):
            return (substring(word) ?? .words(quoted(word) + "*"), false)
        case .phrase(let words):
            let joined = words.joined(separator: " ")
            return (substring(joined) ?? .words(quoted(joined)), false)
        case .tag(let tag):
            // Tags are whole words: a tag in a script without spaces is compared whole too.
            return (SpacelessScript.contains(tag) ? .contains(tag) : .words(quoted(tag)), true)
        }
    }

    private static func substring(_ text: String) -> IndexMatcher? {
        guard SpacelessScript.contains(text) else { return nil }
        return text.unicodeScalars.count >= 3 ? .grams(quoted(text)) : .contains(text)
    }

    /// An FTS5 string: every character literal, `"` doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The `FROM … WHERE` part selecting `r.id, r.article, r.kind, r.paragraph` of matching rows.
    var sql: String {
        switch self {
        case .words: return "FROM words JOIN rows r ON r.id = words.rowid WHERE words MATCH ?1"
        case .grams: return "FROM grams JOIN rows r ON r.id = grams.rowid WHERE grams MATCH ?1"
        case .contains: return "FROM rows r WHERE r.spaceless = 1 AND instr(r.text, ?1) > 0"
        }
    }

    var argument: String {
        switch self {
        case .words(let text), .grams(let text), .contains(let text): return text
        }
    }

    /// The text a snippet marks for a substring matcher.
    var literal: String? {
        switch self {
        case .words: return nil
        case .grams(let quoted): return String(quoted.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        case .contains(let text): return text
        }
    }
}

extension LibraryQuery.Scope {
    /// The SQL condition on `r` limiting rows to the scope.
    var sql: String {
        switch self {
        case .everything: return "1"
        case .notes: return "r.quote IS NOT NULL"
        case .titles: return "r.kind = 'title'"
        }
    }
}
