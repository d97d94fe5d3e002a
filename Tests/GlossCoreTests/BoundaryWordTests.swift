import Testing

@testable import GlossCore

func words(_ text: String) -> [String] {
    pieces(text, TextBoundaries.wordRanges(in: text))
}

@Suite("Word boundaries")
struct BoundaryWordTests {
    @Test func wordsAreTokensWithAttachedPunctuation() {
        #expect(words("Hello, world!") == ["Hello,", "world!"])
        #expect(TextBoundaries.wordRanges(in: "Hello, world!") == [0..<6, 7..<13])
        #expect(words("  \"Quoted\" (aside) — U.S. $4.3bn  ") == ["\"Quoted\"", "(aside)", "—", "U.S.", "$4.3bn"])
        #expect(words("").isEmpty)
        #expect(words(" \t\n ").isEmpty)
    }

    @Test func eachIdeographAndKanaIsAWord() {
        #expect(words("日本語の文") == ["日", "本", "語", "の", "文"])
        #expect(words("日本語。") == ["日", "本", "語。"])
        #expect(words("「引用」です") == ["「引", "用」", "で", "す"])
        #expect(words("コーヒー") == ["コー", "ヒー"])
        #expect(words("abc日本 def") == ["abc", "日", "本", "def"])
        #expect(words("한국어 문장") == ["한국어", "문장"])
    }

    @Test func emojiAreWordsAndClustersStayWhole() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(words("I ❤\u{FE0F} cats👍🏽!") == ["I", "❤\u{FE0F}", "cats", "👍🏽!"])
        #expect(words("\(family)\(family)") == [family, family])
        #expect(words("cafe\u{301} au lait") == ["cafe\u{301}", "au", "lait"])
        #expect(TextBoundaries.wordRanges(in: "cafe\u{301} au") == [0..<5, 6..<8])
    }

    @Test func rangesNeverSplitAGraphemeCluster() {
        let text = "Tëst 👍🏽x 🇯🇵🇫🇷 日本\u{3099} e\u{301}\u{302}!"
        var boundaries = Set<Int>()
        var offset = 0
        for character in text {
            boundaries.insert(offset)
            offset += character.unicodeScalars.count
        }
        boundaries.insert(offset)
        let ranges = TextBoundaries.wordRanges(in: text)
        for range in ranges {
            #expect(boundaries.contains(range.lowerBound) && boundaries.contains(range.upperBound))
        }
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound <= b.lowerBound) }
    }

    @Test func sampleParagraphWordsMatchWhitespaceTokens() {
        for paragraph in sampleParagraphs {
            let tokens = paragraph.split(whereSeparator: \.isWhitespace).map(String.init)
            #expect(words(paragraph) == tokens)
        }
    }
}
