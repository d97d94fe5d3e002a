/// A stretch of text cut into tokens for diffing: each token's id (equal ids mean equal bytes)
/// and where it starts, in bytes and in scalars.
struct DiffTokens {
    /// How to cut: whole lines (with their newline and any blank lines after them) or words,
    /// single punctuation and spaces.
    enum Granularity {
        case lines
        case words
    }

    var ids: [Int32] = []
    /// Start of each token, plus one entry for the end of the stretch.
    var byteStarts: [Int] = []
    /// Scalar offset of each token in the whole text, plus one entry for the end.
    var scalarStarts: [Int] = []

    var count: Int { ids.count }
    /// The granularity the stretch was cut at.
    let granularity: Granularity

    /// Cuts `range` of `bytes`, whose first scalar is at scalar offset `scalarStart`.
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scalarStart: Int,
        granularity: Granularity, interner: inout TokenInterner
    ) {
        self.granularity = granularity
        var scalar = scalarStart
        var index = range.lowerBound
        while index < range.upperBound {
            let start = index
            let startScalar = scalar
            switch granularity {
            case .lines:
                // A line with the blank lines after it: blank lines are everywhere, and as tokens
                // of their own they would pair paragraphs up arbitrarily.
                while index < range.upperBound {
                    let byte = bytes[index]
                    index += 1
                    if byte & 0xC0 != 0x80 { scalar += 1 }
                    if byte == 0x0A { break }
                }
                while index < range.upperBound, bytes[index] == 0x0A {
                    index += 1
                    scalar += 1
                }
            case .words:
                if Self.isWordByte(bytes[index]) {
                    while index < range.upperBound, Self.isWordByte(bytes[index]) {
                        index += 1
                        scalar += 1
                    }
                } else {
                    // One punctuation byte, space or non-ASCII scalar (letters of most scripts
                    // are not separated by spaces, so each counts on its own).
                    index += 1
                    scalar += 1
                    while index < range.upperBound, ScalarText.isContinuation(bytes, at: index) { index += 1 }
                }
            }
            ids.append(interner.id(of: UnsafeBufferPointer(rebasing: bytes[start..<index])))
            byteStarts.append(start)
            scalarStarts.append(startScalar)
        }
        byteStarts.append(range.upperBound)
        scalarStarts.append(scalar)
    }

    /// How good a place the point before token `index` is for a change to start or end:
    /// higher at line starts and ends, then between sentences, then between words; 0 inside
    /// a word. The ends of the stretch are line boundaries (stretches are whole lines).
    func boundaryStrength(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard index > 0, index < count else { return 4 }
        switch granularity {
        case .lines:
            // After a paragraph (a line and a blank one) rather than after a single line.
            let end = byteStarts[index]
            return end >= 2 && bytes[end - 2] == 0x0A ? 4 : 2
        case .words:
            let previous = firstByte(index - 1, bytes)
            let next = firstByte(index, bytes)
            if previous == 0x0A { return 4 }
            if next == 0x0A { return 3 }
            if previous == 0x20, index >= 2, Self.endsSentence(firstByte(index - 2, bytes)) { return 3 }
            if next == 0x20, Self.endsSentence(previous) { return 3 }
            return previous == 0x20 || next == 0x20 ? 1 : 0
        }
    }

    private func firstByte(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        bytes[byteStarts[index]]
    }

    /// `.`, `!`, `?`, `:` and `;`, and the closing quotes and brackets that may follow them.
    private static func endsSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22, 0x27, 0x29: return true
        default: return false
        }
    }

    /// ASCII letters, digits and underscore.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }
}
