/// A stretch of text cut into tokens for diffing: each token's id (equal ids mean equal bytes)
/// and where it starts, in bytes and in scalars.
struct DiffTokens {
    /// How to cut: whole lines (with their newline) or words, single punctuation and spaces.
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

    /// Cuts `range` of `bytes`, whose first scalar is at scalar offset `scalarStart`.
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scalarStart: Int,
        granularity: Granularity, interner: inout TokenInterner
    ) {
        var scalar = scalarStart
        var index = range.lowerBound
        while index < range.upperBound {
            let start = index
            let startScalar = scalar
            switch granularity {
            case .lines:
                while index < range.upperBound {
                    let byte = bytes[index]
                    index += 1
                    if byte & 0xC0 != 0x80 { scalar += 1 }
                    if byte == 0x0A { break }
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

    /// ASCII letters, digits and underscore.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }
}
