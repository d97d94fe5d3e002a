/// The thresholds and work limits of re-anchoring, kept together so they can be tuned together.
enum ReanchorPolicy {
    // MARK: Matching thresholds

    /// Quotes shorter than this (in scalars) are only ever found exactly: a few characters match
    /// too many places approximately.
    static let minimumFuzzyQuoteLength = 12
    /// Longer quotes are not fuzzy-matched: the alignment costs quote length squared per candidate.
    static let maximumFuzzyQuoteLength = 2000
    /// How similar (1 − edit distance / longer length) a fuzzy match must be to the stored quote.
    static let minimumQuoteSimilarity = 0.8
    /// How similar the text around a fuzzy match must be to the stored prefix and suffix together.
    static let minimumContextSimilarity = 0.5
    /// A prefix or suffix at least this similar to the stored one agrees with it.
    static let contextAgreement = 0.5
    /// Quotes of at most this many words are short: a copy of one elsewhere is taken only when
    /// one side of its context agrees at least `shortQuoteAgreement` with the stored one.
    static let shortQuoteWords = 2
    /// How similar one side of a short quote's context must be for a copy to be taken.
    static let shortQuoteAgreement = 0.65
    /// Quotes of at most this many words (and more than `shortQuoteWords`) need one side of
    /// their context to agree (`contextAgreement`); longer ones are taken for review without.
    static let mediumQuoteWords = 4
    /// A candidate of which more than 1/this descends from other old text (and more than
    /// from the quote's own) is where that text went, not the quote.
    static let otherDescentShare = 4
    /// Copies of old text shorter than this (in scalars) do not count as descent: stray words
    /// a diff pairs up inside rewritten text.
    static let minimumDescent = 12
    /// Exact hits whose context scores are closer than this are a tie.
    static let exactTieMargin = 0.05
    /// How far the best fuzzy match's score must lead the runner-up's.
    static let fuzzyLead = 0.1

    // MARK: Work limits

    /// Exact hits scored by edit distance of their context; more are pre-ranked by how many
    /// characters of context agree right next to the quote.
    static let maximumScoredHits = 64
    /// Candidate windows aligned per quote by the fuzzy search, at most.
    static let maximumFuzzyCandidates = 32
    /// Budget of alignment cells per quote, which caps the number of candidates of long quotes.
    static let fuzzyAlignmentCells = 16_000_000
    /// The most edits (inserted plus deleted tokens) a diff looks for before giving up.
    static let maximumDiffEdits = 1000
    /// The most steps one diff may take before giving up.
    static let maximumDiffWork = 20_000_000
    /// Changed line hunks larger than this (old plus new bytes) are not diffed word by word.
    static let maximumWordDiffBytes = 1 << 20
}
