/// Finds annotations again in an article's current text.
///
/// Temporary version: it only checks that each annotation's quote is still at its stored
/// position (`.exact`); anything else becomes `.orphan`.
public enum Reanchorer {
    public static func reanchor(
        _ annotations: [Annotation], storedFingerprint: String, snapshot: String?,
        current: ArticleText, currentFingerprint: String
    ) -> [Annotation] {
        annotations.map { annotation in
            var copy = annotation
            let range = annotation.anchor.position.range
            if let quote = TextQuoteSelector(in: current.text, range: range), quote.exact == annotation.anchor.quote.exact,
               let anchor = AnnotationAnchor(range: range, in: current, status: .exact)
            {
                copy.anchor.blockIndex = anchor.blockIndex
                copy.anchor.blockEnd = anchor.blockEnd
                copy.anchor.status = .exact
            } else {
                copy.anchor.status = .orphan
            }
            return copy
        }
    }
}
