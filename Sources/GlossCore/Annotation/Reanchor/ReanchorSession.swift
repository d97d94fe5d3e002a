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
    ///
    /// Opening an article with many notes runs this for every one, so it compares bytes in place
    /// and keeps the stored strings when the text still says exactly what they say.
    func reanchorOnUnchangedText(_ anchor: AnnotationAnchor) -> AnnotationAnchor? {
        let range = anchor.position.range
        if text.holds(ArticleText.nfc(anchor.quote.exact), atScalars: range) {
            let status: AnchorStatus = anchor.status == .fuzzy ? .fuzzy : .exact
            return anchored(range, status: status, keeping: anchor.quote)
        }
        return anchor.status == .orphan ? anchor : nil
    }

    /// The rules, in order: stored position (when the text is unchanged), diff mapping (checked
    /// against the stored context), exact quote search, fuzzy quote search; otherwise the anchor
    /// is kept as it was, as an orphan. `map` must map the text the anchor was made on.
    func reanchor(_ anchor: AnnotationAnchor, fingerprintUnchanged: Bool, map: OffsetMap?) -> AnnotationAnchor {
        if fingerprintUnchanged, let found = reanchorOnUnchangedText(anchor) { return found }
        let target = QuoteTarget(anchor.quote)
        guard !target.exactBytes.isEmpty else { return orphaned(anchor) }
        let stored = anchor.position.range
        let diff = map.map { AnchorDiff(map: $0, own: stored) }
        var diffCandidate: Range<Int>?
        if let map, let mapped = map.newRange(of: stored) {
            // Only the surroundings changed. A changed quote is left to the fuzzy search, which
            // checks that it is still similar enough.
            if text.holds(target.exactBytes, atScalars: mapped) {
                switch verdict(onMapped: mapped, target, map: map, diff: diff) {
                case .keep:
                    if let found = anchored(mapped, status: .mapped) { return found }
                case .take(let other):
                    if let found = anchored(other.range, status: other.status) { return found }
                case .search:
                    break
                }
            }
            diffCandidate = mapped
        }
        let reference = map?.newOffset(ofScalarAt: stored.lowerBound) ?? stored.lowerBound
        if let found = ExactQuoteSearch.locate(target, in: text, near: reference, diff: diff),
           let anchor = anchored(found.range, status: found.status) {
            return anchor
        }
        if let range = FuzzyQuoteSearch.locate(target, in: text, diff: diff, diffCandidate: diffCandidate),
           let found = anchored(range, status: .fuzzy) {
            return found
        }
        return orphaned(anchor)
    }

    /// What the context check makes of a mapped position.
    private enum MappedVerdict {
        /// The mapped position stands.
        case keep
        /// Another occurrence agrees clearly better with the stored context: the diff paired
        /// the old text with the wrong copy.
        case take(ExactQuoteSearch.Found)
        /// A short quote whose context does not agree enough: searched for like any other.
        case search
    }

    /// The check on a mapped position: where neither side of it agrees with the stored context,
    /// no other admissible occurrence of the quote may agree clearly better on both; and it must
    /// agree as much as the quote's length asks (`ContextScore.admits`). Free when the mapped
    /// quote and its context lie in one unchanged stretch: then the context is the old one.
    private func verdict(
        onMapped mapped: Range<Int>, _ target: QuoteTarget, map: OffsetMap, diff: AnchorDiff?
    ) -> MappedVerdict {
        let window = max(0, mapped.lowerBound - target.prefixScalars.count)
            ..< min(text.scalarCount, mapped.upperBound + target.suffixScalars.count)
        if map.isUnchanged(window) { return .keep }
        let context = ContextScore(of: mapped, for: target, in: text)
        // Only a mapped position that kept neither old neighbour is in doubt; and only an
        // occurrence better overall and no worse on either side replaces it. Where one side
        // agrees the diff kept old text with old text, and its choice stands: a sentence copied
        // right after itself has the old context on both sides, the original only on one.
        let margin = ReanchorPolicy.exactTieMargin
        if context.bothDisagree,
           let other = ExactQuoteSearch.locate(target, in: text, near: mapped.lowerBound, diff: diff),
           other.range != mapped, other.context.combined >= context.combined + margin,
           other.context.prefix >= context.prefix - margin, other.context.suffix >= context.suffix - margin {
            return .take(other)
        }
        return context.admits(target) ? .keep : .search
    }

    /// An anchor on `range` of the current text, with quote, context and blocks taken from it:
    /// what `AnnotationAnchor(range:in:status:)` gives, without walking the string to the range.
    /// `stored`, when given, is used as it is if the text says the same (no strings are made).
    func anchored(_ range: Range<Int>, status: AnchorStatus, keeping stored: TextQuoteSelector? = nil) -> AnnotationAnchor? {
        guard range.lowerBound >= 0, range.upperBound <= text.scalarCount,
              let first = article.location(ofArticleOffset: range.lowerBound),
              let last = article.location(ofArticleOffset: range.isEmpty ? range.lowerBound : range.upperBound - 1)
        else { return nil }
        let context = TextQuoteSelector.contextLength
        let prefixRange = max(0, range.lowerBound - context)..<range.lowerBound
        let suffixRange = range.upperBound..<min(text.scalarCount, range.upperBound + context)
        let quote: TextQuoteSelector
        if let stored, text.holds(stored.exact, atScalars: range), text.holds(stored.prefix, atScalars: prefixRange),
           text.holds(stored.suffix, atScalars: suffixRange) {
            quote = stored
        } else {
            quote = TextQuoteSelector(
                exact: text.string(inScalars: range), prefix: text.string(inScalars: prefixRange),
                suffix: text.string(inScalars: suffixRange))
        }
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
