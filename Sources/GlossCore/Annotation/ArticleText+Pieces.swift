/// Reading the normalized text from its pieces, without joining them: slices by scalar offsets
/// and the bytes in order (for the fingerprint).
extension ArticleText {
    /// The text of a scalar range of the normalized text (clamped to it).
    public func string(inScalars range: Range<Int>) -> String {
        String(decoding: utf8(inScalars: range), as: UTF8.self)
    }

    /// True when the scalar range lies in the text and holds exactly `pattern`'s bytes.
    public func holds(_ pattern: [UInt8], atScalars range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= scalarCount else { return false }
        return utf8(inScalars: range, limit: pattern.count + 1) == pattern
    }

    /// The UTF-8 bytes of a scalar range (clamped to the text), at most `limit` of them. Costs the
    /// bytes copied plus, in a piece that is not ASCII, a walk from the piece's start.
    func utf8(inScalars range: Range<Int>, limit: Int = .max) -> [UInt8] {
        let lower = max(0, min(range.lowerBound, scalarCount))
        let upper = max(lower, min(range.upperBound, scalarCount))
        var out: [UInt8] = []
        guard lower < upper, var block = location(ofArticleOffset: lower)?.block else { return out }
        while block < blockCount, out.count < limit {
            let start = blockStarts[block]
            let end = start + blockLengths[block]
            if start >= upper { break }
            if lower < end {
                let local = (max(lower, start) - start)..<(min(upper, end) - start)
                appendUTF8(ofPiece: block, scalars: local, to: &out)
            }
            // The separator after the block, as far as the range reaches into it.
            if block + 1 < blockCount {
                let separatorEnd = min(upper, end + Self.separatorLength)
                let separatorStart = max(lower, end)
                if separatorStart < separatorEnd {
                    out.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: separatorEnd - separatorStart))
                }
            }
            block += 1
        }
        return out
    }

    private func appendUTF8(ofPiece block: Int, scalars local: Range<Int>, to out: inout [UInt8]) {
        var piece = piece(block)
        let isASCII = piece.utf8.count == blockLengths[block]
        piece.withUTF8 { bytes in
            if isASCII {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[local]))
                return
            }
            var scalar = 0
            var index = 0
            var startByte = bytes.count
            var endByte = bytes.count
            while index < bytes.count {
                if bytes[index] & 0xC0 != 0x80 {
                    if scalar == local.lowerBound { startByte = index }
                    if scalar == local.upperBound {
                        endByte = index
                        break
                    }
                    scalar += 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[min(startByte, endByte)..<endByte]))
        }
    }

    /// Calls `body` with the normalized text's UTF-8 bytes, piece by piece and separator by
    /// separator, in order: what hashing the whole text needs, without a copy of it.
    public func forEachUTF8Chunk(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let separator: [UInt8] = Array(Self.separator.utf8)
        for index in 0..<blockCount {
            if index > 0 { separator.withUnsafeBufferPointer(body) }
            var piece = piece(index)
            piece.withUTF8(body)
        }
    }
}
