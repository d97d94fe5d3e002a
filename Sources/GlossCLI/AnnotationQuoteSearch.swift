import GlossCore

/// Finds a quote in an article's normalized text, matching whole characters, and answers in the
/// Unicode scalar offsets annotations use.
enum AnnotationQuoteSearch {
    /// The quote's non-overlapping occurrences in block `block`, as scalar ranges inside the block.
    static func occurrences(of quote: String, in text: ArticleText, block: Int) -> [Range<Int>] {
        guard !quote.isEmpty, let range = text.range(ofBlock: block) else { return [] }
        let scalars = text.text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        let blockText = String(scalars[start..<end])
        return blockText.ranges(of: quote).map { found in
            let lower = blockText.unicodeScalars.distance(from: blockText.startIndex, to: found.lowerBound)
            let upper = lower + blockText.unicodeScalars.distance(from: found.lowerBound, to: found.upperBound)
            return lower..<upper
        }
    }

    /// The first block (0-based) where the quote occurs, for a hint when it is not where it was asked for.
    static func firstBlock(containing quote: String, in text: ArticleText) -> Int? {
        guard !quote.isEmpty, let found = text.text.firstRange(of: quote) else { return nil }
        let offset = text.text.unicodeScalars.distance(from: text.text.startIndex, to: found.lowerBound)
        return text.location(ofArticleOffset: offset)?.block
    }
}
