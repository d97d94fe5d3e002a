import GlossCore
import Testing

@Suite struct LibraryQueryTests {
    @Test func wordsPhrasesExclusionsTagsAndScopesAreParsed() {
        let query = LibraryQuery.parse(#"bank "central bank" -rates -"interest rate" #crypto in:notes"#)
        #expect(query.terms == [.word("bank"), .phrase(["central", "bank"]), .tag("crypto")])
        #expect(query.excluded == [.word("rates"), .phrase(["interest", "rate"])])
        #expect(query.scope == .notes)
        #expect(LibraryQuery.parse("in:titles x").scope == .titles)
    }

    @Test func strayPunctuationIsNeverAnError() {
        #expect(LibraryQuery.parse("").isEmpty)
        #expect(LibraryQuery.parse("  -  # \"\" ... ").isEmpty)
        #expect(LibraryQuery.parse("\"unclosed phrase").terms == [.phrase(["unclosed", "phrase"])])
        #expect(LibraryQuery.parse("-alone").isEmpty)
        #expect(LibraryQuery.parse("a-b").terms == [.word("a-b")])
    }

    @Test func aOneWordQuoteIsAnExactWord() {
        #expect(LibraryQuery.parse("\"cafe\"").terms == [.phrase(["cafe"])])
    }

    @Test func titlesOutrankTagsNotesAndTextAndCloseWordsEarnABonus() {
        let title = SearchRanking.score(kind: .title, matchedTerms: 1, totalTerms: 3, termsAreNear: false)
        let text = SearchRanking.score(kind: .text, matchedTerms: 3, totalTerms: 3, termsAreNear: true)
        #expect(title > text)
        let near = SearchRanking.score(kind: .text, matchedTerms: 2, totalTerms: 2, termsAreNear: true)
        let far = SearchRanking.score(kind: .text, matchedTerms: 2, totalTerms: 2, termsAreNear: false)
        let half = SearchRanking.score(kind: .text, matchedTerms: 1, totalTerms: 2, termsAreNear: false)
        #expect(near > far && far > half)
        #expect(SearchRanking.precedes(
            score: 5, modified: 2, path: "b", paragraph: 1, score: 5, modified: 1, path: "a", paragraph: 1))
    }

    @Test func spacelessScriptsAreRecognized() {
        #expect(SpacelessScript.contains("東京"))
        #expect(SpacelessScript.contains("ภาษาไทย"))
        #expect(SpacelessScript.contains("한국어"))
        #expect(!SpacelessScript.contains("café"))
    }
}
