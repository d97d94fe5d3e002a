/// Re-anchors one anchor after another against one current text, whose scalar index is built once.
struct ReanchorSession {
    let article: ArticleText
    let text: ScalarText

    /// Step one, for text with the fingerprint the anchor was stored with: the anchor at its
    /// stored position when the text there is still its quote, or an orphan left as it is (the
    /// same text was searched in vain when it was orphaned). Nil when the other steps must decide.
    ///
    /// A fuzzy anchor stays fuzzy: its quote was taken from the text it was moved to, so finding
    /// that text again says nothing about whether the move was right; the user has yet to look.
    func reanchorOnUnchangedText(_ anchor: AnnotationAnchor) -> AnnotationAnchor? {
        if text.holds(QuoteTarget(anchor.quote).exactBytes, atScalars: anchor.position.range) {
            return anchored(anchor.position.range, status: anchor.status == .fuzzy ? .fuzzy : .exact)
        }
        return anchor.status == .orphan ? anchor : nil
    }

    /// The rules, in order: stored position (when the text is unchanged), diff mapping, exact
    /// quote search, fuzzy quote search; otherwise the anchor is kept as it was, as an orphan.
    func reanchor(_ anchor: AnnotationAnchor, fingerprintUnchanged: Bool, map: OffsetMap?) -> AnnotationAnchor {
        if fingerprintUnchanged, let found = reanchorOnUnchangedText(anchor) { return found }
        let target = QuoteTarget(anchor.quote)
        guard !target.exactBytes.isEmpty else { return orphaned(anchor) }
        let stored = anchor.position.range
        var diffCandidate: Range<Int>?
        if let map, let mapped = map.newRange(of: stored) {
            // Only the surroundings changed. A changed quote is left to the fuzzy search, which
            // checks that it is still similar enough.
            if text.holds(target.exactBytes, atScalars: mapped), let found = anchored(mapped, status: .mapped) {
                return found
            }
            diffCandidate = mapped
        }
        let reference = map?.newOffset(ofScalarAt: stored.lowerBound) ?? stored.lowerBound
        if let (range, status) = ExactQuoteSearch.locate(target, in: text, near: reference, map: map),
           let found = anchored(range, status: status) {
            return found
        }
        if let range = FuzzyQuoteSearch.locate(target, in: text, map: map, diffCandidate: diffCandidate),
           let found = anchored(range, status: .fuzzy) {
            return found
        }
        return orphaned(anchor)
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

    /// The anchor as stored, marked as not found, so the note is never lost.
    private func orphaned(_ anchor: AnnotationAnchor) -> AnnotationAnchor {
        var copy = anchor
        copy.status = .orphan
        return copy
    }
}
