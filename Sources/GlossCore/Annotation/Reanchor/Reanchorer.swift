/// Moves annotations made on an older version of an article onto its current text.
///
/// A note must never silently move to different text. Each anchor goes through these steps and
/// stops at the first that succeeds (docs/ANCHORING.md gives the reasons):
/// 1. The text is unchanged (same fingerprint) and its stored position still holds the quote:
///    `exact` (a `fuzzy` anchor stays `fuzzy` until the user confirms it). An `orphan` on
///    unchanged text stays one without a search: the same text was searched when it was orphaned.
/// 2. A diff of the old text (the snapshot) against the current one carries the position over and
///    the text there is still the quote: `mapped`. The diff slides insertions and deletions to
///    sentence and line boundaries, so old text stays with its old neighbours. A mapped position
///    that agrees with neither side of the stored context gives way to an admissible occurrence
///    (step 3) that agrees clearly better and no worse on either side; a short quote must agree
///    as much as step 3 asks, or it is searched for instead. When the quote itself changed,
///    step 4 decides.
/// 3. The quote occurs in the current text: the admissible occurrence whose prefix and suffix
///    agree best with the stored ones, `exact`; `fuzzy` when occurrences tie or neither side
///    agrees. Admissible: the diff does not show it to descend from other old text, and its
///    context agrees enough for the quote's length (a quote of one or two words needs one side
///    65% similar, of three or four words 50%).
/// 4. A quote of 12 scalars or more occurs approximately (80% similar, context 50% similar, well
///    ahead of any other candidate), in text admissible as in step 3: `fuzzy`. This is also how a
///    quote edited inside is found.
/// 5. Otherwise `orphan`: the stored quote, context and position are kept as they were.
/// Every found anchor takes its quote, context and blocks from the current text. Thresholds and
/// work limits are in `ReanchorPolicy`.
public enum Reanchorer {
    /// `annotations`: as stored (tombstones included; tombstones are returned unchanged).
    /// `storedFingerprint`: fingerprint of the text the anchors were made on (AnnotationFile.article.fingerprint).
    /// `snapshot`: that old normalized text if still kept (may be nil).
    /// `current`: the article's current normalized text; `currentFingerprint`: ArticleFingerprint.sha256 of current.text.
    /// Returns the annotations with updated anchors (quote/prefix/suffix/position/blockIndex/blockEnd/status), same order.
    /// `snapshot` is only evaluated when an anchor needs more than step 1, and the current text is
    /// only joined then: on unchanged text (the usual open) anchors are read from its pieces.
    public static func reanchor(
        _ annotations: [Annotation], storedFingerprint: String, snapshot: @autoclosure () -> String?,
        current: ArticleText, currentFingerprint: String
    ) -> [Annotation] {
        guard annotations.contains(where: { !$0.deleted }) else { return annotations }
        let fingerprintUnchanged = storedFingerprint == currentFingerprint
        var result = annotations
        var undecided = annotations.indices.filter { !annotations[$0].deleted }
        // Reading a piece that is not ASCII walks it from its start; past this size the joined
        // text's scalar index is cheaper.
        if fingerprintUnchanged, current.longestNonASCIIPiece <= 1 << 16 {
            let pieces = UnchangedTextAnchoring(article: current, text: current)
            undecided.removeAll { index in
                guard let found = pieces.reanchorOnUnchangedText(result[index].anchor) else { return false }
                result[index].anchor = found
                return true
            }
            guard !undecided.isEmpty else { return result }
        }
        var currentText = current.text
        return currentText.withUTF8 { currentBytes in
            let text = ScalarText(currentBytes, scalarCount: current.scalarCount)
            let session = ReanchorSession(article: current, text: text)
            var pending: [Int] = []
            for index in undecided {
                if fingerprintUnchanged, let found = session.reanchorOnUnchangedText(annotations[index].anchor) {
                    result[index].anchor = found
                } else {
                    pending.append(index)
                }
            }
            guard !pending.isEmpty else { return result }
            guard var snapshotText = snapshot() else {
                for index in pending {
                    result[index].anchor = session.reanchor(result[index].anchor, fingerprintUnchanged: false, map: nil)
                }
                return result
            }
            snapshotText.withUTF8 { snapshotBytes in
                let old = ScalarText(snapshotBytes)
                let map = TextDiff.offsetMap(old: old, new: session.text)
                for index in pending {
                    let anchor = result[index].anchor
                    // A snapshot that does not hold the quote at the stored position is not the
                    // text this anchor was made on, so its diff says nothing about the anchor.
                    let isTrusted = old.holds(QuoteTarget(anchor.quote).exactBytes, atScalars: anchor.position.range)
                    result[index].anchor = session.reanchor(
                        anchor, fingerprintUnchanged: false, map: isTrusted ? map : nil)
                }
            }
            return result
        }
    }

    /// Convenience for one anchor (used by the above and by tests). `diff` must map the text the
    /// anchor was made on to `current`.
    public static func reanchor(
        _ anchor: AnnotationAnchor, fingerprintUnchanged: Bool, diff: OffsetMap?, in current: ArticleText
    ) -> AnnotationAnchor {
        var currentText = current.text
        return currentText.withUTF8 { bytes in
            let text = ScalarText(bytes, scalarCount: current.scalarCount)
            let session = ReanchorSession(article: current, text: text)
            return session.reanchor(anchor, fingerprintUnchanged: fingerprintUnchanged, map: diff)
        }
    }
}
