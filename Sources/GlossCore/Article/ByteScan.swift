/// Fast scans over the raw bytes of a file: byte search, UTF-8 validation and line-ending
/// normalization. Everything here is linear in the input and allocates at most one copy,
/// so a 50 MB article costs a few passes of memory bandwidth.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first `byte` at or after `start`, or nil.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        let pattern = ones &* UInt64(byte)
        var index = start
        // Eight bytes at a time: a word has a matching byte iff (word ^ pattern) has a zero byte.
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
            if (word &- ones) & ~word & highBits != 0 { break }
            index += 8
        }
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629:
    /// no overlongs, no surrogates, nothing above U+10FFFF), or nil when all of it is valid.
    static func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
                index += 8
            }
            guard index < count else { return nil }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = base[index + 1]
            guard second >= lower, second <= upper else { return index }
            var offset = 2
            while offset < length {
                guard base[index + offset] & 0xC0 == 0x80 else { return index }
                offset += 1
            }
            index += length
        }
        return nil
    }

    /// Calls `body` with the text after an optional UTF-8 byte order mark, with CRLF and lone CR
    /// turned into LF. Copies the bytes only when there is a CR to replace.
    static func withNormalizedLines<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let text = UnsafeBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...])
        guard var carriageReturn = firstIndex(of: 0x0D, in: text) else { return body(text) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.count)
        var segmentStart = 0
        while true {
            normalized.append(contentsOf: UnsafeBufferPointer(rebasing: text[segmentStart..<carriageReturn]))
            normalized.append(0x0A)
            segmentStart = carriageReturn + 1
            if segmentStart < text.count, text[segmentStart] == 0x0A { segmentStart += 1 }
            guard let next = firstIndex(of: 0x0D, in: text, from: segmentStart) else { break }
            carriageReturn = next
        }
        normalized.append(contentsOf: UnsafeBufferPointer(rebasing: text[segmentStart...]))
        return normalized.withUnsafeBufferPointer(body)
    }

    /// Whether a byte is a space or a tab, the only whitespace trimmed around lines.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The range with leading and trailing spaces and tabs removed.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The number of Unicode scalars in UTF-8 bytes: every byte that is not a continuation byte.
    static func scalarCount(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text of a byte range, with invalid UTF-8 repaired to U+FFFD.
    static func string(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
