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
///
/// The joined text is not kept: each block's NFC text is held as a piece, which is the block's own
/// string (shared, not copied) when it is already NFC, so a large article is held once. `text`
/// joins the pieces when asked; what the reader needs on every open (the fingerprint, a quote and
/// its context) is read from the pieces.
public struct ArticleText: Sendable, Hashable {
    /// What separates two blocks in the normalized text.
    public static let separator = "\n\n"
    static let separatorLength = 2

    /// Where each block's normalized text is: in the article's own blocks when every block
    /// already is NFC (the array is shared, not copied), else in strings of its own.
    ///
    /// Two arrays and a flag, not an enum with the two arrays as payloads: Swift keeps such an
    /// enum's case in the spare bits of the array's pointer, which LeakSanitizer then cannot
    /// recognise, so every `ArticleText` held in a global was reported as leaked.
    private let sharedBlocks: [Block]
    private let ownStrings: [String]
    private let piecesAreBlocks: Bool
    /// The normalized-text offset where each block starts.
    public let blockStarts: [Int]
    /// The length of each block's normalized text, in scalars.
    public let blockLengths: [Int]
    /// The total length of `text`, in scalars.
    public let scalarCount: Int
    /// The total length of `text`, in UTF-8 bytes.
    public let utf8Count: Int
    /// The UTF-8 length of the longest piece that is not ASCII: finding a scalar offset in it
    /// walks it from its start (see `ArticleText+Pieces.swift`).
    public let longestNonASCIIPiece: Int

    public init(_ article: Article) {
        self.init(count: article.blocks.count, text: { article.blocks[$0].text }, blocks: article.blocks, strings: nil)
    }

    public init(blockTexts: [String]) {
        self.init(count: blockTexts.count, text: { blockTexts[$0] }, blocks: nil, strings: blockTexts)
    }

    /// `blocks` or `strings` hold the `count` texts `text` gives: kept as the pieces when all are NFC.
    private init(count: Int, text: (Int) -> String, blocks: [Block]?, strings: [String]?) {
        var own: [String]?
        var starts: [Int] = []
        var lengths: [Int] = []
        starts.reserveCapacity(count)
        lengths.reserveCapacity(count)
        var offset = 0
        var bytes = 0
        var longest = 0
        for index in 0..<count {
            if index > 0 {
                offset += Self.separatorLength
                bytes += Self.separatorLength
            }
            let (piece, length, isOwn) = Self.nfcPiece(text(index))
            if isOwn, own == nil {
                // The first block that is not NFC: from here on the pieces are strings of their own.
                var earlier: [String] = []
                earlier.reserveCapacity(count)
                for before in 0..<index { earlier.append(text(before)) }
                own = earlier
            }
            own?.append(piece)
            if length != piece.utf8.count { longest = max(longest, piece.utf8.count) }
            starts.append(offset)
            lengths.append(length)
            offset += length
            bytes += piece.utf8.count
        }
        if let own {
            (sharedBlocks, ownStrings, piecesAreBlocks) = ([], own, false)
        } else if let blocks {
            (sharedBlocks, ownStrings, piecesAreBlocks) = (blocks, [], true)
        } else {
            (sharedBlocks, ownStrings, piecesAreBlocks) = ([], strings ?? [], false)
        }
        self.blockStarts = starts
        self.blockLengths = lengths
        self.scalarCount = offset
        self.utf8Count = bytes
        self.longestNonASCIIPiece = longest
    }

    /// Block `block`'s normalized text; `block` must be in `0..<blockCount`.
    public func piece(_ block: Int) -> String {
        piecesAreBlocks ? sharedBlocks[block].text : ownStrings[block]
    }

    /// Every block's normalized text, in order.
    public var pieces: some RandomAccessCollection<String> {
        (0..<blockCount).lazy.map(piece)
    }

    public static func == (lhs: ArticleText, rhs: ArticleText) -> Bool {
        lhs.blockStarts == rhs.blockStarts && lhs.blockLengths == rhs.blockLengths
            && zip(lhs.pieces, rhs.pieces).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(blockStarts)
        hasher.combine(blockLengths)
    }

    /// `raw` in NFC and its length in scalars. The block's own string is kept when it already is
    /// NFC (always so for ASCII, found by counting), so the pieces share the blocks' storage.
    /// `isOwn` is true when the piece is a new string, not `raw`.
    private static func nfcPiece(_ raw: String) -> (piece: String, length: Int, isOwn: Bool) {
        var copy = raw
        let count = copy.withUTF8 { bytes in ScalarText.countScalars(in: bytes, 0..<bytes.count) }
        if count == raw.utf8.count { return (raw, count, false) }
        let normalized = nfc(raw)
        if normalized.utf8.elementsEqual(raw.utf8) { return (raw, count, false) }
        return (normalized, normalized.unicodeScalars.count, true)
    }

    /// The whole normalized text, joined now: a copy of the article, so only for what needs
    /// one string (a snapshot written to disk, a diff against an older text).
    public var text: String {
        var joined = ""
        joined.reserveCapacity(utf8Count)
        for index in 0..<blockCount {
            if index > 0 { joined += Self.separator }
            joined += piece(index)
        }
        return joined
    }

    /// True when every scalar is ASCII, so that scalar and byte offsets agree.
    public var isASCII: Bool { utf8Count == scalarCount }

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
