import GlossCore

/// Turns titles and names into short, safe file-name parts: `Café & Crème: 2 recipes` →
/// `cafe-creme-2-recipes`, `Новости дня` → `новости-дня`, `東京の夜` → `東京の夜`.
public enum Slug {
    /// The longest slug, in characters; longer ones are cut at a hyphen.
    public static let maximumLength = 60
    /// The most UTF-8 bytes of a limited slug, so that file names stay well under 255 bytes
    /// in scripts that take three or more bytes a letter.
    static let maximumBytes = 150

    /// Lower-case letters and digits of every script separated by single hyphens; accented Latin
    /// letters lose their accents (`é` → `e`), anything else separates words. Never has a leading
    /// dot, a slash or a hyphen at either end; empty when the title has no letters or digits.
    ///
    /// - Parameter maximumLength: The longest slug in characters (nil: no limit); a longer one is
    ///   cut at a hyphen.
    public static func make(from title: String, maximumLength: Int? = Slug.maximumLength) -> String {
        var out = ""
        var count = 0
        var pendingHyphen = false
        let limit = maximumLength.map { $0 + 20 } ?? Int.max
        for character in ArticleText.nfc(title) {
            let folded = fold(character)
            if folded.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if maximumLength != nil, out.utf8.count + folded.utf8.count + 1 > maximumBytes { break }
            if pendingHyphen {
                out += "-"
                count += 1
            }
            pendingHyphen = false
            out += folded
            count += folded.count
            if count >= limit { break }
        }
        guard let maximumLength, out.count > maximumLength else { return out }
        let cut = out.prefix(maximumLength)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= maximumLength / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut.reversed().drop { $0 == "-" }.reversed())
    }

    /// What a character becomes in a slug: ASCII letters and digits lower-cased, accented Latin
    /// letters folded to ASCII, other letters and digits lower-cased with their marks; empty for
    /// separators.
    private static func fold(_ character: Character) -> String {
        guard let first = character.unicodeScalars.first else { return "" }
        switch first.value {
        case 0x30...0x39, 0x61...0x7A: return String(first)
        case 0x41...0x5A: return String(Unicode.Scalar(first.value + 0x20) ?? first)
        default: break
        }
        // A Latin letter with a combining accent the NFC form could not compose: the letter alone.
        if first.value < 0x80 { return "" }
        if let latin = latinFolds[String(first).lowercased()] { return latin }
        guard character.isLetter || character.isNumber else { return "" }
        return character.lowercased()
    }

    private static let latinFolds: [String: String] = {
        var table: [String: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        for (letters, ascii) in groups {
            for letter in letters { table[String(letter)] = ascii }
        }
        return table
    }()
}
