/// A position inside one block: the block index and a Unicode scalar offset into its text.
public struct BlockLocation: Sendable, Hashable {
    public var block: Int
    public var offset: Int
    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}

/// The article's normalized plain text, which annotation offsets count in, and the map between
/// an offset in it and a (block, offset-in-block) location.
///
/// Normalized text is every block's text in Unicode NFC, joined by `"\n\n"`. Offsets count
/// Unicode scalars. Offsets inside a block count scalars of the block's NFC text, which is the
/// block's own text whenever the loader already produced NFC (the usual case).
public struct ArticleText: Sendable, Hashable {
    /// What separates two blocks in the normalized text.
    public static let separator = "\n\n"
    static let separatorLength = 2

    public let text: String
    /// The normalized text's offset where each block starts.
    public let blockStarts: [Int]
    /// The length of each block's normalized text, in scalars.
    public let blockLengths: [Int]
    /// The total length of `text`, in scalars.
    public let scalarCount: Int

    public init(_ article: Article) {
        self.init(blockTexts: article.blocks.map(\.text))
    }

    public init(blockTexts: [String]) {
        var text = ""
        var starts: [Int] = []
        var lengths: [Int] = []
        starts.reserveCapacity(blockTexts.count)
        lengths.reserveCapacity(blockTexts.count)
        text.reserveCapacity(blockTexts.reduce(0) { $0 + $1.utf8.count + 2 })
        var offset = 0
        for (index, raw) in blockTexts.enumerated() {
            if index > 0 {
                text += Self.separator
                offset += Self.separatorLength
            }
            let normalized = Self.nfc(raw)
            let length = normalized.unicodeScalars.count
            starts.append(offset)
            lengths.append(length)
            text += normalized
            offset += length
        }
        self.text = text
        self.blockStarts = starts
        self.blockLengths = lengths
        self.scalarCount = offset
    }

    /// The normalized text of `article`: what annotation offsets and fingerprints are computed on.
    public static func normalized(_ article: Article) -> String {
        ArticleText(article).text
    }

    /// `text` in Unicode Normalization Form C.
    public static func nfc(_ text: String) -> String {
        // ASCII is always NFC, and most articles are mostly ASCII: skip the normalizer then.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        // The standard library's own normalizer keeps GlossCore free of Foundation.
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    public var blockCount: Int { blockStarts.count }

    /// The range of block `block` in the normalized text; nil when there is no such block.
    public func range(ofBlock block: Int) -> Range<Int>? {
        guard block >= 0, block < blockStarts.count else { return nil }
        return blockStarts[block]..<(blockStarts[block] + blockLengths[block])
    }

    /// The normalized-text offset of `offset` scalars into block `block`; nil when out of bounds.
    /// `offset` may equal the block's length (the position just after its last scalar).
    public func articleOffset(block: Int, offset: Int) -> Int? {
        guard let range = range(ofBlock: block), offset >= 0, offset <= range.count else { return nil }
        return range.lowerBound + offset
    }

    /// The block location of a normalized-text offset. An offset inside the separator between two
    /// blocks maps to the end of the block before it. Nil when out of bounds or the text is empty.
    public func location(ofArticleOffset offset: Int) -> BlockLocation? {
        guard offset >= 0, offset <= scalarCount, !blockStarts.isEmpty else { return nil }
        // Binary search for the last block starting at or before `offset`.
        var low = 0
        var high = blockStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if blockStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return BlockLocation(block: low, offset: min(offset - blockStarts[low], blockLengths[low]))
    }
}
