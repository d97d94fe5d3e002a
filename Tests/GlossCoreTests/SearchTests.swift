import Testing

@testable import GlossCore
import GlossTestSupport

@Suite("Searching text")
struct SearchTests {
    @Test func smartCaseFollowsTheQuery() {
        #expect(!SearchQuery("binance").isCaseSensitive)
        #expect(SearchQuery("Binance").isCaseSensitive)
        #expect(!SearchQuery("4.3 billion").isCaseSensitive)
        #expect(SearchQuery("Émile").isCaseSensitive)
        let text = "Binance binance BINANCE"
        #expect(TextSearch.matches(of: SearchQuery("binance"), in: text) == [0..<7, 8..<15, 16..<23])
        #expect(TextSearch.matches(of: SearchQuery("Binance"), in: text) == [0..<7])
        #expect(TextSearch.matches(of: SearchQuery("BINANCE", isCaseSensitive: false), in: text).count == 3)
    }

    @Test func caseInsensitiveMatchingIsUnicodeAware() {
        #expect(TextSearch.matches(of: SearchQuery("école"), in: "L'ÉCOLE, l'école") == [2..<7, 11..<16])
        #expect(TextSearch.matches(of: SearchQuery("straße"), in: "STRAßE") == [0..<6])
        #expect(TextSearch.matches(of: SearchQuery("σοφός"), in: "ΣΟΦΌΣ") == [0..<5])  // final sigma
        #expect(TextSearch.matches(of: SearchQuery("k"), in: "\u{212A}elvin") == [0..<1])  // Kelvin sign
        #expect(TextSearch.matches(of: SearchQuery("привет"), in: "ПРИВЕТ мир") == [0..<6])
    }

    @Test func offsetsCountScalarsOfTheOriginalText() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let text = "\(family) café 🇯🇵 café"
        #expect(TextSearch.matches(of: SearchQuery("café"), in: text) == [6..<10, 14..<18])
        // "İ" lowercases to two scalars; offsets must still be those of the original.
        #expect(TextSearch.matches(of: SearchQuery("istanbul"), in: "İstanbul istanbul") == [0..<8, 9..<17])
        #expect(TextSearch.matches(of: SearchQuery("x"), in: "e\u{301}x") == [2..<3])
        #expect(TextSearch.matches(of: SearchQuery("日本"), in: "ｱ日本語と日本") == [1..<3, 5..<7])
        #expect(TextSearch.matches(of: SearchQuery("🇯🇵 OK"), in: "👍🏽🇯🇵 OK 🇯🇵 ok") == [2..<7])
    }

    @Test func matchesDoNotOverlapAndComeInOrder() {
        #expect(TextSearch.matches(of: SearchQuery("aa"), in: "aaaaa") == [0..<2, 2..<4])
        #expect(TextSearch.matches(of: SearchQuery("aab"), in: "aaabaabaab") == [1..<4, 4..<7, 7..<10])
    }

    @Test func emptyQueryOrTextMatchesNothing() {
        #expect(TextSearch.matches(of: SearchQuery(""), in: "anything").isEmpty)
        #expect(TextSearch.matches(of: SearchQuery("a"), in: "").isEmpty)
        #expect(TextSearch.matches(of: SearchQuery("longer"), in: "long").isEmpty)
    }

    @Test func agreesWithANaiveSearchOnRandomText() {
        var random = SeededGenerator(seed: 42)
        let alphabet: [Unicode.Scalar] = ["a", "b", "A", "B", "é", "É", " "]
        for _ in 0..<300 {
            let text = String(String.UnicodeScalarView((0..<random.index(below: 40)).map { _ in alphabet[random.index(below: alphabet.count)] }))
            let query = String(String.UnicodeScalarView((0..<(1 + random.index(below: 4))).map { _ in alphabet[random.index(below: alphabet.count)] }))
            let search = SearchQuery(query)
            #expect(TextSearch.matches(of: search, in: text) == naiveMatches(of: search, in: text), "\(query) in \(text)")
        }
    }

    private func naiveMatches(of query: SearchQuery, in text: String) -> [Range<Int>] {
        func key(_ scalar: Unicode.Scalar) -> String {
            query.isCaseSensitive ? String(scalar) : String(scalar).lowercased()
        }
        let haystack = text.unicodeScalars.map(key)
        let needle = query.text.unicodeScalars.map(key)
        var found: [Range<Int>] = []
        var start = 0
        while !needle.isEmpty, start + needle.count <= haystack.count {
            if Array(haystack[start..<(start + needle.count)]) == needle {
                found.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }
}
