/// A text's UTF-8 bytes with a sparse index from Unicode-scalar offsets to byte offsets, so a
/// large article can be sliced by scalar offsets without walking the whole string each time.
///
/// Only valid inside the `withUTF8` call that lent `bytes`.
struct ScalarText {
    /// Bytes between two index entries: a lookup scans at most this many.
    static let stride = 4096
    /// Bit 7 of every byte of a word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    let bytes: UnsafeBufferPointer<UInt8>
    let scalarCount: Int
    /// `scalarsBefore[k]`: how many scalars start before byte `k * stride`. Empty when the text
    /// is ASCII, where scalar and byte offsets are the same.
    private let scalarsBefore: [Int]

    /// `scalarCount`, when known, spares the counting pass for ASCII text.
    init(_ bytes: UnsafeBufferPointer<UInt8>, scalarCount knownCount: Int? = nil) {
        self.bytes = bytes
        if knownCount == bytes.count {
            scalarCount = bytes.count
            scalarsBefore = []
            return
        }
        var before: [Int] = []
        before.reserveCapacity(bytes.count / Self.stride + 1)
        var count = 0
        var chunkStart = 0
        while chunkStart < bytes.count {
            before.append(count)
            let chunkEnd = min(chunkStart + Self.stride, bytes.count)
            count += Self.countScalars(in: bytes, chunkStart..<chunkEnd)
            chunkStart = chunkEnd
        }
        scalarCount = count
        scalarsBefore = count == bytes.count ? [] : before
    }

    var isASCII: Bool { scalarsBefore.isEmpty }

    /// Scalars starting in `range` of `bytes`: every byte that is not a continuation byte
    /// (`10xxxxxx`). Counted eight bytes at a time, as this pass runs over the whole article.
    static func countScalars(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var continuations = 0
        var index = range.lowerBound
        if let base = bytes.baseAddress, range.count >= 16 {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Bit 7 set and bit 6 (shifted up into bit 7's place) clear.
                continuations += (word & ~(word << 1) & Self.highBits).nonzeroBitCount
                index += 8
            }
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return range.count - continuations
    }

    static func isContinuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index < bytes.count && bytes[index] & 0xC0 == 0x80
    }

    /// How many scalars start before byte `offset` (clamped to the text).
    func scalarOffset(ofByte offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        guard !isASCII else { return clamped }
        guard clamped < bytes.count else { return scalarCount }
        let chunk = clamped / Self.stride
        return scalarsBefore[chunk] + Self.countScalars(in: bytes, (chunk * Self.stride)..<clamped)
    }

    /// The byte where scalar `offset` starts (clamped; the end of the text for `scalarCount`).
    func byteOffset(ofScalar offset: Int) -> Int {
        let clamped = max(0, min(offset, scalarCount))
        guard !isASCII else { return clamped }
        guard clamped < scalarCount else { return bytes.count }
        // The last chunk starting at or before the scalar; every chunk starts at least one scalar.
        var low = 0
        var high = scalarsBefore.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if scalarsBefore[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var remaining = clamped - scalarsBefore[low]
        var index = low * Self.stride
        // Eight bytes at a time while the scalar lies past them: every byte that is not a
        // continuation byte starts a scalar. Re-anchoring many notes looks up many offsets.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let starts = 8 - (word & ~(word << 1) & Self.highBits).nonzeroBitCount
                guard starts <= remaining else { break }
                remaining -= starts
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if remaining == 0 { return index }
                remaining -= 1
            }
            index += 1
        }
        return bytes.count
    }

    func byteRange(ofScalars range: Range<Int>) -> Range<Int> {
        let start = byteOffset(ofScalar: range.lowerBound)
        return start..<max(start, byteOffset(ofScalar: range.upperBound))
    }

    /// The text of a scalar range (clamped to the text).
    func string(inScalars range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[byteRange(ofScalars: range)]), as: UTF8.self)
    }

    /// The scalar values of a scalar range (clamped to the text).
    func scalars(inScalars range: Range<Int>) -> [UInt32] {
        string(inScalars: range).unicodeScalars.map(\.value)
    }

    /// True when the scalar range lies in the text and holds exactly `pattern`'s bytes.
    func holds(_ pattern: [UInt8], atScalars range: Range<Int>) -> Bool {
        pattern.withUnsafeBufferPointer { holds($0, atScalars: range) }
    }

    /// True when the scalar range lies in the text and holds exactly `pattern`'s UTF-8 bytes.
    func holds(_ pattern: String, atScalars range: Range<Int>) -> Bool {
        var pattern = pattern
        return pattern.withUTF8 { holds($0, atScalars: range) }
    }

    private func holds(_ pattern: UnsafeBufferPointer<UInt8>, atScalars range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= scalarCount else { return false }
        let bytesRange = byteRange(ofScalars: range)
        guard bytesRange.count == pattern.count else { return false }
        var index = bytesRange.lowerBound
        for byte in pattern {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }
}
