import Testing

@testable import GlossCore

@Suite("Reanchor: random edits and damaged anchors")
struct ReanchorRandomTests {
    /// Whatever happens, a found anchor's quote is the text at its position, and an orphan is
    /// the stored anchor untouched but for its status.
    @Test func foundAnchorsHoldTheirQuoteAndOrphansKeepEverything() throws {
        var random = ReanchorRandom(seed: 41)
        for round in 0..<25 {
            let old = ArticleText(blockTexts: (0..<Int.random(in: 1...6, using: &random)).map { _ in
                random.paragraph(length: Int.random(in: 5...200, using: &random))
            })
            var blocks = old.text.components("\n\n")
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let block = Int.random(in: 0..<blocks.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: blocks.remove(at: block)
                case 1: blocks.insert(random.sentence(words: 5), at: block)
                default: blocks[block] = random.word() + " " + blocks[block]
                }
                if blocks.isEmpty { blocks = [random.sentence(words: 3)] }
            }
            let new = ArticleText(blockTexts: blocks)
            var annotations: [Annotation] = []
            for index in 0..<8 {
                let start = Int.random(in: 0..<old.scalarCount, using: &random)
                let end = min(old.scalarCount, start + Int.random(in: 0...40, using: &random))
                var anchor = try #require(AnnotationAnchor(range: start..<end, in: old))
                if index % 3 == 0 {
                    // Damaged: a position that does not fit the quote, or lies outside the text.
                    let shift = Int.random(in: -50...50, using: &random)
                    anchor.position = TextPositionSelector(start: start + shift, end: end + shift + 3)
                }
                anchor.status = AnchorStatus.allCases.randomElement(using: &random) ?? .exact
                annotations.append(Annotation(id: "\(index)", created: ReanchorFixture.created, anchor: anchor))
            }
            for keepSnapshot in [true, false] {
                let result = ReanchorFixture.reanchor(annotations, from: old, to: new, keepSnapshot: keepSnapshot)
                #expect(result.map(\.id) == annotations.map(\.id))
                for (before, after) in zip(annotations, result) {
                    ReanchorFixture.expectKeptOrConsistent(before.anchor, after.anchor, in: new, "round \(round)")
                }
            }
        }
    }
}
