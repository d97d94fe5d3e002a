import Testing

@testable import GlossCore

@Suite("Link markers in the layout")
struct LinkLayoutTests {
    let text = "Harbor cities read the report and the appendix before voting on the tidal plan."
    /// "the report" (19..<29) and "the appendix" (34..<46).
    var links: [InlineLink] { [InlineLink(range: 19..<29, url: "https://a"), InlineLink(range: 34..<46, url: "https://b")] }

    @Test func markersFollowTheLinkAndShowNoScalar() {
        let markers = LinkMarker.markers(for: links, in: text, firstNumber: 3)
        #expect(markers == [LinkMarker(offset: 28, text: "[3]"), LinkMarker(offset: 45, text: "[4]")])
        let lines = TextWrapper.wrap(text, width: 200, markers: markers)
        #expect(drawn(lines) == ["Harbor cities read the report[3] and the appendix[4] before voting on the tidal plan."])
        let markerGlyphs = lines[0].glyphs.filter { $0.style.contains(.linkMarker) }
        #expect(markerGlyphs.count == 6)
        #expect(markerGlyphs.allSatisfy { $0.scalarCount == 0 })
    }

    @Test func markersDoNotShiftOffsets() {
        let plain = TextWrapper.wrap(text, width: 200)
        let marked = TextWrapper.wrap(text, width: 200, markers: LinkMarker.markers(for: links, in: text, firstNumber: 1))
        // The glyphs that show text are the same, at the same offsets; the ranges are the same.
        let shown = marked[0].glyphs.filter { !$0.style.contains(.linkMarker) }
        #expect(shown.map(\.offset) == plain[0].glyphs.map(\.offset))
        #expect(shown.map(\.text) == plain[0].glyphs.map(\.text))
        #expect(marked.map(\.range) == plain.map(\.range))
        // A column lookup finds the text glyph, never the marker drawn at the same offset.
        let column = marked[0].column(ofOffset: 28)
        #expect(column == 28)
        #expect(marked[0].column(ofOffset: 29) == 32)
    }

    @Test(arguments: [12, 16, 20, 23, 31, 40, 57])
    func wrapsWithMarkersKeepingEveryInvariant(width: Int) {
        let markers = LinkMarker.markers(for: links, in: text, firstNumber: 7)
        let lines = TextWrapper.wrap(text, width: width, markers: markers)
        #expect(wrapProblems(text, lines, width: width) == [], "width \(width)")
        // Every marker is drawn once, on the line of the character it follows.
        for marker in markers {
            let line = lines.first { $0.range.contains(marker.offset) }
            let drawnText = line.map { $0.glyphs.map(\.text).joined() } ?? ""
            #expect(drawnText.contains("\(text.unicodeScalars.prefix(marker.offset + 1).last.map(String.init) ?? "")\(marker.text)"), "width \(width)")
        }
        #expect(drawn(lines).joined().filter { $0 == "[" }.count == 2)
    }

    @Test func aLinkNearTheEndOfALineCarriesItsMarkerToTheNext() {
        // "the report[1]" does not fit after "Harbor cities read " in 30 columns.
        let markers = LinkMarker.markers(for: [links[0]], in: text, firstNumber: 1)
        let lines = TextWrapper.wrap(text, width: 30, markers: markers)
        #expect(drawn(lines).first == "Harbor cities read the")
        #expect(drawn(lines)[1].hasPrefix("report[1]"))
        #expect(lines.allSatisfy { $0.width <= 30 })
    }

    @Test func aLinkWithoutVisibleTextGetsNoMarker() {
        #expect(LinkMarker.markers(for: [InlineLink(range: 3..<3, url: "u"), InlineLink(range: 0..<2, url: "u")], in: "  x", firstNumber: 1) == [])
    }

    @Test func tooNarrowLinesDropMarkers() {
        let markers = [LinkMarker(offset: 0, text: "[123]")]
        let lines = TextWrapper.wrap("abc", width: 5, markers: markers)
        #expect(drawn(lines) == ["abc"])
    }
}
