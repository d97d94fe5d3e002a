import Foundation
import GlossCore
import Testing

@Suite struct AnnotationModelTests {
    @Test func annotationSurvivesAJSONRoundTripWithStableKeys() throws {
        let article = SampleArticle()
        var annotation = try article.annotation(id: "A1", block: 1, start: 4, length: 10, note: "see #climate and #Data")
        annotation.color = "green"
        annotation.anchor.status = .mapped
        annotation.modified = Timestamp(millisecondsSince1970: 1_700_000_123_456)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(annotation)
        let decoded = try JSONDecoder().decode(Annotation.self, from: data)
        #expect(decoded == annotation)

        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["id", "created", "modified", "color", "note", "tags", "anchor", "deleted"])
        #expect(object["modified"] as? String == "2023-11-14T22:15:23.456Z")
        let anchor = try #require(object["anchor"] as? [String: Any])
        #expect(Set(anchor.keys) == ["quote", "position", "blockIndex", "blockEnd", "status"])
        let quote = try #require(anchor["quote"] as? [String: Any])
        #expect(quote["type"] as? String == "TextQuoteSelector")
        #expect(quote["exact"] as? String == "ntists say")
        let position = try #require(anchor["position"] as? [String: Any])
        #expect(position["type"] as? String == "TextPositionSelector")
        #expect(anchor["status"] as? String == "mapped")
    }

    @Test func tagsAreRecomputedFromTheNoteNotTakenFromTheFile() throws {
        let json = """
            {"id":"X","created":"2024-01-02T03:04:05Z","note":"about #one","tags":["forged"],
             "anchor":{"quote":{"exact":"a"},"position":{"start":0,"end":1},"blockIndex":0}}
            """
        let annotation = try JSONDecoder().decode(Annotation.self, from: Data(json.utf8))
        #expect(annotation.tags == ["one"])
        #expect(annotation.modified == annotation.created)
        #expect(annotation.color == Annotation.defaultColor)
        #expect(annotation.anchor.status == .exact)
        #expect(annotation.anchor.blockEnd == 0)
    }

    @Test func anUnknownAnchorStatusReadsAsFuzzy() throws {
        let json = """
            {"quote":{"exact":"a"},"position":{"start":0,"end":1},"blockIndex":0,"status":"teleported"}
            """
        let anchor = try JSONDecoder().decode(AnnotationAnchor.self, from: Data(json.utf8))
        #expect(anchor.status == .fuzzy)
    }

    @Test func invalidPositionsAreRejected() {
        let json = """
            {"quote":{"exact":"a"},"position":{"start":5,"end":1},"blockIndex":0}
            """
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnnotationAnchor.self, from: Data(json.utf8)) }
    }

    @Test(arguments: [
        ("#climate is #hot", ["climate", "hot"]),
        ("C# and F# are languages, issue#3 too", []),
        ("#café #naïve #東京 #with-dash #under_score", ["café", "naïve", "東京", "with-dash", "under_score"]),
        ("(#paren) \"#quoted\" end #dot.", ["paren", "quoted", "dot"]),
        ("## heading, # alone, #- and #_", []),
        ("#Tag #tag #TAG", ["Tag"]),
        ("trailing #draft- dash", ["draft"]),
        ("see https://example.com/page#section", []),
        ("#2024 counts", ["2024"]),
        ("", []),
    ])
    func tagsAreExtractedFromHashWords(note: String, expected: [String]) {
        #expect(NoteTags.extract(from: note) == expected)
    }

    @Test func changingTheNoteUpdatesTags() throws {
        var annotation = try SampleArticle().annotation(note: "#a")
        #expect(annotation.tags == ["a"])
        annotation.note = "now #b and #c"
        #expect(annotation.tags == ["b", "c"])
    }

    @Test func aTombstoneClearsTheNoteAndKeepsTheAnchor() throws {
        let annotation = try SampleArticle().annotation(note: "private #thought", at: 1000)
        let tombstone = annotation.tombstone(at: Timestamp(millisecondsSince1970: 5000))
        #expect(tombstone.deleted)
        #expect(tombstone.note.isEmpty)
        #expect(tombstone.tags.isEmpty)
        #expect(tombstone.anchor == annotation.anchor)
        #expect(tombstone.modified.millisecondsSince1970 == 5000)
    }

    @Test func quoteContextIsCappedAt32Scalars() {
        let text = String(repeating: "a", count: 50) + "QUOTE" + String(repeating: "b", count: 50)
        let quote = TextQuoteSelector(in: text, range: 50..<55)
        #expect(quote?.exact == "QUOTE")
        #expect(quote?.prefix == String(repeating: "a", count: 32))
        #expect(quote?.suffix == String(repeating: "b", count: 32))
        #expect(TextQuoteSelector(in: text, range: 100..<200) == nil)
        let direct = TextQuoteSelector(exact: "x", prefix: String(repeating: "p", count: 40) + "END")
        #expect(direct.prefix.unicodeScalars.count == 32)
        #expect(direct.prefix.hasSuffix("END"))
    }

    @Test(arguments: [
        ("1970-01-01T00:00:00.000Z", Int64(0)),
        ("2024-02-29T23:59:59.999Z", Int64(1_709_251_199_999)),
        ("1969-12-31T23:59:59.000Z", Int64(-1000)),
        ("2000-03-01T00:00:00.000Z", Int64(951_868_800_000)),
    ])
    func timestampsFormatAndParseISO8601(text: String, millis: Int64) {
        let timestamp = Timestamp(millisecondsSince1970: millis)
        #expect(timestamp.description == text)
        #expect(Timestamp(iso8601: text) == timestamp)
    }

    @Test func timestampParsingAcceptsOffsetsAndRejectsJunk() {
        #expect(Timestamp(iso8601: "2024-01-01T02:00:00+02:00") == Timestamp(iso8601: "2024-01-01T00:00:00Z"))
        #expect(Timestamp(iso8601: "2024-01-01T00:00:00.5Z")?.millisecondsSince1970 == 1_704_067_200_500)
        #expect(Timestamp(iso8601: "2024-13-01T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2024-01-01") == nil)
        #expect(Timestamp(iso8601: "2024-01-01T00:00:00Zjunk") == nil)
        #expect(Timestamp(millisecondsSince1970: 1_704_067_200_500).compactDescription == "20240101T000000Z")
    }
}
