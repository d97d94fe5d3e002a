import Foundation
import GlossCore
import Testing

@testable import gloss_bench

/// The benchmark's pure helpers: the article generator, the statistics, the screen model
/// and option parsing. No timing is asserted here.
@Suite struct BenchSmokeTests {
    // MARK: - Article generator

    @Test func generatorIsDeterministicAndSized() {
        let generator = ArticleGenerator()
        let first = generator.article(targetBytes: 50_000)
        #expect(first == generator.article(targetBytes: 50_000))
        #expect(first != ArticleGenerator(seed: 1).article(targetBytes: 50_000))
        #expect(first.count >= 50_000)
        #expect(first.count < 50_000 + 4_000)
    }

    @Test func markersSitInTheFirstAndLastParagraphsOnly() throws {
        let text = String(decoding: ArticleGenerator().article(targetBytes: 200_000), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.contains { $0.isEmpty })
        let opening = lines.indices.filter { lines[$0].contains(ArticleGenerator.openingMarker) }
        let closing = lines.indices.filter { lines[$0].contains(ArticleGenerator.closingMarker) }
        let search = lines.indices.filter { lines[$0].contains(ArticleGenerator.searchWord) }
        #expect(opening == [lines.startIndex + 1])
        #expect(closing == [lines.endIndex - 1])
        #expect(search == [lines.endIndex - 1])
        #expect(text.components(separatedBy: ArticleGenerator.searchWord).count == 2)
    }

    @Test func generatedArticleLoadsAsOneParagraphPerLineWithHeadings() throws {
        let bytes = ArticleGenerator().article(targetBytes: 100_000)
        let article = try ArticleLoader.load(bytes: bytes, fileName: "article.txt")
        let lines = bytes.split(separator: 0x0A)
        #expect(article.format == .plainLines)
        #expect(article.blocks.count == lines.count)
        #expect(article.metadata.title == "Notes From the Harbour Road")
        #expect(article.blocks.filter(\.isHeading).count > 5)
    }

    @Test func cjkArticleIsWide() throws {
        let bytes = ArticleGenerator(script: .cjk).article(targetBytes: 30_000)
        let article = try ArticleLoader.load(bytes: bytes, fileName: "cjk.txt")
        let paragraphs = article.blocks.filter { !$0.isHeading }
        #expect(paragraphs.count > 10)
        for block in paragraphs {
            #expect(DisplayWidth.of(block.text) > block.text.count)
        }
        #expect(article.blocks.last?.text.contains(ArticleGenerator.closingMarker) == true)
    }

    @Test func libraryArticlesAlternateFormats() throws {
        let generator = ArticleGenerator()
        let markdown = generator.libraryArticle(number: 12)
        let plain = generator.libraryArticle(number: 7)
        #expect(markdown.fileName == "story-0012.md")
        #expect(plain.fileName == "story-0007.txt")
        let loaded = try ArticleLoader.load(bytes: markdown.bytes, fileName: markdown.fileName)
        #expect(loaded.metadata.title.hasSuffix(" 12"))
        #expect(loaded.metadata.author != nil)
    }

    // MARK: - Statistics

    @Test func summaryOfOddAndEvenCounts() throws {
        let odd = try #require(Summary([5, 1, 3]))
        #expect(odd.median == 3)
        #expect(odd.min == 1)
        #expect(odd.max == 5)
        let even = try #require(Summary([4, 1, 3, 10]))
        #expect(even.median == 3.5)
        #expect(even.count == 4)
        #expect(Summary([]) == nil)
    }

    @Test func pairsAreComparedElementByElement() {
        #expect(Summary.pairRatios([10, 9, 8], [5, 3, 0]) == [2, 3])
        #expect(Summary.pairDifferences([10, 9], [4, 10]) == [6, -1])
    }

    @Test func goalsAreCheckedOnTheMedian() {
        let goal = Goal(limit: 2, text: "≤ 2 ms")
        let met = ResultRow(scenario: .keys, name: "k", subject: "s", unit: "ms", samples: [1, 1.5, 30], goal: goal)
        let missed = ResultRow(scenario: .keys, name: "k", subject: "s", unit: "ms", samples: [3, 4, 1], goal: goal)
        #expect(met.goalMet == true)
        #expect(missed.goalMet == false)
        #expect(TableFormatter.verdict(missed, goal) == "MISSED by 1.00 ms (1.5× the limit)")
        #expect(TableFormatter.number(0.4567, "ms") == "0.457 ms")
        #expect(TableFormatter.number(1234.5, "ms") == "1235 ms")
    }

    // MARK: - Screen model

    @Test func cursorAddressingAndErasing() {
        var screen = TerminalScreen(width: 10, height: 3)
        screen.feed(Array("\u{1B}[2;3Hhello\u{1B}[1;1Habc\u{1B}[2;5H\u{1B}[K".utf8))
        #expect(screen.rows == ["abc       ", "  he      ", "          "])
        screen.feed(Array("\u{1B}[2J\u{1B}[3;8Hxyz".utf8))
        #expect(screen.rows == ["          ", "          ", "       xyz"])
    }

    @Test func writingTheLastColumnWrapsOnlyWithTheNextCharacter() {
        var screen = TerminalScreen(width: 4, height: 2)
        screen.feed(Array("abcd".utf8))
        #expect(screen.cursorY == 0)
        screen.feed(Array("e".utf8))
        #expect(screen.rows == ["abcd", "e   "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = TerminalScreen(width: 8, height: 2)
        screen.feed(Array("港口x🌊".utf8))
        #expect(screen.row(0) == "港口x🌊 ")
        #expect(screen.cursorX == 7)
        screen.feed(Array("\u{1B}[1;2Hz".utf8))  // overwriting the right half blanks the left half
        #expect(screen.row(0) == " z口x🌊 ")
        // One column left: the wide character wraps, and on the bottom row that scrolls the screen.
        screen.feed(Array("\u{1B}[2;1Habcdefg港".utf8))
        #expect(screen.rows == ["abcdefg ", "港      "])
    }

    @Test func insertDeleteRepeatAndScrollRegion() {
        var screen = TerminalScreen(width: 6, height: 4)
        screen.feed(Array("abcdef\u{1B}[1;3H\u{1B}[2@".utf8))
        #expect(screen.row(0) == "ab  cd")
        screen.feed(Array("\u{1B}[1;1H\u{1B}[3P".utf8))
        #expect(screen.row(0) == " cd   ")
        screen.feed(Array("\u{1B}[2;1Hx\u{1B}[3b".utf8))
        #expect(screen.row(1) == "xxxx  ")
        screen.feed(Array("\u{1B}[3;1H3\u{1B}[4;1H4\u{1B}[2;4r\u{1B}[4;1H\n".utf8))
        #expect(screen.rows == [" cd   ", "3     ", "4     ", "      "])
        screen.feed(Array("\u{1B}[2;1H\u{1B}M".utf8))
        #expect(screen.rows == [" cd   ", "      ", "3     ", "4     "])
    }

    @Test func colorsAndModesLeaveTextAlone() {
        var screen = TerminalScreen(width: 12, height: 2)
        screen.feed(Array("\u{1B}[?1049h\u{1B}[1;38;5;208mbold\u{1B}[0m \u{1B}]0;title\u{07}¶ 1/9".utf8))
        #expect(screen.row(0) == "bold ¶ 1/9  ")
        #expect(screen.contains("¶ 1/9"))
    }

    @Test func answersCursorPositionQueries() {
        var screen = TerminalScreen(width: 10, height: 5)
        screen.feed(Array("\u{1B}[3;4H\u{1B}[6n".utf8))
        #expect(String(decoding: screen.replies, as: UTF8.self) == "\u{1B}[3;4R")
    }

    @Test func parserSplitsSequences() {
        var parser = EscapeSequenceParser()
        let events = Array("\u{1B}[?25lé\u{1B}(B\r".utf8).compactMap { parser.feed($0) }
        #expect(events == [
            .csi(final: UInt8(ascii: "l"), parameters: [25], marker: UInt8(ascii: "?"), intermediates: []),
            .print("é"), .escape(final: UInt8(ascii: "B"), intermediates: [UInt8(ascii: "(")]), .control(0x0D),
        ])
    }

    // MARK: - Options

    @Test func parsesOptions() throws {
        let options = try BenchOptions.parse(["--quick", "--only", "open,keys", "--runs", "4", "--no-build"])
        #expect(options.scenarios == [.open, .keys])
        #expect(options.endToEndRuns == 4)
        #expect(!options.buildGloss)
        #expect(options.largeArticle?.id == "10MB")
        #expect(try BenchOptions.parse([]).largeArticle?.id == "50MB")
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--only", "nothing"]) }
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--runs", "0"]) }
    }

    // MARK: - Feeds scenario

    @Test func feedCorpusServesEveryFeedFileAndWritesBothSubscriptionLists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-feeds-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["b.atom", "a.rss", "SOURCES.json", "c.rdf"] {
            try "<feed/>".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let corpus = try #require(try FeedCorpus(directory: folder))
        #expect(corpus.files.map(\.name) == ["a.rss", "b.atom", "c.rdf"])
        #expect(corpus.files.map(\.contentType) == ["application/rss+xml", "application/atom+xml", "application/rdf+xml"])
        #expect(corpus.urls.allSatisfy { $0.hasPrefix("http://127.0.0.1:") })
        #expect(corpus.newsboatURLs == corpus.urls.map { $0 + "\n" }.joined())
        #expect(corpus.feedsTOML.components(separatedBy: "[[feed]]").count == 4)
        #expect(corpus.feedsTOML.contains("name = \"b\""))
        #expect(try FeedCorpus(directory: folder + "/missing") == nil)
    }

    @Test func newsboatsCountAndGlossArticlesAreCounted() throws {
        #expect(FeedsScenario.leadingNumber(of: "879 unread articles\n") == 879)
        #expect(FeedsScenario.leadingNumber(of: "no number") == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-articles-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder + "/feed", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["feed/one.md", "feed/two.md", "feed/.two.md.tmp-1-2", "top.md", "feed/notes.txt"] {
            try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        }
        #expect(FeedsScenario.countArticles(in: folder) == 3)
        #expect(FeedCorpus.tomlString("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }
}
