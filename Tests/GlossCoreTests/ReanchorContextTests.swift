import Testing

@testable import GlossCore

@Suite("Reanchor: context, short quotes, normalization, blocks, tombstones")
struct ReanchorContextTests {
    let minutes = ArticleText(blockTexts: [
        "Minutes",
        "Morning session: the committee met at nine. We will return to this point later. Several members asked for a delay.",
        "Evening session: the vote was postponed again. We will return to this point later. The chair closed the meeting.",
    ])
    let repeated = "We will return to this point later."

    @Test func aRepeatedSentenceIsToldApartByItsContext() throws {
        for occurrence in [0, 1] {
            let anchor = try ReanchorFixture.anchor(quoting: repeated, in: minutes, occurrence: occurrence)
            // An edit elsewhere, and no snapshot: only the quote search can place it.
            var blocks = minutes.text.components("\n\n")
            blocks[0] = "Minutes of the annual meeting"
            let edited = ArticleText(blockTexts: blocks)
            let found = try ReanchorFixture.reanchor(anchor, from: minutes, to: edited, keepSnapshot: false)
            #expect(found.status == .exact)
            #expect(found.position.range == (try ReanchorFixture.range(of: repeated, in: edited.text, occurrence: occurrence)))
            #expect(found.blockIndex == occurrence + 1)
        }
    }

    @Test func aRepeatedSentenceWhoseContextChangedEverywhereIsFuzzy() throws {
        let anchor = try ReanchorFixture.anchor(quoting: repeated, in: minutes, occurrence: 1)
        let edited = ArticleText(blockTexts: [
            "Minutes",
            "Breakfast: coffee, toast, jam. We will return to this point later. Quorum: 14 of 20 (70%).",
            "Dinner: soup; fish & chips. We will return to this point later. Budget? $1,200 (approx.)",
        ])
        let found = try ReanchorFixture.reanchor(anchor, from: minutes, to: edited, keepSnapshot: false)
        #expect(found.status == .fuzzy)
        #expect(found.quote.exact == repeated)
        ReanchorFixture.expectConsistent(found, in: edited)
        // The diff, though, knows which of the two it was: the sentence itself did not change.
        let mapped = try ReanchorFixture.reanchor(anchor, from: minutes, to: edited, keepSnapshot: true)
        #expect(mapped.status == .mapped)
        #expect(mapped.position.range == (try ReanchorFixture.range(of: repeated, in: edited.text, occurrence: 1)))
    }

    @Test func twoOccurrencesWithTheSameContextTieAndAreFuzzy() throws {
        let paragraph = "Long identical opening words come first. Repeated line here. Long identical closing words come last."
        let old = ArticleText(blockTexts: ["Title", paragraph, paragraph])
        let anchor = try ReanchorFixture.anchor(quoting: "Repeated line here.", in: old, occurrence: 1)
        let new = ArticleText(blockTexts: ["New title", paragraph, paragraph])
        let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: false)
        #expect(found.status == .fuzzy)
        // Of the two, the one nearest the old position.
        #expect(found.blockIndex == 2)
    }

    @Test func fuzzyCandidatesWithoutAClearLeaderLeaveAnOrphan() throws {
        let opening = "Long identical opening words come first. "
        let closing = " Long identical closing words come last."
        let typo = "strong demmand for cloud services"
        let fixed = "strong demand for cloud services"
        let old = ArticleText(blockTexts: ["Title", opening + typo + closing, opening + fixed + closing])
        let new = ArticleText(blockTexts: ["Title", opening + fixed + closing, opening + fixed + closing])
        let anchor = try ReanchorFixture.anchor(quoting: typo, in: old)
        let orphan = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: false)
        #expect(orphan.status == .orphan)
        #expect(orphan.position == anchor.position)
        // The diff rules out the copy that was there all along.
        let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: true)
        #expect(found.status == .fuzzy)
        #expect(found.blockIndex == 1 && found.quote.exact == fixed)
    }

    @Test func aUniqueQuoteWhoseContextChangedOnBothSidesIsFuzzy() throws {
        let anchor = try ReanchorFixture.anchor(quoting: "the committee met at nine.", in: minutes)
        let edited = ArticleText(blockTexts: ["Notes", "Budget: $1,200 (approx.) — the committee met at nine. Quorum? 14/20."])
        let found = try ReanchorFixture.reanchor(anchor, from: minutes, to: edited, keepSnapshot: false)
        #expect(found.status == .fuzzy)
        #expect(found.position.range == (try ReanchorFixture.range(of: "the committee met at nine.", in: edited.text)))
    }

    @Test func quotesUnderTwelveScalarsAreNeverFuzzyMatched() throws {
        let old = ArticleText(blockTexts: ["Please recieve it kindly and pass it on to the others in the team."])
        let new = ArticleText(blockTexts: ["Please receive it kindly and pass it on to the others in the team."])
        let short = try ReanchorFixture.anchor(quoting: "recieve it", in: old)
        #expect(short.quote.exact.unicodeScalars.count < ReanchorPolicy.minimumFuzzyQuoteLength)
        // The same edit in a quote long enough is found: the limit, not the edit, orphans it.
        let long = try ReanchorFixture.anchor(quoting: "Please recieve it kindly", in: old)
        for keepSnapshot in [false, true] {
            let shortFound = try ReanchorFixture.reanchor(short, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(shortFound.status == .orphan)
            #expect(shortFound.quote == short.quote && shortFound.position == short.position)
            let longFound = try ReanchorFixture.reanchor(long, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(longFound.status == .fuzzy)
            #expect(longFound.quote.exact == "Please receive it kindly")
        }
    }

    @Test func anAnnotationMadeOnNFCTextIsFoundInTheSameTextInNFD() throws {
        let composed = "Le café crème coûte trois euros à Genève, dit-on."
        let decomposed = "Le cafe\u{301} cre\u{300}me cou\u{302}te trois euros a\u{300} Gene\u{300}ve, dit-on."
        #expect(composed.unicodeScalars.count != decomposed.unicodeScalars.count)
        let old = ArticleText(blockTexts: ["Prix", composed])
        let new = ArticleText(blockTexts: ["Prix", decomposed])
        let anchor = try ReanchorFixture.anchor(quoting: "café crème coûte", in: old)
        let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: false)
        #expect(found == anchor)
        // Also when the file changed elsewhere, and with a quote stored decomposed.
        let changed = ArticleText(blockTexts: ["Prix à Genève", decomposed])
        var decomposedAnchor = anchor
        decomposedAnchor.quote.exact = "cafe\u{301} cre\u{300}me cou\u{302}te"
        for keepSnapshot in [false, true] {
            let moved = try ReanchorFixture.reanchor(decomposedAnchor, from: old, to: changed, keepSnapshot: keepSnapshot)
            #expect(moved.status == (keepSnapshot ? .mapped : .exact))
            #expect(moved.position.start == anchor.position.start + 9)
            #expect(moved.quote.exact.unicodeScalars.elementsEqual("café crème coûte".unicodeScalars))
        }
    }

    @Test func aHighlightSpanningTwoBlocksSurvivesEditsElsewhere() throws {
        let old = ArticleText(blockTexts: [
            "Title", "First paragraph ends here with a thought.", "Second paragraph picks it up again.", "Closing words.",
        ])
        let new = ArticleText(blockTexts: [
            "A longer title", "First paragraph ends here with a thought.", "Second paragraph picks it up again.",
            "Closing words, rewritten.",
        ])
        let anchor = try ReanchorFixture.anchor(quoting: "with a thought.\n\nSecond paragraph", in: old)
        #expect(anchor.blockIndex == 1 && anchor.blockEnd == 2)
        for keepSnapshot in [true, false] {
            let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(found.status == (keepSnapshot ? .mapped : .exact))
            #expect(found.position.start == anchor.position.start + 9)
            #expect(found.blockIndex == 1 && found.blockEnd == 2)
            ReanchorFixture.expectConsistent(found, in: new)
        }
    }

    @Test func tombstonesAreUnchangedAndTheOrderIsKept() throws {
        let old = ArticleText(blockTexts: ["Title", "Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa."])
        let new = ArticleText(blockTexts: ["New title", "Epsilon zeta eta theta.", "Iota kappa lambda."])
        let deletedAt = Timestamp(millisecondsSince1970: ReanchorFixture.created.millisecondsSince1970 + 1000)
        let annotations = [
            try ReanchorFixture.annotation("c", quoting: "Iota kappa", in: old),
            try ReanchorFixture.annotation("a", quoting: "Alpha beta gamma", in: old).tombstone(at: deletedAt),
            try ReanchorFixture.annotation("b", quoting: "zeta eta", in: old),
            try ReanchorFixture.annotation("d", quoting: "Epsilon", in: old).tombstone(at: deletedAt),
            try ReanchorFixture.annotation("e", quoting: "Alpha beta gamma delta.", in: old),
        ]
        for keepSnapshot in [true, false] {
            let result = ReanchorFixture.reanchor(annotations, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(result.map(\.id) == ["c", "a", "b", "d", "e"])
            #expect(result[1] == annotations[1] && result[3] == annotations[3])
            #expect(result[0].anchor.position.start == (try ReanchorFixture.range(of: "Iota kappa", in: new.text)).lowerBound)
            #expect(result[2].anchor.blockIndex == 1)
            #expect(result[4].anchor.status == .orphan)
            #expect(result.map(\.note) == annotations.map(\.note))
        }
        // Only tombstones: nothing to do.
        let tombstones = [annotations[1], annotations[3]]
        #expect(ReanchorFixture.reanchor(tombstones, from: old, to: new, keepSnapshot: true) == tombstones)
    }
}
