/// Finds the headings of a plain-text article, which has no markup to say so.
///
/// A paragraph is a *heading candidate* when it is a single line that
/// - is short: 1 to 80 characters and at most 12 words;
/// - contains a letter, and starts with a letter, a digit or an opening quote or bracket
///   (so lines such as `# tag`, `> quote`, `* item` or `---` stay ordinary text);
/// - does not end with closing punctuation: `.` `!` `,` `;` `:` `…` (and their full-width forms)
///   or a dash, even when followed by closing quotes or brackets. A trailing `?` is allowed,
///   since headlines ask questions.
///
/// A candidate becomes a level-2 heading only when a paragraph follows it (a heading is never the
/// last paragraph) and neither neighbour is a candidate itself, so runs of short lines (addresses,
/// verse, lists, sign-offs) stay text.
enum PlainHeadingRule {
    static let maxCharacters = 80
    static let maxWords = 12
    /// Longest UTF-8 encoding of a candidate; longer lines are rejected without decoding.
    static let maxBytes = maxCharacters * 4

    private static let closingPunctuation: Set<Unicode.Scalar> = [
        ".", "!", ",", ";", ":", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF0C}", "\u{FF1B}", "\u{FF1A}",
        "\u{FF0E}", "\u{3001}", "-", "\u{2013}", "\u{2014}",
    ]
    private static let closingMarks: Set<Unicode.Scalar> = [
        "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", ")", "]", "}", "\u{300D}", "\u{300F}",
    ]
    private static let openingMarks: Set<Unicode.Scalar> = [
        "\"", "'", "\u{201C}", "\u{2018}", "\u{00AB}", "(", "[", "\u{300C}", "\u{300E}",
    ]

    /// Whether a one-line paragraph looks like a heading on its own.
    static func isCandidate(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        guard let first = scalars.first else { return false }
        guard isLetter(first) || isDigit(first) || openingMarks.contains(first) else { return false }

        var characters = 0
        var words = 0
        var inWord = false
        var hasLetter = false
        for scalar in scalars {
            characters += 1
            if characters > maxCharacters { return false }
            if isWhitespace(scalar) {
                inWord = false
                continue
            }
            if !inWord {
                words += 1
                inWord = true
            }
            if !hasLetter, isLetter(scalar) { hasLetter = true }
        }
        guard hasLetter, words <= maxWords else { return false }
        guard let last = scalars.last(where: { !closingMarks.contains($0) && !isWhitespace($0) }) else { return false }
        return !closingPunctuation.contains(last)
    }

    // Unicode property lookups are slow, and this runs on every short line of large files,
    // so ASCII is answered directly.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType != nil
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Which paragraphs are headings, given which are candidates (see the type's rule).
    static func headings(candidates: [Bool]) -> [Bool] {
        candidates.indices.map { index in
            candidates[index]
                && index + 1 < candidates.count && !candidates[index + 1]
                && (index == 0 || !candidates[index - 1])
        }
    }
}
