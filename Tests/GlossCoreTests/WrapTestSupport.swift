@testable import GlossCore

/// The text each wrapped line draws.
func drawn(_ lines: [WrappedLine]) -> [String] {
    lines.map { $0.glyphs.map(\.text).joined() }
}

/// The first paragraphs of Articles/binance-world-liberty.txt, verbatim.
let sampleParagraphs = [
    "According to Wall Street Journal report, Binance and President Donald Trump has just struck an agreement which would dictate that the President turn a blind eye to all of Binance's criminal offenses in exchange for a crucial push to make World Liberty Financial's the world's most powerful stablecoin.",
    "Apparently , negotiations between the two parties started back in December last year, where Binance's founder Changpeng \"CZ\" Zhao first met Trump's two sons, Eric and Trump Jr. Shortly after the meeting, the negotiation between Binance and World Liberty Financial accelerated in the following months.",
    "The evolving crypto landscape",
    "This deal comes in light of President Trump's revolution of the U.S crypto industry and his efforts to make the U.S landscape more cordial towards the crypto industry.",
    "The investigation has caused the company to lose a record $4.3 billion in fines for allowing terrorists, drug traffickers and sanctioned entities to transfer billions of dollars through its exchange.",
    "In recent weeks, the Justice Department disbanded its cryptocurrency division and suspended its corporate oversight program—moves that critics argue could weaken safeguards against financial crimes.",
]

/// Checks the invariants every wrap must keep, returning what is broken.
func wrapProblems(_ text: String, _ lines: [WrappedLine], width: Int, firstIndent: Int = 0) -> [String] {
    var problems: [String] = []
    let scalars = Array(text.unicodeScalars)
    guard let first = lines.first, let last = lines.last else { return ["no lines"] }
    if first.range.lowerBound != 0 { problems.append("first line starts at \(first.range.lowerBound)") }
    if last.range.upperBound != scalars.count { problems.append("last line ends at \(last.range.upperBound)") }
    var shown = Set<Int>()
    for (index, line) in lines.enumerated() {
        let available = max(1, index == 0 ? max(1, width) - firstIndent : width)
        if line.width > available { problems.append("line \(index) is \(line.width) wide") }
        if line.width != line.glyphs.reduce(0, { $0 + $1.width }) { problems.append("line \(index) width") }
        if index + 1 < lines.count, line.range.upperBound != lines[index + 1].range.lowerBound {
            problems.append("gap after line \(index)")
        }
        for glyph in line.glyphs {
            if !line.range.contains(glyph.offset) { problems.append("glyph at \(glyph.offset) outside line \(index)") }
            if glyph.text.count != 1 { problems.append("glyph \(glyph.text.debugDescription) is not one grapheme") }
            shown.formUnion(glyph.range)
        }
        if line.glyphs.first?.text == " " && index > 0 && lines[index - 1].range.upperBound > 0 {
            let previous = scalars[line.range.lowerBound - 1]
            if previous != "\n" { problems.append("line \(index) starts with a space at a wrap point") }
        }
        if line.glyphs.last?.text == " " { problems.append("line \(index) ends with a space") }
    }
    // Zero width spaces are break opportunities, dropped at a wrap like spaces.
    for (offset, scalar) in scalars.enumerated()
    where !scalar.properties.isWhitespace && scalar != "\u{200B}" && !shown.contains(offset) {
        problems.append("scalar \(offset) \(scalar) not shown")
    }
    return problems
}
