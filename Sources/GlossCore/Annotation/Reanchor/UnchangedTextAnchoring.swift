/// What anchoring on unchanged text reads: a scalar-indexed text, either the joined normalized
/// text (`ScalarText`) or the article's pieces (`ArticleText`), which give the same answers.
protocol ScalarReadable {
    var scalarCount: Int { get }
    func holds(_ pattern: [UInt8], atScalars range: Range<Int>) -> Bool
    func string(inScalars range: Range<Int>) -> String
}

extension ScalarText: ScalarReadable {}
extension ArticleText: ScalarReadable {}

/// Step one of re-anchoring (see `Reanchorer`), and the anchor built on a found range: the only
/// steps that need no search and no diff, so they can read the article's pieces and spare
/// joining a large article's text when it has not changed.
struct UnchangedTextAnchoring<Text: ScalarReadable> {
    let article: ArticleText
    let text: Text

    /// The anchor at its stored position when the text there is still its quote, or an orphan left
    /// as it is (the same text was searched in vain when it was orphaned). Nil when the other steps
    /// must decide.
    ///
    /// A fuzzy anchor stays fuzzy: its quote was taken from the text it was moved to, so finding
    /// that text again says nothing about whether the move was right; the user has yet to look.
    func reanchorOnUnchangedText(_ anchor: AnnotationAnchor) -> AnnotationAnchor? {
        if text.holds(QuoteTarget(anchor.quote).exactBytes, atScalars: anchor.position.range) {
            return anchored(anchor.position.range, status: anchor.status == .fuzzy ? .fuzzy : .exact)
        }
        return anchor.status == .orphan ? anchor : nil
    }

    /// An anchor on `range` of the current text, with quote, context and blocks taken from it:
    /// what `AnnotationAnchor(range:in:status:)` gives, without walking the string to the range.
    func anchored(_ range: Range<Int>, status: AnchorStatus) -> AnnotationAnchor? {
        guard range.lowerBound >= 0, range.upperBound <= text.scalarCount,
              let first = article.location(ofArticleOffset: range.lowerBound),
              let last = article.location(ofArticleOffset: range.isEmpty ? range.lowerBound : range.upperBound - 1)
        else { return nil }
        let context = TextQuoteSelector.contextLength
        let quote = TextQuoteSelector(
            exact: text.string(inScalars: range),
            prefix: text.string(inScalars: max(0, range.lowerBound - context)..<range.lowerBound),
            suffix: text.string(inScalars: range.upperBound..<min(text.scalarCount, range.upperBound + context)))
        return AnnotationAnchor(
            quote: quote, position: TextPositionSelector(start: range.lowerBound, end: range.upperBound),
            blockIndex: first.block, blockEnd: last.block, status: status)
    }
}
