/// A text's UTF-8 bytes with a sparse index from Unicode-scalar offsets to byte offsets, so a
/// large article can be sliced by scalar offsets without walking the whole string each time.
///
/// Only valid inside the `withUTF8` call that lent `bytes`.
struct ScalarText {
    /// Bytes between two index entries: a lookup scans at most this many.
    static let stride = 4096

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

    /// Scalars starting in `range` of `bytes`: every byte that is not a continuation byte.
    static func countScalars(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
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

extension ScalarText {
    /// `scalarOffset(ofByte:)` of each of `offsets`, which must be in increasing order, in one
    /// walk instead of one lookup each.
    func scalarOffsets(ofAscendingBytes offsets: [Int]) -> [Int] {
        guard !isASCII else { return offsets }
        var result: [Int] = []
        result.reserveCapacity(offsets.count)
        var byte = 0
        var scalar = 0
        for offset in offsets {
            let clamped = max(byte, min(offset, bytes.count))
            if clamped - byte > Self.stride {
                scalar = scalarOffset(ofByte: clamped)
            } else {
                scalar += Self.countScalars(in: bytes, byte..<clamped)
            }
            byte = clamped
            result.append(scalar)
        }
        return result
    }
}
