import Testing

@testable import GlossCore

@Suite("Reanchor: the rules")
struct ReanchorTests {
    let report = ArticleText(blockTexts: [
        "Quarterly results",
        "Revenue rose 12 percent in the third quarter, the company said on Tuesday.",
        "The chief executive pointed to strong demand for cloud services across Europe and Asia.",
        "Shares closed higher in New York after the announcement, extending gains for the year.",
    ])

    @Test func unchangedTextKeepsStoredPositions() throws {
        let anchor = try ReanchorFixture.anchor(quoting: "strong demand for cloud services", in: report)
        let found = try ReanchorFixture.reanchor(anchor, from: report, to: report, keepSnapshot: false)
        #expect(found == anchor)
        #expect(found.status == .exact)
        #expect(found.position.range == (try ReanchorFixture.range(of: "strong demand for cloud services", in: report.text)))
        #expect(found.blockIndex == 2 && found.blockEnd == 2)
    }

    @Test func onUnchangedTextFuzzyStaysFuzzyAndOrphansStayOrphans() throws {
        var fuzzy = try ReanchorFixture.anchor(quoting: "strong demand for cloud services", in: report)
        fuzzy.status = .fuzzy
        #expect(try ReanchorFixture.reanchor(fuzzy, from: report, to: report, keepSnapshot: false) == fuzzy)
        var mapped = fuzzy
        mapped.status = .mapped
        #expect(try ReanchorFixture.reanchor(mapped, from: report, to: report, keepSnapshot: false).status == .exact)
        // An orphan kept from an older text is not searched for again in the same text.
        var orphan = fuzzy
        orphan.status = .orphan
        orphan.position = TextPositionSelector(start: 3, end: 35)
        #expect(try ReanchorFixture.reanchor(orphan, from: report, to: report, keepSnapshot: false) == orphan)
        // Once the text changes it is.
        let edited = ArticleText(blockTexts: ["Quarterly results, revised"] + report.text.components("\n\n").dropFirst())
        let found = try ReanchorFixture.reanchor(orphan, from: report, to: edited, keepSnapshot: false)
        #expect(found.status == .exact)
        #expect(found.quote.exact == "strong demand for cloud services")
    }

    @Test func aCorruptedStoredPositionIsFoundAgainByItsQuote() throws {
        let anchor = try ReanchorFixture.anchor(quoting: "strong demand for cloud services", in: report)
        var corrupted = anchor
        corrupted.position = TextPositionSelector(start: anchor.position.start - 7, end: anchor.position.end - 7)
        corrupted.blockIndex = 0
        corrupted.blockEnd = 0
        for keepSnapshot in [false, true] {
            let found = try ReanchorFixture.reanchor(corrupted, from: report, to: report, keepSnapshot: keepSnapshot)
            #expect(found == anchor)
        }
        let direct = Reanchorer.reanchor(corrupted, fingerprintUnchanged: true, diff: nil, in: report)
        #expect(direct == anchor)
    }

    @Test func aParagraphInsertedBeforeIsMappedWithASnapshotAndFoundWithout() throws {
        let anchor = try ReanchorFixture.anchor(quoting: "strong demand for cloud services", in: report)
        let inserted = "An earlier paragraph that the editor added later."
        let edited = ArticleText(blockTexts: [
            report.text.components("\n\n")[0], inserted, report.text.components("\n\n")[1],
            report.text.components("\n\n")[2], report.text.components("\n\n")[3],
        ])
        let shift = inserted.unicodeScalars.count + 2
        let mapped = try ReanchorFixture.reanchor(anchor, from: report, to: edited, keepSnapshot: true)
        #expect(mapped.status == .mapped)
        #expect(mapped.position.range == (anchor.position.start + shift)..<(anchor.position.end + shift))
        #expect(mapped.blockIndex == 3 && mapped.blockEnd == 3)
        #expect(mapped.quote == anchor.quote)
        ReanchorFixture.expectConsistent(mapped, in: edited)

        let searched = try ReanchorFixture.reanchor(anchor, from: report, to: edited, keepSnapshot: false)
        #expect(searched.status == .exact)
        #expect(searched.position == mapped.position)
        ReanchorFixture.expectConsistent(searched, in: edited)
    }

    @Test func aTypoFixedInsideTheHighlightIsFuzzyOnTheCorrectedText() throws {
        let old = ArticleText(blockTexts: [
            "Quarterly results",
            "The chief executive pointed to strong demmand for cloud services across Europe and Asia.",
        ])
        let new = ArticleText(blockTexts: [
            "Quarterly results",
            "The chief executive pointed to strong demand for cloud services across Europe and Asia.",
        ])
        let anchor = try ReanchorFixture.anchor(quoting: "strong demmand for cloud services", in: old)
        let corrected = try ReanchorFixture.range(of: "strong demand for cloud services", in: new.text)
        for keepSnapshot in [true, false] {
            let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(found.status == .fuzzy)
            #expect(found.position.range == corrected)
            #expect(found.quote.exact == "strong demand for cloud services")
            #expect(found.quote.prefix == "\nThe chief executive pointed to ")
            ReanchorFixture.expectConsistent(found, in: new)
        }
    }

    @Test func aDeletedHighlightIsOrphanedNotMovedToALookalike() throws {
        let old = ArticleText(blockTexts: [
            "Quarterly results",
            "Revenue rose 12 percent in the third quarter, the company said on Tuesday.",
            "The chief executive pointed to strong demand for cloud services across Europe and Asia.",
            "Revenue rose 15 percent in the fourth quarter, the company said on Tuesday.",
            "Shares closed higher in New York after the announcement.",
        ])
        let new = ArticleText(blockTexts: [
            "Quarterly results",
            "The chief executive pointed to strong demand for cloud services across Europe and Asia.",
            "Revenue rose 15 percent in the fourth quarter, the company said on Tuesday.",
            "Shares closed higher in New York after the announcement.",
        ])
        let anchor = try ReanchorFixture.anchor(
            quoting: "Revenue rose 12 percent in the third quarter, the company said on Tuesday.", in: old)
        for keepSnapshot in [true, false] {
            let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: keepSnapshot)
            var expected = anchor
            expected.status = .orphan
            #expect(found == expected)
        }
    }

    @Test func aLookalikeWithTheOldContextIsFoundFuzzily() throws {
        // The counterpart of the orphan test: the same change of number, but in place, so the
        // context still agrees and the match is accepted for review.
        let old = ArticleText(blockTexts: [
            "Quarterly results", "Revenue rose 12 percent in the third quarter, the company said on Tuesday.",
            "Shares closed higher in New York after the announcement.",
        ])
        let new = ArticleText(blockTexts: [
            "Quarterly results", "Revenue rose 15 percent in the fourth quarter, the company said on Tuesday.",
            "Shares closed higher in New York after the announcement.",
        ])
        let anchor = try ReanchorFixture.anchor(
            quoting: "Revenue rose 12 percent in the third quarter, the company said on Tuesday.", in: old)
        for keepSnapshot in [true, false] {
            let found = try ReanchorFixture.reanchor(anchor, from: old, to: new, keepSnapshot: keepSnapshot)
            #expect(found.status == .fuzzy)
            #expect(found.quote.exact == "Revenue rose 15 percent in the fourth quarter, the company said on Tuesday.")
        }
    }
}

extension String {
    /// The parts between occurrences of `separator` (tests only).
    func components(_ separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
