/// Turns titles into short, safe, ASCII file-name parts: `Café & Crème: 2 recipes` → `cafe-creme-2-recipes`.
public enum Slug {
    /// The longest slug, in characters; longer ones are cut at a hyphen.
    public static let maximumLength = 60

    /// Lower-case ASCII letters and digits separated by single hyphens; accented Latin letters lose
    /// their accents and anything else separates words. Never has a leading dot, a slash or a
    /// hyphen at either end; empty when the title has no usable letters.
    public static func make(from title: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in title.unicodeScalars {
            // A combining accent belongs to the letter before it.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out += folded
            if out.count >= maximumLength + 20 { break }
        }
        guard out.count > maximumLength else { return out }
        let cut = out.prefix(maximumLength)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= maximumLength / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut.reversed().drop { $0 == "-" }.reversed())
    }

    /// The ASCII letters or digits a scalar stands for, lower-cased; empty for separators.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
        default: break
        }
        let lower = String(scalar).lowercased()
        return latinFolds[lower] ?? ""
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
