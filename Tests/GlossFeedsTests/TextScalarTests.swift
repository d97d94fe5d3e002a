import Testing
@testable import GlossFeeds

/// The ASCII shortcuts of `TextScalar` answer exactly what Unicode's property tables answer.
@Suite struct TextScalarTests {
    @Test func agreesWithUnicodePropertiesOnEveryScalarOfTheFirstPlanes() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextScalar.isWhitespace(scalar) != scalar.properties.isWhitespace
                || TextScalar.isControl(scalar) != (scalar.properties.generalCategory == .control) {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func whitespaceAndControlsShapeTheMarkdown() {
        // Tabs, newlines, a no-break space and an ideographic space are spaces; a C1 control
        // stands for its windows-1252 quote; other controls are dropped.
        let markdown = HTMLToMarkdown.convert("<p>a\tb\nc\u{A0}d\u{3000}e \u{92}q\u{92} x\u{01}y</p>", baseURL: nil)
        #expect(markdown == "a b c d e ’q’ xy\n")
    }
}
