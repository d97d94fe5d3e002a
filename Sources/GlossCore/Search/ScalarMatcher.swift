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
        let scannedBytes = text.utf8.withContiguousStorageIfAvailable { bytes in
            scanUTF8(bytes, body)
            return true
        }
        if scannedBytes == nil {
            var state = State()
            for scalar in text.unicodeScalars {
                if !step(&state, foldsCase ? folding.fold(scalar) : scalar.value, body) { return }
            }
        }
    }

    private struct State {
        var matched = 0
        var offset = 0
    }

    /// Feeds one (folded) scalar to the automaton; false when `body` asked to stop.
    @inline(__always)
    private func step(_ state: inout State, _ value: UInt32, _ body: (Range<Int>) -> Bool) -> Bool {
        state.offset += 1
        while state.matched > 0, pattern[state.matched] != value { state.matched = failure[state.matched - 1] }
        guard pattern[state.matched] == value else { return true }
        state.matched += 1
        guard state.matched == pattern.count else { return true }
        state.matched = 0
        return body((state.offset - pattern.count)..<state.offset)
    }

    /// The scan over the string's UTF-8 bytes, decoding scalars by hand: the bytes are valid
    /// UTF-8 (Swift strings always are), and ASCII, the common case, needs no decoding at all.
    private mutating func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var state = State()
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            var value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                if foldsCase, value &- 0x41 < 26 { value |= 0x20 }
                index += 1
            } else {
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard index + length <= count else { return }
                value = UInt32(lead) & (0xFF >> (length + 1))
                for next in 1..<length { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
                index += length
                if foldsCase, let scalar = Unicode.Scalar(value) { value = folding.fold(scalar) }
            }
            if !step(&state, value, body) { return }
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
