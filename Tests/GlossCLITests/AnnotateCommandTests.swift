import Foundation
import GlossCore
import GlossStorage
import GlossTUI
import Testing

@testable import GlossCLI

@Suite("gloss annotate")
struct AnnotateCommandTests {
    func text(_ fixture: NotesFixture, _ name: String) throws -> ArticleText {
        ArticleText(try ArticleSource.load(path: fixture.articles + "/" + name))
    }

    @Test func wholeParagraphIsHighlightedAndNotesShowsIt() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let added = try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "Who called it?"], id: "A-1")
        #expect(added.out.hasPrefix("Added annotation A-1 to Harbor battery (harbor.md)\n  ¶ 2  exact  yellow  "))
        let stored = try fixture.stored("harbor.md").liveAnnotations
        try #require(stored.count == 1)
        let anchor = stored[0].anchor
        let text = try text(fixture, "harbor.md")
        #expect(anchor.position.range == text.range(ofBlock: 1))
        #expect(anchor.quote.exact == "The council met on Monday to discuss the harbor battery.")
        #expect(anchor.blockIndex == 1 && anchor.blockEnd == 1)
        #expect(stored[0].note == "Who called it?")
        #expect(stored[0].created == Timestamp(millisecondsSince1970: 1_714_566_896_789))
        let notes = try fixture.notes().out
        #expect(notes.contains("  ¶ 2  exact  yellow  “The council met on Monday to discuss the harbor battery.”\n       Who called it?\n"))
    }

    @Test func quoteHighlightsItsFirstOccurrenceInTheParagraph() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let added = try fixture.annotate(["harbor.md", "--paragraph", "3", "--quote", "the battery"])
        #expect(added.messages == ["the quote occurs 2 times in ¶ 3; the first one was highlighted"])
        let anchor = try #require(try fixture.stored("harbor.md").liveAnnotations.first).anchor
        let text = try text(fixture, "harbor.md")
        let block = try #require(text.range(ofBlock: 2))
        let blockText = "Residents asked whether the battery is safe, and whether the battery is needed."
        let found = try #require(blockText.range(of: "the battery"))
        let expectedStart = block.lowerBound + blockText.distance(from: blockText.startIndex, to: found.lowerBound)
        #expect(anchor.position.range == expectedStart..<(expectedStart + 11))
        #expect(anchor.quote.exact == "the battery")
        #expect(anchor.quote.prefix.hasSuffix("Residents asked whether "))
    }

    @Test func quoteIsMatchedAfterNFCNormalizationAndCountsScalars() throws {
        let fixture = try NotesFixture()
        // The article is decomposed (e + combining acute); the quote is typed precomposed.
        try fixture.write("cafe.md", "# Cafe\n\nThe cafe\u{301} opened. Its cafe\u{301} au lait is fine.\n")
        try fixture.annotate(["cafe.md", "--paragraph", "2", "--quote", "caf\u{E9} au lait"])
        let anchor = try #require(try fixture.stored("cafe.md").liveAnnotations.first).anchor
        let text = try text(fixture, "cafe.md")
        let scalars = Array(text.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[anchor.position.range])) == "caf\u{E9} au lait")
        #expect(anchor.quote.exact.unicodeScalars.count == 12)
    }

    @Test func quoteNotInTheParagraphFailsAndWritesNothing() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let failure = fixture.failure { try fixture.annotate(["harbor.md", "--paragraph", "2", "--quote", "final vote"]) }
        #expect(failure == "the quote was not found in ¶ 2 of harbor.md; it occurs in ¶ 4")
        let nowhere = fixture.failure { try fixture.annotate(["harbor.md", "--paragraph", "2", "--quote", "submarine"]) }
        #expect(nowhere == "the quote was not found in ¶ 2 of harbor.md")
        #expect(fixture.storedNames.filter { $0.hasSuffix(".json") }.isEmpty)

        let flags = ["--articles", fixture.articles, "--data", fixture.data]
        let run = try BinaryTests().run(["annotate", "harbor.md", "--paragraph", "2", "--quote", "submarine"] + flags)
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(run.err == "gloss: the quote was not found in ¶ 2 of harbor.md\n")
        #expect(fixture.storedNames.filter { $0.hasSuffix(".json") }.isEmpty)
    }

    @Test func unknownColourFailsListingTheConfiguredOnes() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let failure = fixture.failure { try fixture.annotate(["harbor.md", "--paragraph", "2", "--color", "pink"]) }
        #expect(failure == "unknown colour \"pink\"; the configured colours are: yellow, green, blue, red")
        #expect(fixture.storedNames.isEmpty)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--color", "Blue"])
        #expect(try fixture.stored("harbor.md").liveAnnotations.map(\.color) == ["blue"])
    }

    @Test func colourNamesAndDefaultComeFromTheConfig() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        var config = fixture.workspace.config
        config.highlight = HighlightSettings(
            colors: [HighlightColor(name: "amber", color: .yellow), HighlightColor(name: "teal", color: .cyan),
                     HighlightColor(name: "blue", color: .blue), HighlightColor(name: "red", color: .red)],
            defaultColor: 2)
        let workspace = Workspace(paths: fixture.workspace.paths, config: config, environment: [:])
        _ = try AnnotateCommand.parse(["harbor.md", "--paragraph", "2"]).output(in: workspace) { _ in }
        #expect(throws: CLIError.self) {
            _ = try AnnotateCommand.parse(["harbor.md", "--paragraph", "2", "--color", "yellow"]).output(in: workspace) { _ in }
        }
        _ = try AnnotateCommand.parse(["harbor.md", "--paragraph", "3", "--color", "amber"]).output(in: workspace) { _ in }
        #expect(try fixture.stored("harbor.md").liveAnnotations.map(\.color) == ["teal", "amber"])
    }

    @Test func paragraphOutOfRangeIsAClearError() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let failure = fixture.failure { try fixture.annotate(["harbor.md", "--paragraph", "5"]) }
        #expect(failure == "there is no ¶ 5 in harbor.md: it has 4 (¶ 1–4)")
        #expect(fixture.storedNames.isEmpty)
        let flags = ["--articles", fixture.articles, "--data", fixture.data]
        let zero = try BinaryTests().run(["annotate", "harbor.md", "--paragraph", "0"] + flags)
        #expect(zero.status == 64)
        #expect(zero.err.contains("--paragraph starts at 1"))
        let missing = try BinaryTests().run(["annotate", "harbor.md"] + flags)
        #expect(missing.status == 64)
    }

    @Test func alwaysAddsANewAnnotationAndKeepsTheOthers() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "one"])
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "two"])
        let live = try fixture.stored("harbor.md").liveAnnotations
        #expect(live.map(\.note).sorted() == ["one", "two"])
        #expect(Set(live.map(\.id)).count == 2)
    }

    @Test func anArticleOutsideTheArticlesDirectoryIsKeptUnderItsAbsolutePath() throws {
        let fixture = try NotesFixture()
        let outside = fixture.root + "/elsewhere.md"
        try NotesFixture.harbor.write(toFile: outside, atomically: true, encoding: .utf8)
        try fixture.annotate([outside, "--paragraph", "2"])
        #expect(try fixture.stored(outside).liveAnnotations.count == 1)
        let rows = try fixture.notesJSON()
        #expect(rows.compactMap { ($0["article"] as? [String: Any])?["path"] as? String } == [outside])
    }
}
