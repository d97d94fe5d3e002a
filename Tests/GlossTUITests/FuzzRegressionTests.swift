import Testing

@testable import GlossTUI

/// Inputs the fuzz targets (Fuzz/, docs/FUZZING.md) found to break a property, kept as tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// fuzz-keys: the note editor opened over a line with 🍜 whose second half was under the
    /// popup's left edge. Filling the popup blanked that half only, leaving half a character
    /// on screen (the terminal would draw it over the border).
    @Test func fillingARectNeverLeavesHalfADoubleWidthCharacter() {
        var buffer = Buffer(width: 12, height: 2)
        buffer.put("ab🍜cd漢ef", x: 0, y: 0)
        buffer.put("ab🍜cd漢ef", x: 0, y: 1)
        buffer.fill(Rect(x: 3, y: 0, width: 4, height: 2))
        for y in 0..<2 {
            #expect(buffer.cell(x: 2, y: y)?.text == " ", "the left half of 🍜 went with its right half")
            #expect(buffer.cell(x: 7, y: y)?.text == " ", "the right half of 漢 went with its left half")
            #expect(buffer.lines[y] == "ab      ef  ")
        }
    }
}
