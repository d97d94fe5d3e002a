import Testing

@testable import GlossCore

/// The substrings of `text` at the given scalar ranges.
func pieces(_ text: String, _ ranges: [Range<Int>]) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
}

func sentences(_ text: String) -> [String] {
    pieces(text, TextBoundaries.sentenceRanges(in: text))
}

@Suite("Sentence boundaries")
struct BoundarySentenceTests {
    @Test func splitsAtTerminatorsFollowedBySpace() {
        #expect(sentences("One. Two! Three? Four") == ["One.", "Two!", "Three?", "Four"])
        #expect(sentences("Really?! Yes... Fine… Done.") == ["Really?!", "Yes...", "Fine…", "Done."])
    }

    @Test func rangesExcludeSurroundingSpaces() {
        let text = "  First one.   Second one.  "
        #expect(TextBoundaries.sentenceRanges(in: text) == [2..<12, 15..<26])
        #expect(TextBoundaries.sentenceRanges(in: "").isEmpty)
        #expect(TextBoundaries.sentenceRanges(in: "   \n ").isEmpty)
    }

    @Test func doesNotSplitAtUSOrTitles() {
        #expect(sentences("The U.S. Treasury said no. It declined.") == ["The U.S. Treasury said no.", "It declined."])
        #expect(sentences("He moved to the U.S. in 2010. Then he left.") == ["He moved to the U.S. in 2010.", "Then he left."])
        #expect(sentences("The U.S crypto industry grew. Others followed.") == ["The U.S crypto industry grew.", "Others followed."])
        #expect(sentences("Dr. Smith met Mr. and Mrs. Jones and Ms. Lee on St. Mark's Square. They talked.")
            == ["Dr. Smith met Mr. and Mrs. Jones and Ms. Lee on St. Mark's Square.", "They talked."])
    }

    @Test func doesNotSplitAtCommonAbbreviationsMidSentence() {
        #expect(sentences("Fruit, e.g. Apples, i.e. Red ones. Next.") == ["Fruit, e.g. Apples, i.e. Red ones.", "Next."])
        #expect(sentences("Acme Inc. announced it. Jones Jr. was there.") == ["Acme Inc. announced it.", "Jones Jr. was there."])
        #expect(sentences("Apples, pears, etc. and more. Also Ali vs. Frazier.") == ["Apples, pears, etc. and more.", "Also Ali vs. Frazier."])
        #expect(sentences("See No. 5 and p. 12 today.") == ["See No. 5 and p. 12 today."])
    }

    @Test func initialsAndDecimalsStayInTheSentence() {
        #expect(sentences("J. R. R. Tolkien wrote it. Fans agree.") == ["J. R. R. Tolkien wrote it.", "Fans agree."])
        #expect(sentences("It fell 4.3 percent. Then it rose.") == ["It fell 4.3 percent.", "Then it rose."])
        #expect(sentences("Visit example.com today. Bye.") == ["Visit example.com today.", "Bye."])
    }

    @Test func aLowercaseWordAfterAPeriodContinuesTheSentence() {
        #expect(sentences("It was the end. and then more. Next") == ["It was the end. and then more.", "Next"])
        #expect(sentences("Wait... then go.") == ["Wait... then go."])
    }

    @Test func closingQuotesStayWithTheSentenceTheyEnd() {
        #expect(sentences("He said \"stop.\" Then he left…") == ["He said \"stop.\"", "Then he left…"])
        #expect(sentences("She asked, “Why?” Nobody knew. (It was late.) Fine.")
            == ["She asked, “Why?”", "Nobody knew.", "(It was late.)", "Fine."])
        #expect(sentences("Done. \"Next,\" he said.") == ["Done.", "\"Next,\" he said."])
    }

    @Test func cjkTerminatorsSplitWithoutSpaces() {
        #expect(sentences("日本語。次の文。") == ["日本語。", "次の文。"])
        #expect(sentences("本当？はい！終わり") == ["本当？", "はい！", "終わり"])
        #expect(sentences("「はい。」次。") == ["「はい。」", "次。"])
        #expect(TextBoundaries.sentenceRanges(in: "日本語。次の文。") == [0..<4, 4..<8])
    }

    @Test func lineBreaksEndSentences() {
        #expect(sentences("A heading\nThe body. More") == ["A heading", "The body.", "More"])
    }

    @Test func emojiDoNotConfuseOffsets() {
        let text = "Great 👍🏽. Next 👨\u{200D}👩\u{200D}👧! Done"
        #expect(sentences(text) == ["Great 👍🏽.", "Next 👨\u{200D}👩\u{200D}👧!", "Done"])
        #expect(TextBoundaries.sentenceRanges(in: text) == [0..<9, 10..<21, 22..<26])
    }

    @Test func sampleArticleParagraphs() {
        #expect(sentences(sampleParagraphs[0]) == [sampleParagraphs[0]])
        #expect(sentences(sampleParagraphs[1]) == [
            "Apparently , negotiations between the two parties started back in December last year, where Binance's founder Changpeng \"CZ\" Zhao first met Trump's two sons, Eric and Trump Jr.",
            "Shortly after the meeting, the negotiation between Binance and World Liberty Financial accelerated in the following months.",
        ])
        #expect(sentences(sampleParagraphs[2]) == ["The evolving crypto landscape"])
        #expect(sentences(sampleParagraphs[3]) == [sampleParagraphs[3]])
        #expect(sentences(sampleParagraphs[4]) == [sampleParagraphs[4]])
        #expect(sentences(sampleParagraphs[5]) == [sampleParagraphs[5]])
    }
}
