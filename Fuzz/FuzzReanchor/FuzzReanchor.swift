import FuzzSupport
@testable import GlossCore

/// Re-anchoring random annotations from a random old text onto an edited or unrelated new one.
///
/// Input, in order: the old article (blocks of pieces from a small, repetitive vocabulary, so
/// quotes recur), the edits that make the new one, then the annotations: ranges of the old text,
/// some with a damaged position, a made-up quote or a stored status, and whether the snapshot is
/// kept and the fingerprint claims the text is unchanged. Checked: the result has the same ids
/// in the same order; tombstones are untouched; an orphan keeps its stored anchor but for its
/// status; every found anchor is exactly a fresh anchor on its range of the new text; an `exact`
/// anchor quotes the stored text.
///
/// Then 0–4 highlights on whole pieces of one old block, whose fate the edit knows (each piece
/// of the new text remembers which old piece it copies, if any):
/// - one whose passage the edit deleted never ends on text that the diff shows to descend from
///   other old text. (In the diff's view: with so few, repeated pieces, which of two equal old
///   pieces survived is often a matter of choice, and the diff's choice is the one to check.)
/// - one whose passage survived verbatim, of at least 5 words and 24 scalars and found once in
///   both texts, ends on it.
func fuzzReanchor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    var numbered = 0
    let oldBlocks = (0..<input.int(in: 1...6)).map { _ in
        pieces(from: &input).map { text in
            defer { numbered += 1 }
            return Piece(text: text, origin: numbered)
        }
    }
    let newBlocks = edited(oldBlocks, by: &input)
    let oldLayout = Layout(oldBlocks)
    let newLayout = Layout(newBlocks)
    let old = oldLayout.article
    let new = newLayout.article
    let keepSnapshot = input.bool()
    let claimsUnchanged = input.int(in: 0...7) == 0
    var annotations = (0..<input.int(in: 1...8)).map { annotation(number: $0, on: old, from: &input) }
    var passages: [Passage] = []
    for passage in (0..<input.int(in: 0...4)).compactMap({ _ in oldLayout.passage(from: &input) }) {
        guard let anchor = AnnotationAnchor(range: oldLayout.range(of: passage), in: old) else { continue }
        annotations.append(Annotation(id: "p\(passages.count)", created: created, anchor: anchor))
        passages.append(passage)
    }

    let oldFingerprint = ArticleFingerprint.sha256(of: old.text)
    let newFingerprint = ArticleFingerprint.sha256(of: new.text)
    let result = Reanchorer.reanchor(
        annotations, storedFingerprint: claimsUnchanged ? newFingerprint : oldFingerprint,
        snapshot: keepSnapshot ? old.text : nil, current: new, currentFingerprint: newFingerprint)

    FuzzCheck.expect(result.map(\.id) == annotations.map(\.id), "ids or their order changed")
    if keepSnapshot, !claimsUnchanged {
        checkPassages(passages, result.suffix(passages.count), old: oldLayout, new: newLayout)
    }
    for (before, after) in zip(annotations, result) {
        if before.deleted {
            FuzzCheck.expect(after == before, "a tombstone was changed")
            continue
        }
        if after.anchor.status == .orphan {
            var expected = before.anchor
            expected.status = .orphan
            FuzzCheck.expect(after.anchor == expected, "an orphan lost its stored anchor: \(before.anchor) → \(after.anchor)")
            continue
        }
        let fresh = AnnotationAnchor(range: after.anchor.position.range, in: new, status: after.anchor.status)
        FuzzCheck.expect(fresh == after.anchor, "anchor \(after.anchor) is not what its range holds: \(String(describing: fresh))")
        if after.anchor.status == .exact {
            FuzzCheck.expect(
                after.anchor.quote.exact.unicodeScalars.elementsEqual(ArticleText.nfc(before.anchor.quote.exact).unicodeScalars),
                "exact anchor quotes \(after.anchor.quote.exact.debugDescription), stored \(before.anchor.quote.exact.debugDescription)")
        }
    }
    return 0
}

/// Few, repeating pieces: repeated quotes, shared context and NFC-sensitive text.
private let vocabulary: [String] = [
    "the ", "cat ", "sat ", "on ", "mat", ". ", "a", "b", " ", "\n", ",", "-", "tide ", "Harbor ",
    "é", "e\u{301}", "\u{301}", "漢", "😀", "🇯🇵", "\u{200D}", "the cat sat on the mat. ", "\t", "\u{A0}",
]

private func pieces(from input: inout FuzzInput) -> [String] {
    (0..<input.int(in: 0...40)).map { _ in input.element(of: vocabulary) }
}

/// Pieces the edit writes: copies of no old piece.
private func written(_ input: inout FuzzInput) -> [Piece] {
    pieces(from: &input).map { Piece(text: $0, origin: nil) }
}

/// The new article: the old one changed by up to 8 edits, or (rarely) a text of its own.
private func edited(_ blocks: [[Piece]], by input: inout FuzzInput) -> [[Piece]] {
    if input.int(in: 0...15) == 0 {
        return (0..<input.int(in: 0...6)).map { _ in written(&input) }
    }
    var blocks = blocks
    for _ in 0..<input.int(in: 0...8) {
        let block = input.int(in: 0...max(0, blocks.count - 1))
        switch input.int(in: 0...5) {
        case 0 where !blocks.isEmpty: blocks.remove(at: block)
        case 1: blocks.insert(written(&input), at: min(block, blocks.count))
        case 2 where !blocks.isEmpty: blocks.insert(blocks[block], at: block)
        case 3 where blocks.count > 1: blocks.swapAt(block, input.int(in: 0...(blocks.count - 1)))
        case 4 where !blocks.isEmpty:
            let at = input.int(in: 0...blocks[block].count)
            blocks[block].insert(contentsOf: written(&input), at: at)
        case 5 where !blocks.isEmpty && !blocks[block].isEmpty:
            let start = input.int(in: 0...(blocks[block].count - 1))
            let end = min(blocks[block].count, start + input.int(in: 1...8))
            blocks[block].removeSubrange(start..<end)
        default: break
        }
    }
    return blocks
}

private let created = Timestamp(millisecondsSince1970: 1_795_514_400_000)

private func annotation(number: Int, on old: ArticleText, from input: inout FuzzInput) -> Annotation {
    let start = input.int(in: 0...max(0, old.scalarCount))
    let end = min(old.scalarCount, start + input.int(in: 0...60))
    var anchor = AnnotationAnchor(range: start..<end, in: old)
        ?? AnnotationAnchor(quote: TextQuoteSelector(exact: ""), position: TextPositionSelector(start: 0, end: 0), blockIndex: 0)
    switch input.int(in: 0...7) {
    case 0:
        // Damaged: a position that does not fit the quote, or lies outside the text.
        let shift = input.int(in: 0...200) - 100
        anchor.position = TextPositionSelector(start: start + shift, end: end + shift + input.int(in: 0...5))
    case 1:
        // Edited by hand: a made-up quote and context.
        anchor.quote = TextQuoteSelector(
            exact: pieces(from: &input).joined(), prefix: pieces(from: &input).joined(), suffix: pieces(from: &input).joined())
    case 2:
        anchor.blockIndex = input.int(in: 0...300) - 100
        anchor.blockEnd = anchor.blockIndex + input.int(in: 0...3)
    default: break
    }
    anchor.status = input.element(of: AnchorStatus.allCases)
    return Annotation(id: "\(number)", created: created, anchor: anchor, deleted: input.int(in: 0...7) == 0)
}

/// A piece of an article's text and the number of the old piece it is a copy of, if any.
private struct Piece {
    var text: String
    var origin: Int?
}

/// Pieces `pieces` (consecutive numbers) of one old block.
private struct Passage {
    var pieces: Range<Int>
}

/// An article made of pieces, and the scalar range of each piece in its normalized text.
private struct Layout {
    let article: ArticleText
    /// Per block, the range and origin of each piece.
    let blocks: [[(range: Range<Int>, origin: Int?)]]
    /// False when some block's pieces changed length under NFC ("e" + U+0301): that block gets
    /// no layout, so passages avoid it and nothing can be said to be lost.
    let isComplete: Bool

    init(_ pieces: [[Piece]]) {
        article = ArticleText(blockTexts: pieces.map { $0.map(\.text).joined() })
        var layout: [[(range: Range<Int>, origin: Int?)]] = []
        var complete = true
        for (index, block) in pieces.enumerated() {
            var offset = article.blockStarts[index]
            let raw = block.map(\.text).joined()
            guard ArticleText.nfc(raw).unicodeScalars.count == raw.unicodeScalars.count else {
                layout.append([])
                complete = false
                continue
            }
            layout.append(block.map { piece in
                let length = piece.text.unicodeScalars.count
                defer { offset += length }
                return (offset..<(offset + length), piece.origin)
            })
        }
        blocks = layout
        isComplete = complete
    }

    func passage(from input: inout FuzzInput) -> Passage? {
        let block = input.int(in: 0...max(0, blocks.count - 1))
        guard block < blocks.count, !blocks[block].isEmpty else { return nil }
        let start = input.int(in: 0...(blocks[block].count - 1))
        let end = min(blocks[block].count, start + input.int(in: 1...6))
        guard let first = blocks[block][start].origin, let last = blocks[block][end - 1].origin,
              blocks[block][start].range.lowerBound < blocks[block][end - 1].range.upperBound
        else { return nil }
        return Passage(pieces: first..<(last + 1))
    }

    /// The passage's range; the layout must be of the old text, where origins are numbers in order.
    func range(of passage: Passage) -> Range<Int> {
        let all = blocks.flatMap { $0 }
        let covered = all.filter { $0.origin.map(passage.pieces.contains) ?? false }
        return (covered.first?.range.lowerBound ?? 0)..<(covered.last?.range.upperBound ?? 0)
    }

    /// Where every piece of the passage still follows the one before, in one block.
    func survivors(of passage: Passage) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for block in blocks {
            for start in block.indices where block[start].origin == passage.pieces.lowerBound {
                let end = start + passage.pieces.count
                guard end <= block.count,
                      zip(block[start..<end], passage.pieces).allSatisfy({ $0.origin == $1 })
                else { continue }
                found.append(block[start].range.lowerBound..<block[end - 1].range.upperBound)
            }
        }
        return found
    }

    /// True when no piece of the passage is left.
    func hasLost(_ passage: Passage) -> Bool {
        isComplete && !blocks.joined().contains { $0.origin.map(passage.pieces.contains) ?? false }
    }
}

private func occurrences(of quote: String, in text: String) -> Int {
    let pattern = Array(quote.utf8)
    var count = 0
    guard !pattern.isEmpty else { return 0 }
    var bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
        ExactQuoteSearch.scan(for: pattern, in: buffer) { _ in count += 1 }
    }
    return count
}

private func checkPassages(_ passages: [Passage], _ results: ArraySlice<Annotation>, old: Layout, new: Layout) {
    let map = OffsetMap(from: old.article.text, to: new.article.text)
    for (passage, result) in zip(passages, results) {
        let own = old.range(of: passage)
        let anchor = result.anchor
        let quote = ArticleText.nfc(String(old.article.text.unicodeScalars.dropFirst(own.lowerBound).prefix(own.count)))
        let survivors = new.survivors(of: passage)
        if new.hasLost(passage) {
            guard anchor.status != .orphan else { continue }
            FuzzCheck.expect(
                !map.descendsFromOtherText(anchor.position.range, own: own),
                "deleted passage \(own) \(quote.debugDescription) ended on \(anchor.position.range), other old text")
        } else if !survivors.isEmpty, quote.unicodeScalars.count >= 24,
                  QuoteTarget.words(in: quote.unicodeScalars) >= 5,
                  occurrences(of: quote, in: old.article.text) == 1, occurrences(of: quote, in: new.article.text) == 1 {
            FuzzCheck.expect(
                anchor.status != .orphan && survivors.contains(anchor.position.range),
                "surviving passage \(own) \(quote.debugDescription) ended \(anchor.status) on \(anchor.position.range), survivors \(survivors)")
        }
    }
}
