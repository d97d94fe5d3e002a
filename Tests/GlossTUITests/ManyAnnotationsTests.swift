import GlossCore
import GlossTestSupport
import Testing

@testable import GlossTUI

/// With many annotations a frame reads them once (highlights of all shown blocks together) and
/// the notes pane copies the list only when it must; both show exactly what they showed before.
@Suite("Many annotations: one pass per frame, the same entries and highlights")
struct ManyAnnotationsTests {
    /// Annotations spread over `text`, some over several blocks, some orphaned or deleted.
    static func mixed(in text: ArticleText, count: Int, seed: UInt64) -> [Annotation] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let start = random.index(below: text.scalarCount - 1)
            let end = min(text.scalarCount, start + 1 + random.index(below: index % 7 == 0 ? 400 : 40))
            var anchor = AnnotationAnchor(range: start..<end, in: text) ?? AnnotationAnchor(
                quote: TextQuoteSelector(exact: "?"), position: TextPositionSelector(start: 0, end: 1), blockIndex: 0)
            if index % 11 == 0 { anchor.status = .orphan }
            return Annotation(
                id: "n\(index)", created: Timestamp(millisecondsSince1970: Int64(random.index(below: 1000))),
                color: ["yellow", "green", "blue"][index % 3], note: index % 4 == 0 ? "note \(index) #tag" : "",
                anchor: anchor, deleted: index % 13 == 0)
        }
    }

    static let text = ArticleText(blockTexts: (0..<40).map { block in
        (0..<(3 + block % 5)).map { "Sentence \($0) of block \(block) says a little more." }.joined(separator: " ")
    })

    @Test func highlightsOfShownBlocksAreThoseOfEachBlock() {
        let annotations = ReaderAnnotations(annotations: Self.mixed(in: Self.text, count: 300, seed: 3), text: Self.text)
        for blocks in [0..<40, 5..<17, 39..<40, 12..<12, 30..<60] {
            let together = annotations.highlights(inBlocks: blocks)
            for block in blocks.lowerBound..<(blocks.upperBound + 2) {
                let alone = annotations.highlights(inBlock: block)
                let shown = blocks.contains(block) ? alone : []
                let got = together[block] ?? []
                #expect(got.map(\.range) == shown.map(\.range), "block \(block) of \(blocks)")
                #expect(got.map(\.color) == shown.map(\.color), "block \(block) of \(blocks)")
            }
        }
        #expect(annotations.highlights(inBlocks: 0..<40).values.contains { $0.count > 1 }, "overlaps are covered")
    }

    @Test func theNotesPaneListsEveryEntryAsBefore() {
        let all = Self.mixed(in: Self.text, count: 200, seed: 9)
        for filter in ["", "tag", "#tag", "note 1", "Sentence", "nothing matches this"] {
            for annotations in [all, all.filter { !$0.deleted }, all.filter { $0.anchor.status != .orphan && !$0.deleted }] {
                let model = NotesPaneModel(annotations: annotations, filter: filter)
                let query = SearchQuery(filter)
                let kept = annotations.filter { !$0.deleted && (query.isEmpty || NotesPane.matches($0, query)) }
                let expected = kept.filter { $0.anchor.status != .orphan } + kept.filter { $0.anchor.status == .orphan }
                #expect(NotesPane.entries(model).map(\.id) == expected.map(\.id), "filter \(filter)")
            }
        }
    }

    @Test func aThousandEntriesDrawTheirFirstScreenAndCount() {
        let annotations = ReaderAnnotations(annotations: Self.mixed(in: Self.text, count: 1000, seed: 4), text: Self.text)
        let model = NotesPaneModel(annotations: annotations.annotations)
        var buffer = Buffer(width: 40, height: 20)
        NotesPane.render(model, theme: .defaults, colors: HighlightSettings(), in: buffer.area, into: &buffer)
        let live = annotations.annotations.count
        #expect(buffer.trimmedLines.first == "│ Notes \(live)")
        let first = NotesPane.entries(model)[0]
        #expect(buffer.trimmedLines[2].contains("¶ \(first.anchor.blockIndex + 1)"))
    }
}
