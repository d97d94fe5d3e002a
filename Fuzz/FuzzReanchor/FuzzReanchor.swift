import FuzzSupport
import GlossCore

/// Re-anchoring random annotations from a random old text onto an edited or unrelated new one.
///
/// Input, in order: the old article (blocks of pieces from a small, repetitive vocabulary, so
/// quotes recur), the edits that make the new one, then the annotations: ranges of the old text,
/// some with a damaged position, a made-up quote or a stored status, and whether the snapshot is
/// kept and the fingerprint claims the text is unchanged. Checked: the result has the same ids
/// in the same order; tombstones are untouched; an orphan keeps its stored anchor but for its
/// status; every found anchor is exactly a fresh anchor on its range of the new text; an `exact`
/// anchor quotes the stored text.
func fuzzReanchor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    let oldBlocks = (0..<input.int(in: 1...6)).map { _ in pieces(from: &input) }
    let newBlocks = edited(oldBlocks, by: &input)
    let old = ArticleText(blockTexts: oldBlocks.map { $0.joined() })
    let new = ArticleText(blockTexts: newBlocks.map { $0.joined() })
    let keepSnapshot = input.bool()
    let claimsUnchanged = input.int(in: 0...7) == 0
    let annotations = (0..<input.int(in: 1...8)).map { annotation(number: $0, on: old, from: &input) }

    let oldFingerprint = ArticleFingerprint.sha256(of: old.text)
    let newFingerprint = ArticleFingerprint.sha256(of: new.text)
    let result = Reanchorer.reanchor(
        annotations, storedFingerprint: claimsUnchanged ? newFingerprint : oldFingerprint,
        snapshot: keepSnapshot ? old.text : nil, current: new, currentFingerprint: newFingerprint)

    FuzzCheck.expect(result.map(\.id) == annotations.map(\.id), "ids or their order changed")
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

/// The new article: the old one changed by up to 8 edits, or (rarely) a text of its own.
private func edited(_ blocks: [[String]], by input: inout FuzzInput) -> [[String]] {
    if input.int(in: 0...15) == 0 {
        return (0..<input.int(in: 0...6)).map { _ in pieces(from: &input) }
    }
    var blocks = blocks
    for _ in 0..<input.int(in: 0...8) {
        let block = input.int(in: 0...max(0, blocks.count - 1))
        switch input.int(in: 0...5) {
        case 0 where !blocks.isEmpty: blocks.remove(at: block)
        case 1: blocks.insert(pieces(from: &input), at: min(block, blocks.count))
        case 2 where !blocks.isEmpty: blocks.insert(blocks[block], at: block)
        case 3 where blocks.count > 1: blocks.swapAt(block, input.int(in: 0...(blocks.count - 1)))
        case 4 where !blocks.isEmpty:
            let at = input.int(in: 0...blocks[block].count)
            blocks[block].insert(contentsOf: pieces(from: &input), at: at)
        case 5 where !blocks.isEmpty && !blocks[block].isEmpty:
            let start = input.int(in: 0...(blocks[block].count - 1))
            let end = min(blocks[block].count, start + input.int(in: 1...8))
            blocks[block].removeSubrange(start..<end)
        default: break
        }
    }
    return blocks
}

private func annotation(number: Int, on old: ArticleText, from input: inout FuzzInput) -> Annotation {
    let created = Timestamp(millisecondsSince1970: 1_795_514_400_000)
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
