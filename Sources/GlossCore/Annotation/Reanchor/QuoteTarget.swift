/// An anchor's stored quote and context prepared for matching: in NFC (like `ArticleText`), as
/// UTF-8 for byte searches and as scalar values for edit distances.
struct QuoteTarget {
    let exactBytes: [UInt8]
    let exactScalars: [UInt32]
    let prefixBytes: [UInt8]
    let prefixScalars: [UInt32]
    let suffixBytes: [UInt8]
    let suffixScalars: [UInt32]
    /// Words in the quote: runs of letters and digits, each CJK ideograph, kana or hangul
    /// syllable on its own. Short quotes need more agreeing context to be found elsewhere.
    let wordCount: Int

    init(_ quote: TextQuoteSelector) {
        let exact = ArticleText.nfc(quote.exact)
        let prefix = ArticleText.nfc(quote.prefix)
        let suffix = ArticleText.nfc(quote.suffix)
        exactBytes = Array(exact.utf8)
        exactScalars = exact.unicodeScalars.map(\.value)
        prefixBytes = Array(prefix.utf8)
        prefixScalars = prefix.unicodeScalars.map(\.value)
        suffixBytes = Array(suffix.utf8)
        suffixScalars = suffix.unicodeScalars.map(\.value)
        wordCount = Self.words(in: exact.unicodeScalars)
    }

    /// Marks that do not end a word between letters or digits: "4.2", "mayor's", "well-known".
    private static let joiners: Set<UInt32> = [0x27, 0x2019, 0x2E, 0x2C, 0x2D, 0x2010, 0x2011]

    static func words(in scalars: String.UnicodeScalarView) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value)
                || (0xAC00...0xD7AF).contains(scalar.value) {
                count += 1
                inWord = false
            } else if properties.isAlphabetic || properties.numericType != nil {
                if !inWord { count += 1 }
                inWord = true
            } else if !Self.joiners.contains(scalar.value), properties.generalCategory != .nonspacingMark {
                inWord = false
            }
        }
        return count
    }
}
