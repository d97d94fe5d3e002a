/// Finds the `#tags` in a note.
///
/// A tag is `#` followed by Unicode letters, digits, `-` or `_`. The `#` must start the note or
/// follow whitespace or opening punctuation, so "C#", "issue#3" and URL fragments are not tags.
/// Trailing `-`/`_` are dropped ("#draft-" at the end of a clause is "draft"); a tag made only of
/// them is ignored. Tags keep their first spelling and repeat case-insensitively only once.
public enum NoteTags {
    public static func extract(from note: String) -> [String] {
        guard note.utf8.contains(UInt8(ascii: "#")) else { return [] }
        var tags: [String] = []
        var seen: Set<String> = []
        var previous: Unicode.Scalar?
        var current: String.UnicodeScalarView?

        func finish() {
            guard var tag = current else { return }
            current = nil
            while let last = tag.last, last == "-" || last == "_" { tag.removeLast() }
            guard !tag.isEmpty else { return }
            let text = String(tag)
            if seen.insert(text.lowercased()).inserted { tags.append(text) }
        }

        for scalar in note.unicodeScalars {
            if current != nil {
                if isTagScalar(scalar) {
                    current?.append(scalar)
                    previous = scalar
                    continue
                }
                finish()
            }
            if scalar == "#", canPrecedeTag(previous) {
                current = String.UnicodeScalarView()
            }
            previous = scalar
        }
        finish()
        return tags
    }

    static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" || scalar == "_" { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    static func canPrecedeTag(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.properties.isWhitespace { return true }
        switch scalar {
        case "(", "[", "{", "\"", "'", ",", ";", "\u{201C}", "\u{2018}", "\u{00AB}":
            return true
        default:
            return false
        }
    }
}
