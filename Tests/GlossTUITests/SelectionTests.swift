import GlossCore
import Testing

@testable import GlossTUI

/// The selected text of each covered block.
func selectedTexts(_ selection: Selection, in blocks: [Block]) -> [String] {
    selection.blockRanges(in: blocks).map { entry in
        let scalars = Array(blocks[entry.block].text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[entry.range]))
    }
}

func paragraphs(_ texts: String...) -> [Block] {
    texts.map { Block(kind: .paragraph, text: $0) }
}

@Suite("Visual-mode selection")
struct SelectionTests {
    let english = paragraphs(
        "Dr. Smith moved to the U.S. in May. He likes it here. Really!",
        "",
        "Second paragraph starts. It ends here.",
        "Last one.")

    @Test func startsWithTheFirstSentenceDespiteAbbreviations() throws {
        let selection = try #require(Selection(firstSentenceOf: 0, in: english))
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May."])
        #expect(selection.start == TextPoint(block: 0, offset: 0))
        #expect(selection.activeIsEnd)
        #expect(selection.active == selection.end)
    }

    @Test func blocksWithoutWordsCannotStartASelection() {
        #expect(Selection(firstSentenceOf: 1, in: english) == nil)
        #expect(Selection(firstSentenceOf: 9, in: english) == nil)
        #expect(Selection(firstSentenceOf: 0, in: paragraphs("   ")) == nil)
    }

    @Test func sentenceMotionsMoveTheEnd() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        let moved = selection.apply(.sentenceForward, in: english)
        #expect(moved)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here."])
        selection.apply(.sentenceForward, in: english)
        selection.apply(.sentenceForward, in: english)
        // Past the block's last sentence the end goes on into the next block that has words.
        #expect(selectedTexts(selection, in: english) == [
            "Dr. Smith moved to the U.S. in May. He likes it here. Really!", "Second paragraph starts.",
        ])
        selection.apply(.sentenceBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here. Really!"])
        selection.apply(.sentenceBackward, in: english)
        selection.apply(.sentenceBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May."])
    }

    @Test func sentenceForwardFromInsideASentenceStopsAtItsEnd() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        selection.apply(.wordForward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He"])
        selection.apply(.sentenceForward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here."])
        selection.apply(.wordForward, in: english)
        selection.apply(.sentenceBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here."])
    }

    @Test func wordMotionsMoveOneWord() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        selection.apply(.wordBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in"])
        selection.apply(.wordBackward, in: english)
        selection.apply(.wordBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the"])
        #expect(selection.end == TextPoint(block: 0, offset: 22))
    }

    @Test func theEndStopsAtOneWord() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        selection.apply(.paragraphStart, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr."])
        let stopped = [SelectionMotion.wordBackward, .sentenceBackward, .previousParagraph].map { motion in
            selection.apply(motion, in: english)
        }
        #expect(stopped == [false, false, false])
        #expect(selectedTexts(selection, in: english) == ["Dr."])
        selection.apply(.paragraphEnd, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here. Really!"])
    }

    @Test func swappedEndsMoveTheStart() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        selection.apply(.paragraphEnd, in: english)
        let swapped = selection.apply(.swapEnds, in: english)
        #expect(swapped)
        #expect(!selection.activeIsEnd)
        #expect(selection.active == selection.start)
        selection.apply(.sentenceForward, in: english)
        #expect(selectedTexts(selection, in: english) == ["He likes it here. Really!"])
        selection.apply(.wordForward, in: english)
        #expect(selectedTexts(selection, in: english) == ["likes it here. Really!"])
        // From inside a sentence `(` goes to that sentence's start first.
        selection.apply(.sentenceBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["He likes it here. Really!"])
        selection.apply(.paragraphStart, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here. Really!"])
        selection.apply(.swapEnds, in: english)
        selection.apply(.sentenceBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here."])
    }

    @Test func theStartStopsAtTheLastWord() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        selection.apply(.swapEnds, in: english)
        selection.apply(.sentenceForward, in: english)
        #expect(selectedTexts(selection, in: english) == ["May."])
        let stopped = [SelectionMotion.sentenceForward, .wordForward, .paragraphEnd, .nextParagraph].map { motion in
            selection.apply(motion, in: english)
        }
        #expect(stopped == [false, false, false, false])
        #expect(selectedTexts(selection, in: english) == ["May."])
        selection.apply(.wordBackward, in: english)
        #expect(selectedTexts(selection, in: english) == ["in May."])
    }

    @Test func paragraphMotionsSpanBlocksAndSkipEmptyOnes() throws {
        var selection = try #require(Selection(firstSentenceOf: 0, in: english))
        let movedDown = selection.apply(.nextParagraph, in: english)
        #expect(movedDown)
        #expect(selection.end == TextPoint(block: 2, offset: 24))
        #expect(selection.blockRanges(in: english).map(\.block) == [0, 2])
        #expect(selectedTexts(selection, in: english) == [
            "Dr. Smith moved to the U.S. in May. He likes it here. Really!", "Second paragraph starts.",
        ])
        selection.apply(.nextParagraph, in: english)
        #expect(selectedTexts(selection, in: english).last == "Last one.")
        let movedPastLast = selection.apply(.nextParagraph, in: english)
        #expect(!movedPastLast)
        selection.apply(.previousParagraph, in: english)
        selection.apply(.previousParagraph, in: english)
        // `k` lands on the end of the previous block's last sentence.
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here. Really!"])
        let atTop = selection.apply(.previousParagraph, in: english)
        #expect(!atTop)
        #expect(selectedTexts(selection, in: english) == ["Dr. Smith moved to the U.S. in May. He likes it here. Really!"])
    }

    @Test func previousParagraphBeforeTheStartStopsAtOneWord() throws {
        var selection = try #require(Selection(firstSentenceOf: 2, in: english))
        selection.apply(.sentenceForward, in: english)
        let moved = selection.apply(.previousParagraph, in: english)
        #expect(moved)
        #expect(selectedTexts(selection, in: english) == ["Second"])
        #expect(selection.start == TextPoint(block: 2, offset: 0))
    }

    @Test func paragraphMotionsOfTheStart() throws {
        var selection = try #require(Selection(firstSentenceOf: 2, in: english))
        selection.apply(.swapEnds, in: english)
        let movedUp = selection.apply(.previousParagraph, in: english)
        #expect(movedUp)
        #expect(selectedTexts(selection, in: english) == ["Really!", "Second paragraph starts."])
        let atTop = selection.apply(.previousParagraph, in: english)
        #expect(!atTop)
        #expect(selection.start == TextPoint(block: 0, offset: 54))
        selection.apply(.nextParagraph, in: english)
        #expect(selectedTexts(selection, in: english) == ["Second paragraph starts."])
        selection.apply(.nextParagraph, in: english)
        #expect(selectedTexts(selection, in: english) == ["starts."])
    }

    @Test func cjkIdeographsAreWordsAndFullStopsEndSentences() throws {
        let blocks = paragraphs("今日は晴れ。明日は雨でしょう。")
        var selection = try #require(Selection(firstSentenceOf: 0, in: blocks))
        #expect(selectedTexts(selection, in: blocks) == ["今日は晴れ。"])
        selection.apply(.wordForward, in: blocks)
        #expect(selectedTexts(selection, in: blocks) == ["今日は晴れ。明"])
        selection.apply(.sentenceForward, in: blocks)
        #expect(selectedTexts(selection, in: blocks) == ["今日は晴れ。明日は雨でしょう。"])
        selection.apply(.swapEnds, in: blocks)
        selection.apply(.wordForward, in: blocks)
        selection.apply(.wordForward, in: blocks)
        #expect(selectedTexts(selection, in: blocks) == ["は晴れ。明日は雨でしょう。"])
        selection.apply(.sentenceForward, in: blocks)
        #expect(selectedTexts(selection, in: blocks) == ["明日は雨でしょう。"])
    }

    @Test func emojiSequencesAreNeverSplit() throws {
        let family = "👨\u{200D}👩\u{200D}👧"
        let blocks = paragraphs("Our \(family) trip 🎉 was fun. Thumbs 👍🏽 up.")
        var selection = try #require(Selection(firstSentenceOf: 0, in: blocks))
        #expect(selectedTexts(selection, in: blocks) == ["Our \(family) trip 🎉 was fun."])
        selection.apply(.paragraphStart, in: blocks)
        selection.apply(.wordForward, in: blocks)
        #expect(selectedTexts(selection, in: blocks) == ["Our \(family)"])
        #expect(selection.end.offset == 4 + family.unicodeScalars.count)
        selection.apply(.paragraphEnd, in: blocks)
        selection.apply(.wordBackward, in: blocks)
        #expect(selectedTexts(selection, in: blocks).first?.hasSuffix("Thumbs 👍🏽") == true)
        for offset in [selection.start.offset, selection.end.offset] {
            let text = blocks[0].text
            let index = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
            #expect(index.samePosition(in: text) != nil)
        }
    }

    @Test func rangesSnapOutwardToWords() throws {
        let selection = try #require(Selection(
            start: TextPoint(block: 0, offset: 5), end: TextPoint(block: 0, offset: 12), in: english))
        #expect(selectedTexts(selection, in: english) == ["Smith moved"])
        let acrossEmpty = try #require(Selection(
            start: TextPoint(block: 0, offset: 49), end: TextPoint(block: 2, offset: 3), in: english))
        #expect(selectedTexts(acrossEmpty, in: english) == ["here. Really!", "Second"])
        let point = try #require(Selection(
            start: TextPoint(block: 3, offset: 2), end: TextPoint(block: 3, offset: 2), in: english))
        #expect(selectedTexts(point, in: english) == ["Last"])
        #expect(Selection(start: TextPoint(block: 0, offset: 3), end: TextPoint(block: 0, offset: 4), in: english) == nil)
        #expect(Selection(start: TextPoint(block: 1, offset: 0), end: TextPoint(block: 1, offset: 0), in: paragraphs("", "")) == nil)
    }

    @Test func staleSelectionsNeitherCrashNorMove() throws {
        var selection = try #require(Selection(firstSentenceOf: 3, in: english))
        let shorter = paragraphs("One.")
        let movedInShorter = selection.apply(.wordForward, in: shorter)
        #expect(!movedInShorter)
        #expect(selection.blockRanges(in: shorter).isEmpty)
        let movedInNothing = selection.apply(.nextParagraph, in: [])
        #expect(!movedInNothing)
    }
}
