/// An anchor's stored quote and context prepared for matching: in NFC (like `ArticleText`), as
/// UTF-8 for byte searches and as scalar values for edit distances.
struct QuoteTarget {
    let exactBytes: [UInt8]
    let exactScalars: [UInt32]
    let prefixBytes: [UInt8]
    let prefixScalars: [UInt32]
    let suffixBytes: [UInt8]
    let suffixScalars: [UInt32]

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
    }
}
