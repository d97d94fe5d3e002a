import GlossCore

/// Finds a quote in an article's normalized text, matching whole characters, and answers in the
/// Unicode scalar offsets annotations use.
enum AnnotationQuoteSearch {
    /// The quote's non-overlapping occurrences in block `block`, as scalar ranges inside the block.
    static func occurrences(of quote: String, in text: ArticleText, block: Int) -> [Range<Int>] {
        guard !quote.isEmpty, block >= 0, block < text.blockCount else { return [] }
        let blockText = text.piece(block)
        return blockText.ranges(of: quote).map { found in
            let lower = blockText.unicodeScalars.distance(from: blockText.startIndex, to: found.lowerBound)
            let upper = lower + blockText.unicodeScalars.distance(from: found.lowerBound, to: found.upperBound)
            return lower..<upper
        }
    }

    /// The first block (0-based) where the quote occurs, for a hint when it is not where it was asked for.
    static func firstBlock(containing quote: String, in text: ArticleText) -> Int? {
        // Joined once: a quote may run over a block's end.
        let joined = text.text
        guard !quote.isEmpty, let found = joined.firstRange(of: quote) else { return nil }
        let offset = joined.unicodeScalars.distance(from: joined.startIndex, to: found.lowerBound)
        return text.location(ofArticleOffset: offset)?.block
    }
}
