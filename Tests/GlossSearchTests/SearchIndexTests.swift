import Foundation
import GlossCore
import GlossSearch
import GlossStorage
import Testing

@Suite struct SearchIndexMatchingTests {
    @Test func aWordInAParagraphIsFoundWithItsParagraphAndAMarkedSnippet() throws {
        let library = try SearchLibrary()
        try library.write("money.md", title: "Money", ["Intro text.", "A stablecoin is pegged to the dollar."])
        try library.write("other.md", title: "Gardening", ["Roses need sun."])
        let hits = try library.search("stablecoin")
        #expect(hits.count == 1)
        let hit = try #require(hits.first)
        #expect(hit.path == "money.md")
        #expect(hit.title == "Money")
        #expect(hit.paragraph == 2)
        #expect(hit.kind == .text)
        #expect(hit.snippet.contains("«stablecoin»"))
    }

    @Test func matchingIgnoresCaseAndAccents() throws {
        let library = try SearchLibrary()
        try library.write("cafe.md", title: "Paris", ["Un Café au coin de la rue."])
        #expect(try library.search("cafe").map(\.path) == ["cafe.md"])
        #expect(try library.search("CAFÉ").map(\.path) == ["cafe.md"])
        #expect(try library.search("caffe").isEmpty)
    }

    @Test func textWithoutSpacesMatchesBySubstring() throws {
        let library = try SearchLibrary()
        try library.write("tokyo.md", title: "旅行", ["東京都の天気は晴れです。", "大阪に行きました。"])
        let two = try library.search("天気")
        #expect(two.map(\.paragraph) == [1])
        #expect(two.first?.snippet.contains("«天気»") == true)
        #expect(try library.search("大阪に行き").map(\.paragraph) == [2])
        #expect(try library.search("京都").map(\.paragraph) == [1])
        #expect(try library.search("名古屋").isEmpty)
    }

    @Test func everyWordMustOccurInTheSameArticleInAnyOrder() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "Alpha", ["The central bank raised rates.", "Inflation stayed high."])
        try library.write("b.md", title: "Beta", ["The central station was busy."])
        #expect(Set(try library.search("inflation central").map(\.path)) == ["a.md"])
        #expect(Set(try library.search("central").map(\.path)) == ["a.md", "b.md"])
    }

    @Test func aPhraseMustMatchExactlyAndAnExcludedWordLeavesArticlesOut() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "Alpha", ["The central bank raised rates."])
        try library.write("b.md", title: "Beta", ["The bank in the centre is central."])
        #expect(try library.search("\"central bank\"").map(\.path) == ["a.md"])
        #expect(try library.search("bank -rates").map(\.path) == ["b.md"])
        #expect(try library.search("bank -\"central bank\"").map(\.path) == ["b.md"])
        // A word matches the words it begins; a quoted word only itself.
        #expect(Set(try library.search("cent").map(\.path)) == ["a.md", "b.md"])
        #expect(try library.search("\"centre\"").map(\.path) == ["b.md"])
        #expect(try library.search("\"cent\"").isEmpty)
    }

    @Test func tagsOfNotesAndArticlesAreFoundWithTheirQuote() throws {
        let library = try SearchLibrary()
        try library.write("coins.md", title: "Coins", ["Stable money is rare.", "Second paragraph."])
        try library.write("tagged.md", title: "Tagged", tags: ["crypto", "finance"], ["Nothing here."])
        try library.write("plain.md", title: "Plain", ["crypto is a word here but not a tag."])
        try library.annotate("coins.md", paragraph: 1, length: 6, note: "remember this #crypto")
        let hits = try library.search("#crypto")
        #expect(Set(hits.map(\.path)) == ["coins.md", "tagged.md"])
        let note = try #require(hits.first { $0.path == "coins.md" })
        #expect(note.kind == .tag)
        #expect(note.paragraph == 1)
        #expect(note.quote == "Stable")
        #expect(note.isInNote)
        let article = try #require(hits.first { $0.path == "tagged.md" })
        #expect(article.paragraph == nil)
        #expect(!article.isInNote)
    }

    @Test func inNotesAndInTitlesNarrowTheSearch() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "Harbour lights", ["The harbour was quiet."])
        try library.write("b.md", title: "Ships", ["Nothing about it.", "More text."])
        try library.annotate("b.md", paragraph: 2, note: "compare with the harbour piece")
        #expect(try library.search("harbour in:titles").map(\.kind) == [.title])
        let notes = try library.search("in:notes harbour")
        #expect(notes.map(\.path) == ["b.md"])
        #expect(notes.first?.kind == .note)
        #expect(notes.first?.quote == "More ")
    }
}

@Suite struct SearchRankingOrderTests {
    @Test func aTitleHitComesBeforeABodyHit() throws {
        let library = try SearchLibrary()
        try library.write("body.md", title: "Weather", ["A lighthouse stood there."], modified: 2_000_000_000)
        try library.write("title.md", title: "The lighthouse keeper", ["Waves."], modified: 1_000_000_000)
        let hits = try library.search("lighthouse")
        #expect(hits.map(\.path) == ["title.md", "body.md"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test func wordsCloseTogetherComeBeforeScatteredOnes() throws {
        let library = try SearchLibrary()
        let filler = Array(repeating: "filler", count: 30).joined(separator: " ")
        try library.write("far.md", title: "Far", ["solar \(filler) panels"], modified: 2_000_000_000)
        try library.write("near.md", title: "Near", ["solar panels on roofs"], modified: 1_000_000_000)
        try library.write("split.md", title: "Split", ["solar here.", "panels there."], modified: 3_000_000_000)
        #expect(try library.search("solar panels").map(\.path).prefix(2) == ["near.md", "far.md"])
    }

    @Test func recentArticlesBreakTies() throws {
        let library = try SearchLibrary()
        try library.write("old.md", title: "Old", ["river delta"], modified: 1_000_000_000)
        try library.write("new.md", title: "New", ["river delta"], modified: 1_500_000_000)
        #expect(try library.search("delta").map(\.path) == ["new.md", "old.md"])
    }
}

@Suite struct SearchIndexUpdateTests {
    @Test func onlyChangedAddedAndRemovedArticlesAreReindexed() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "A", ["apples"])
        try library.write("b.md", title: "B", ["bananas"])
        #expect(try library.update() == IndexUpdate(indexed: 2))
        #expect(try library.update() == IndexUpdate(unchanged: 2))

        try library.write("a.md", title: "A", ["cherries now"], modified: 1_900_000_000)
        try library.write("c.md", title: "C", ["dates"])
        try library.delete("b.md")
        #expect(try library.update() == IndexUpdate(indexed: 2, removed: 1, unchanged: 0))
        #expect(try library.search("apples").isEmpty)
        #expect(try library.search("cherries").map(\.path) == ["a.md"])
        #expect(try library.search("bananas").isEmpty)
        #expect(try library.search("dates").map(\.path) == ["c.md"])
    }

    @Test func aChangedNoteReindexesItsArticle() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "A", ["Some text to note."])
        try library.update()
        #expect(try library.search("marginalia").isEmpty)
        try library.annotate("a.md", paragraph: 1, note: "marginalia here")
        #expect(try library.update() == IndexUpdate(indexed: 1))
        #expect(try library.search("marginalia").map(\.kind) == [.note])
    }

    /// A save that only appends to the article's journal leaves the JSON file as it was: the
    /// index still sees the change and the note.
    @Test func aNoteSavedToTheJournalReindexesItsArticle() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "A", ["Some text to note.", "A second paragraph."])
        try library.annotate("a.md", paragraph: 1, note: "first note", journal: .always)
        try library.update()
        try library.annotate("a.md", paragraph: 2, note: "marginalia journaled", journal: .always)
        let journals = try FileManager.default.contentsOfDirectory(atPath: library.data + "/annotations")
            .filter { $0.hasSuffix(".json.journal") }
        #expect(journals.count == 1)
        #expect(try library.update() == IndexUpdate(indexed: 1))
        #expect(try library.search("marginalia").map(\.kind) == [.note])
    }

    @Test func aDeletedIndexIsRebuilt() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "A", ["zebra crossing"])
        #expect(try library.search("zebra").count == 1)
        try FileManager.default.removeItem(atPath: library.indexPath)
        #expect(try library.search("zebra").count == 1)
    }

    @Test func aCorruptIndexIsSetAsideAndRebuilt() throws {
        let library = try SearchLibrary()
        try library.write("a.md", title: "A", ["zebra crossing"])
        #expect(try library.search("zebra").count == 1)
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: library.indexPath))
        let index = try SearchIndex(dataDirectory: library.data)
        #expect(index.notices.count == 1)
        #expect(FileManager.default.fileExists(atPath: library.indexPath + ".damaged"))
        try library.update(index)
        #expect(try index.search(LibraryQuery.parse("zebra")).count == 1)
    }

    @Test func twoInstancesUpdatingAtOnceLeaveOneCorrectIndex() async throws {
        let library = try SearchLibrary()
        for number in 0..<250 {
            try library.write("n\(number).md", title: "Note \(number)", ["word\(number) shared text"])
        }
        let files = try library.files()
        let data = library.data
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let index = try SearchIndex(dataDirectory: data)
                    try index.update(files: files, store: AnnotationStore(dataDirectory: data))
                }
            }
            try await group.waitForAll()
        }
        let index = try SearchIndex(dataDirectory: library.data)
        #expect(try index.counts().articles == 250)
        #expect(try index.search(LibraryQuery.parse("\"word17\"")).map(\.path) == ["n17.md"])
        #expect(try index.search(LibraryQuery.parse("shared"), limit: 1000).count == 250)
    }
}
