/// Words that a period after does not end a sentence.
enum Abbreviations {
    /// Titles before a name and abbreviations that are almost never the last word of a sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "capt", "lt",
        "sgt", "rev", "hon", "mt", "ft", "fr", "vs", "v", "e.g", "i.e", "cf", "viz", "approx", "ca",
    ]

    /// Abbreviations that are not final when a number follows: "No. 5", "p. 12", "Fig. 3".
    static let beforeNumber: Set<String> = ["no", "nos", "p", "pp", "fig", "figs", "vol", "ch", "sec", "art", "op"]

    /// Whether a period after `word` (the token before it, without the period) leaves the
    /// sentence open.
    static func isAbbreviation(_ word: [Unicode.Scalar], beforeDigit: Bool) -> Bool {
        // A single capital is an initial: "J. R. R. Tolkien".
        if word.count == 1, let only = word.first, only.properties.isUppercase { return true }
        let key = String(String.UnicodeScalarView(word)).lowercased()
        if neverFinal.contains(key) { return true }
        if beforeDigit, beforeNumber.contains(key) { return true }
        return isCapitalAcronym(word)
    }

    /// Dotted capitals such as "U.S", "U.K" or "D.C" (the final period is not part of `word`).
    static func isCapitalAcronym(_ word: [Unicode.Scalar]) -> Bool {
        guard word.count >= 3, word.count % 2 == 1 else { return false }
        for (index, scalar) in word.enumerated() {
            if index % 2 == 0 {
                guard scalar.properties.isUppercase else { return false }
            } else {
                guard scalar == "." else { return false }
            }
        }
        return true
    }
}
