/// How well the text around a candidate range agrees with an anchor's stored prefix and suffix.
struct ContextScore {
    /// Similarity of the stored prefix to as many scalars just before the range (1 when none was stored).
    var prefix: Double
    /// Similarity of the stored suffix to as many scalars just after the range (1 when none was stored).
    var suffix: Double
    /// Both, weighted by the stored lengths (1 when neither was stored).
    var combined: Double

    /// The better-agreeing side, where a side with no stored context agrees only at the text's
    /// start (prefix) or end (suffix): that is where the quote was when none was stored.
    var bestSide: Double

    /// True when neither side agrees with what was stored: the range is probably a lookalike.
    var bothDisagree: Bool {
        prefix < ReanchorPolicy.contextAgreement && suffix < ReanchorPolicy.contextAgreement
    }

    /// Whether a copy of the quote here may be taken for it at all: the shorter the quote, the
    /// more of its context must agree, because a word or two recurs all over an article. A long
    /// quote is taken for review even where its context changed on both sides.
    func admits(_ target: QuoteTarget) -> Bool {
        if target.wordCount <= ReanchorPolicy.shortQuoteWords { return bestSide >= ReanchorPolicy.shortQuoteAgreement }
        if target.wordCount <= ReanchorPolicy.mediumQuoteWords { return bestSide >= ReanchorPolicy.contextAgreement }
        return true
    }

    init(of range: Range<Int>, for target: QuoteTarget, in text: ScalarText) {
        let prefixLength = target.prefixScalars.count
        let suffixLength = target.suffixScalars.count
        let before = text.scalars(inScalars: max(0, range.lowerBound - prefixLength)..<range.lowerBound)
        let after = text.scalars(inScalars: range.upperBound..<min(text.scalarCount, range.upperBound + suffixLength))
        prefix = prefixLength == 0 ? 1 : EditDistance.similarity(target.prefixScalars, before)
        suffix = suffixLength == 0 ? 1 : EditDistance.similarity(target.suffixScalars, after)
        bestSide = max(
            prefixLength == 0 ? (range.lowerBound == 0 ? 1 : 0) : prefix,
            suffixLength == 0 ? (range.upperBound == text.scalarCount ? 1 : 0) : suffix)
        let total = prefixLength + suffixLength
        combined = total == 0
            ? 1 : (prefix * Double(prefixLength) + suffix * Double(suffixLength)) / Double(total)
    }

    /// A cheap stand-in used to pre-rank many exact hits: how many bytes of stored context agree
    /// right next to the hit, on both sides.
    static func adjacentAgreement(
        atBytes range: Range<Int>, for target: QuoteTarget, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var agreeing = 0
        var stored = target.prefixBytes.count - 1
        var index = range.lowerBound - 1
        while stored >= 0, index >= 0, target.prefixBytes[stored] == bytes[index] {
            agreeing += 1
            stored -= 1
            index -= 1
        }
        stored = 0
        index = range.upperBound
        while stored < target.suffixBytes.count, index < bytes.count, target.suffixBytes[stored] == bytes[index] {
            agreeing += 1
            stored += 1
            index += 1
        }
        return agreeing
    }
}
