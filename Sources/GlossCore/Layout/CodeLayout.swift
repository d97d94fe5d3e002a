/// Code block layout: source lines kept as they are, tabs expanded, long lines hard-broken.
struct CodeLayout {
    private let width: Int
    private let tabWidth: Int
    private let keepGlyphs: Bool
    private(set) var lines: [WrappedLine] = []
    /// For each line, whether it continues the source line above (it was broken at the width).
    private(set) var continuations: [Bool] = []
    private var continuesLine = false
    private var glyphs: [Glyph] = []
    private var lineWidth = 0
    private var lineStart = 0
    private var hasGlyphs = false
    /// Column in the source line, which tab stops are measured from even across hard breaks.
    private var sourceColumn = 0
    private var openedByNewline = true

    private init(width: Int, tabWidth: Int, keepGlyphs: Bool) {
        self.width = width
        self.tabWidth = tabWidth
        self.keepGlyphs = keepGlyphs
    }

    /// Lines of `text`; with `keepGlyphs` false the lines are counted but carry no glyphs.
    static func lines(of text: String, width: Int, tabWidth: Int, keepGlyphs: Bool) -> [WrappedLine] {
        layout(of: text, width: width, tabWidth: tabWidth, keepGlyphs: keepGlyphs).lines
    }

    /// The whole layout of `text`, continuations included.
    static func layout(of text: String, width: Int, tabWidth: Int, keepGlyphs: Bool) -> CodeLayout {
        var layout = CodeLayout(width: width, tabWidth: tabWidth, keepGlyphs: keepGlyphs)
        var offset = 0
        var scratch: [Glyph] = []
        for character in text {
            let scalarCount = character.scalarCount
            let ascii = character.singleASCIIByte
            let isNewline = ascii.map { $0 == 0x0A || $0 == 0x0D } ?? (BreakClass(character) == .newline)
            if isNewline {
                layout.closeLine(upTo: offset + scalarCount)
                layout.continuesLine = false
                layout.openedByNewline = true
                layout.sourceColumn = 0
            } else if ascii == 0x09 {
                let columns = tabWidth - layout.sourceColumn % tabWidth
                for column in 0..<columns {
                    layout.place(Glyph(text: " ", width: 1, offset: offset, scalarCount: column == 0 ? 1 : 0))
                }
            } else {
                scratch.removeAll(keepingCapacity: true)
                TextWrapper.appendGlyphs(
                    for: character, at: offset, scalarCount: scalarCount, available: width, style: [],
                    into: &scratch)
                for glyph in scratch { layout.place(glyph) }
            }
            offset += scalarCount
        }
        // A final newline ends the last line instead of starting an empty one.
        if layout.hasGlyphs || !layout.openedByNewline || layout.lines.isEmpty {
            layout.closeLine(upTo: offset)
        }
        return layout
    }

    private mutating func place(_ glyph: Glyph) {
        if hasGlyphs, lineWidth + glyph.width > width {
            // A tab split over two lines belongs to the line where it starts.
            closeLine(upTo: glyph.scalarCount == 0 ? glyph.offset + 1 : glyph.offset)
            continuesLine = true
            openedByNewline = false
        }
        if keepGlyphs { glyphs.append(glyph) }
        hasGlyphs = true
        lineWidth += glyph.width
        sourceColumn += glyph.width
    }

    private mutating func closeLine(upTo end: Int) {
        lines.append(WrappedLine(glyphs: glyphs, width: lineWidth, range: lineStart..<max(lineStart, end)))
        continuations.append(continuesLine)
        glyphs.removeAll(keepingCapacity: true)
        lineWidth = 0
        lineStart = max(lineStart, end)
        hasGlyphs = false
    }
}
