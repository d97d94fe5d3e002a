import Testing

@testable import GlossCore

/// A revision that touches paragraphs all through the article: more line edits than the diff
/// searches for directly, yet highlights in untouched paragraphs are still mapped, not searched.
@Suite("Reanchor: edits spread over the whole article")
struct ReanchorSpreadEditsTests {
    @Test func anchoredDiffStillMapsWhenEditsAreEverywhere() throws {
        var random = ReanchorRandom(seed: 7)
        let paragraphs = (0..<3000).map { index in "Paragraph \(index). " + random.paragraph(length: 200) }
        var revised: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index % 50 == 0 { continue }
            revised.append(index % 3 == 1 ? "A correction was added. " + paragraph : paragraph)
            if index % 25 == 24 { revised.append("An inserted paragraph \(index).") }
        }
        let old = ArticleText(blockTexts: paragraphs)
        let new = ArticleText(blockTexts: revised)
        // Well over the diff's direct edit limit.
        #expect(paragraphs.count / 3 * 2 > ReanchorPolicy.maximumDiffEdits)

        let untouched = "Paragraph 2402. " + String(paragraphs[2402].dropFirst("Paragraph 2402. ".count).prefix(40))
        let gone = "Paragraph 2450. "
        let annotations = [
            try ReanchorFixture.annotation("kept", quoting: untouched, in: old),
            try ReanchorFixture.annotation("removed", quoting: gone + String(paragraphs[2450].dropFirst(gone.count).prefix(30)), in: old),
        ]
        let moved = ReanchorFixture.reanchor(annotations, from: old, to: new, keepSnapshot: true)
        let kept = try #require(moved.first { $0.id == "kept" })
        #expect(kept.anchor.status == .mapped)
        #expect(kept.anchor.quote.exact == untouched)
        ReanchorFixture.expectConsistent(kept.anchor, in: new)
        let removed = try #require(moved.first { $0.id == "removed" })
        #expect(removed.anchor.status == .orphan)
    }

    @Test func theLongestChainKeepsOrder() {
        let pairs = [(old: 0, new: 5), (old: 1, new: 1), (old: 2, new: 2), (old: 3, new: 9), (old: 4, new: 3)]
        let chain = MyersDiff.longestIncreasingChain(pairs)
        #expect(chain.map(\.new) == [1, 2, 3])
    }
}
