import GlossCore
import Testing

@Suite struct ArticleTextTests {
    @Test func normalizedTextJoinsBlocksWithABlankLine() {
        let article = Article(
            metadata: ArticleMetadata(title: "T"), format: .markdown,
            blocks: [Block(kind: .heading(level: 1), text: "Title"), Block(kind: .paragraph, text: "Body text.")])
        #expect(ArticleText.normalized(article) == "Title\n\nBody text.")
        let text = ArticleText(article)
        #expect(text.blockStarts == [0, 7])
        #expect(text.blockLengths == [5, 10])
        #expect(text.scalarCount == 17)
    }

    @Test func blocksAreNormalizedToNFC() {
        // "é" as e + combining acute (NFD) becomes the single scalar U+00E9.
        let text = ArticleText(blockTexts: ["cafe\u{301}", "x"])
        #expect(Array(text.text.unicodeScalars).map(\.value) == [0x63, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x78])
        #expect(text.blockLengths == [4, 1])
        #expect(text.articleOffset(block: 1, offset: 0) == 6)
    }

    @Test func offsetsMapBothWaysForEveryScalar() throws {
        let blocks = ["Ünïcödé 🎉 text", "", "second", "日本語のテキスト"]
        let text = ArticleText(blockTexts: blocks)
        let scalars = Array(text.text.unicodeScalars)
        for (block, blockText) in blocks.enumerated() {
            let blockScalars = Array(ArticleText.nfc(blockText).unicodeScalars)
            for offset in 0...blockScalars.count {
                let articleOffset = try #require(text.articleOffset(block: block, offset: offset))
                if offset < blockScalars.count {
                    #expect(scalars[articleOffset] == blockScalars[offset])
                }
                #expect(text.location(ofArticleOffset: articleOffset) == BlockLocation(block: block, offset: offset))
            }
        }
        #expect(text.articleOffset(block: 4, offset: 0) == nil)
        #expect(text.articleOffset(block: 0, offset: 99) == nil)
        #expect(text.location(ofArticleOffset: -1) == nil)
        #expect(text.location(ofArticleOffset: text.scalarCount + 1) == nil)
    }

    @Test func anOffsetInsideASeparatorMapsToTheEndOfThePreviousBlock() {
        let text = ArticleText(blockTexts: ["abc", "def"])
        #expect(text.location(ofArticleOffset: 3) == BlockLocation(block: 0, offset: 3))
        #expect(text.location(ofArticleOffset: 4) == BlockLocation(block: 0, offset: 3))
        #expect(text.location(ofArticleOffset: 5) == BlockLocation(block: 1, offset: 0))
        #expect(text.location(ofArticleOffset: 8) == BlockLocation(block: 1, offset: 3))
        #expect(ArticleText(blockTexts: []).location(ofArticleOffset: 0) == nil)
    }

    @Test func anchorsRecordTheBlocksTheyCover() throws {
        let text = ArticleText(blockTexts: ["first block", "second block", "third"])
        let start = try #require(text.articleOffset(block: 0, offset: 6))
        let end = try #require(text.articleOffset(block: 2, offset: 2))
        let anchor = try #require(AnnotationAnchor(range: start..<end, in: text))
        #expect(anchor.blockIndex == 0)
        #expect(anchor.blockEnd == 2)
        #expect(anchor.quote.exact == "block\n\nsecond block\n\nth")
        #expect(anchor.quote.prefix == "first ")
        #expect(anchor.quote.suffix == "ird")
        let single = try #require(AnnotationAnchor(range: 0..<5, in: text))
        #expect(single.blockEnd == 0)
    }

    @Test func fingerprintIsTheSHA256OfTheUTF8Text() {
        #expect(ArticleFingerprint.sha256(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ArticleFingerprint.sha256(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ArticleFingerprint.sha256(ofBytes: Array("abc".utf8)) == ArticleFingerprint.sha256(of: "abc"))
        let a = ArticleText(blockTexts: ["cafe\u{301}"]).text
        let b = ArticleText(blockTexts: ["caf\u{E9}"]).text
        #expect(ArticleFingerprint.sha256(of: a) == ArticleFingerprint.sha256(of: b))
    }
}
