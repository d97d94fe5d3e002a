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
