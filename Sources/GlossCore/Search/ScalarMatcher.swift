/// Finds a query in text scalar by scalar with Knuth–Morris–Pratt, so a scan is linear in the
/// text whatever the query, and folds case on the fly instead of copying the text.
struct ScalarMatcher {
    private let pattern: [UInt32]
    /// `failure[i]`: length of the longest proper border of `pattern[0...i]`.
    private let failure: [Int]
    private let foldsCase: Bool
    private var folding = CaseFolding()

    init(_ query: SearchQuery) {
        foldsCase = !query.isCaseSensitive
        pattern = foldsCase ? folding.fold(query.text) : query.text.unicodeScalars.map(\.value)
        var failure = [Int](repeating: 0, count: pattern.count)
        var border = 0
        for index in pattern.indices.dropFirst() {
            while border > 0, pattern[index] != pattern[border] { border = failure[border - 1] }
            if pattern[index] == pattern[border] { border += 1 }
            failure[index] = border
        }
        self.failure = failure
    }

    var isEmpty: Bool { pattern.isEmpty }

    /// Calls `body` with each match in order, non-overlapping, until it returns false.
    mutating func scan(_ text: String, _ body: (Range<Int>) -> Bool) {
        guard !pattern.isEmpty else { return }
        let length = pattern.count
        var matched = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = foldsCase ? folding.fold(scalar) : scalar.value
            offset += 1
            while matched > 0, pattern[matched] != value { matched = failure[matched - 1] }
            if pattern[matched] == value {
                matched += 1
                if matched == length {
                    if !body((offset - length)..<offset) { return }
                    matched = 0
                }
            }
        }
    }

    /// Every match in `text`, at most `limit`.
    mutating func matches(in text: String, limit: Int = .max) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard limit > 0 else { return found }
        scan(text) { range in
            found.append(range)
            return found.count < limit
        }
        return found
    }
}
