import GlossCore
import Testing

@Suite struct HighlightFilterTests {
    static func annotation(note: String, color: String = "yellow", created: Int64 = 1_000) -> Annotation {
        Annotation(
            id: "a", created: Timestamp(millisecondsSince1970: created), color: color, note: note,
            anchor: AnnotationAnchor(
                quote: TextQuoteSelector(exact: "The Harbor battery"), position: TextPositionSelector(start: 0, end: 18),
                blockIndex: 0))
    }

    @Test func everyConditionMustHold() {
        let a = Self.annotation(note: "ask about #Cost", color: "red", created: 5_000)
        #expect(HighlightFilter().matches(a))
        #expect(HighlightFilter(tags: ["cost"]).matches(a))
        #expect(!HighlightFilter(tags: ["cost", "other"]).matches(a))
        #expect(HighlightFilter(color: "RED").matches(a))
        #expect(!HighlightFilter(color: "blue").matches(a))
        #expect(HighlightFilter(since: Timestamp(millisecondsSince1970: 5_000)).matches(a))
        #expect(!HighlightFilter(since: Timestamp(millisecondsSince1970: 5_001)).matches(a))
        #expect(HighlightFilter(search: "harbor ASK").matches(a))
        #expect(!HighlightFilter(search: "harbor missing").matches(a))
        #expect(HighlightFilter(search: "#cost :red").matches(a))
        #expect(!HighlightFilter(search: ":green").matches(a))
    }

    @Test func datesAreDaysOrFullTimes() {
        #expect(HighlightFilter.date("2024-05-01") == Timestamp(iso8601: "2024-05-01T00:00:00Z"))
        #expect(HighlightFilter.date("2024-05-01T12:00:00Z") != nil)
        #expect(HighlightFilter.date("yesterday") == nil)
    }
}
