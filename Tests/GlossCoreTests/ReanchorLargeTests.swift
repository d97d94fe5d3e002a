import Testing

@testable import GlossCore

/// Large articles with local edits: these finish only if the diff and the searches stay linear.
@Suite("Reanchor: large articles")
struct ReanchorLargeTests {
    /// About `blockCount` × 500 scalars. Blocks reuse 200 made-up paragraphs (making 5 MB of
    /// random words takes long) but each turns its paragraph's words round differently and
    /// starts with its own number, so every block is different.
    private static func blocks(count blockCount: Int, seed: UInt64) -> [String] {
        var random = ReanchorRandom(seed: seed)
        let bases = (0..<200).map { _ in random.paragraph(length: 500).split(separator: " ") }
        return (0..<blockCount).map { index in
            let words = bases[index % bases.count]
            let turn = (index / bases.count) % words.count
            return "¶\(index) " + (words[turn...] + words[..<turn]).joined(separator: " ")
        }
    }

    private static func prefix(of block: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(block.unicodeScalars.prefix(length)))
    }

    @Test func fiveMegabytesWithOneLocalEdit() throws {
        var blocks = Self.blocks(count: 10_000, seed: 29)
        let old = ArticleText(blockTexts: blocks)
        #expect(old.text.utf8.count > 5_000_000)

        let before = try ReanchorFixture.annotation("before", quoting: Self.prefix(of: blocks[100], 60), in: old)
        let after = try ReanchorFixture.annotation("after", quoting: Self.prefix(of: blocks[9000], 60), in: old)
        let spanning = try ReanchorFixture.annotation(
            "spanning", quoting: String(blocks[7000].suffix(30)) + "\n\n" + Self.prefix(of: blocks[7001], 30), in: old)
        let edited = try ReanchorFixture.annotation("edited", quoting: Self.prefix(of: blocks[5000], 80), in: old)

        // One character inside the "edited" quote changes, and a paragraph is inserted after it.
        var scalars = Array(blocks[5000].unicodeScalars)
        scalars[50] = scalars[50] == "#" ? "%" : "#"
        blocks[5000] = String(String.UnicodeScalarView(scalars))
        let inserted = "A paragraph inserted by the editor."
        blocks.insert(inserted, at: 5001)
        let new = ArticleText(blockTexts: blocks)
        let shift = inserted.unicodeScalars.count + 2

        let map = OffsetMap(from: old.text, to: new.text)
        #expect(map.segments.count <= 4)

        let annotations = [before, after, spanning, edited]
        for keepSnapshot in [true, false] {
            let result = ReanchorFixture.reanchor(annotations, from: old, to: new, keepSnapshot: keepSnapshot)
            let moved = keepSnapshot ? AnchorStatus.mapped : .exact
            #expect(result[0].anchor.status == moved)
            #expect(result[0].anchor.position == before.anchor.position)
            for (index, annotation) in [(1, after), (2, spanning)] {
                #expect(result[index].anchor.status == moved)
                #expect(result[index].anchor.position.start == annotation.anchor.position.start + shift)
                #expect(result[index].anchor.quote.exact == annotation.anchor.quote.exact)
                #expect(result[index].anchor.blockIndex == annotation.anchor.blockIndex + 1)
                #expect(result[index].anchor.blockEnd == annotation.anchor.blockEnd + 1)
            }
            #expect(result[3].anchor.status == .fuzzy)
            #expect(result[3].anchor.position == edited.anchor.position)
            #expect(result[3].anchor.quote.exact == Self.prefix(of: blocks[5000], 80))
        }
    }

    @Test func editsAtBothEndsOfAMegabyteDiffTheWholeMiddleLineByLine() throws {
        var blocks = Self.blocks(count: 2000, seed: 31)
        let old = ArticleText(blockTexts: blocks)
        let middle = try ReanchorFixture.annotation("middle", quoting: Self.prefix(of: blocks[1000], 50), in: old)
        blocks[0] = "A new first paragraph."
        blocks[1999] += " And a last sentence."
        let new = ArticleText(blockTexts: blocks)
        let map = OffsetMap(from: old.text, to: new.text)
        let firstBlock = try #require(new.range(ofBlock: 0))
        let lastBlock = try #require(new.range(ofBlock: 1999))
        #expect(!map.changedRanges.isEmpty)
        for changed in map.changedRanges {
            #expect(changed.upperBound <= firstBlock.upperBound || changed.lowerBound >= lastBlock.lowerBound)
        }
        let result = ReanchorFixture.reanchor([middle], from: old, to: new, keepSnapshot: true)
        let anchor = try #require(result.first).anchor
        #expect(anchor.status == .mapped)
        #expect(anchor.blockIndex == 1000)
        #expect(anchor.quote.exact == middle.anchor.quote.exact)
        ReanchorFixture.expectConsistent(anchor, in: new)
    }
}
