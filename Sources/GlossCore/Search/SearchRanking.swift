/// What part of an article a library search hit is in.
public enum SearchHitKind: String, Sendable, Hashable, Codable {
    case text, title, note, tag
}

/// The scoring of library search hits (docs/SEARCH.md, "Ranking").
///
/// A hit is one title, paragraph, note or tag list. Its score is the weight of its kind (a title
/// above a tag, a tag above a note, a note above body text), plus up to 100 for the share of the
/// query's terms it holds itself, plus 100 when they all stand within `nearDistance` words of
/// each other. Equal scores are broken by the article's age (recent first), then by path and ¶.
public enum SearchRanking {
    /// How many words apart the terms may be for the closeness bonus.
    public static let nearDistance = 10

    public static func weight(of kind: SearchHitKind) -> Int {
        switch kind {
        case .title: return 400
        case .tag: return 300
        case .note: return 200
        case .text: return 100
        }
    }

    /// The score of one hit holding `matchedTerms` of the query's `totalTerms`.
    public static func score(kind: SearchHitKind, matchedTerms: Int, totalTerms: Int, termsAreNear: Bool) -> Int {
        let share = totalTerms > 0 ? 100 * min(matchedTerms, totalTerms) / totalTerms : 0
        let closeness = termsAreNear && totalTerms > 1 ? 100 : 0
        return weight(of: kind) + share + closeness
    }

    /// Whether `a` ranks before `b`: higher score, then more recent, then path and paragraph.
    public static func precedes(
        score a: Int, modified aModified: Int64, path aPath: String, paragraph aParagraph: Int,
        score b: Int, modified bModified: Int64, path bPath: String, paragraph bParagraph: Int
    ) -> Bool {
        if a != b { return a > b }
        if aModified != bModified { return aModified > bModified }
        if aPath != bPath { return aPath < bPath }
        return aParagraph < bParagraph
    }
}

/// Scripts written without spaces between words, which the library search matches by substring.
public enum SpacelessScript {
    public static func contains(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isSpaceless)
    }

    public static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF,  // Thai, Lao
             0x1000...0x109F,  // Myanmar
             0x1780...0x17FF,  // Khmer
             0x2E80...0x2FDF,  // CJK radicals
             0x3040...0x30FF,  // Hiragana, Katakana
             0x3100...0x31FF,  // Bopomofo, Hangul compatibility, Katakana extensions
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xAC00...0xD7AF,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFF66...0xFF9F,  // half-width Katakana
             0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }
}
