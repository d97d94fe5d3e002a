/// Lays a block's text out in terminal lines: word-wrapped prose and hard-broken code.
///
/// Prose is wrapped greedily at spaces; CJK text may break between any two characters (never
/// before closing punctuation such as 。、」), hyphens and dashes allow a break after them, and a
/// word longer than the line is broken between grapheme clusters. Spaces at a wrap point are not
/// drawn, `\n` (also `\r\n`, U+2028, U+2029) forces a break and a tab counts as one space.
/// Lines never exceed the width; a width below 1 is treated as 1, where a double-width character
/// is drawn as `?`.
public enum TextWrapper {
    /// Shown instead of a double-width character on a line only one column wide.
    public static let narrowSubstitute = "?"

    /// `text` wrapped to `width` columns. The first line is `firstIndent` columns narrower (for a
    /// marker or label drawn before it). Glyphs take their style from `spans`.
    /// `markers` (sorted by offset) are drawn after the character they follow, styled
    /// `.linkMarker`, and wrap with it; they are left out on lines too narrow for them.
    public static func wrap(
        _ text: String, spans: [InlineSpan] = [], width: Int, firstIndent: Int = 0, markers: [LinkMarker] = []
    ) -> [WrappedLine] {
        let (width, firstWidth) = widths(width: width, firstIndent: firstIndent)
        let markers = markers.allSatisfy({ $0.width + 2 <= firstWidth }) ? markers : []
        let lineSpans = LineBreaker.lines(of: text, width: width, firstWidth: firstWidth, markers: markers)
        var nextMarker = 0
        var styler = SpanStyler(spans)
        var lines: [WrappedLine] = []
        lines.reserveCapacity(lineSpans.count)
        var glyphs: [Glyph] = []
        var offset = 0

        func closeLine(upTo end: Int) {
            let index = lines.count
            let start = lineSpans[index].start
            let lineWidth = glyphs.reduce(0) { $0 + $1.width }
            lines.append(WrappedLine(glyphs: glyphs, width: lineWidth, range: start..<max(start, end)))
            glyphs.removeAll(keepingCapacity: true)
        }

        for character in text {
            let scalarCount = character.scalarCount
            // Lines are closed once the text reaches where the next one starts.
            while lines.count + 1 < lineSpans.count, offset >= lineSpans[lines.count + 1].start {
                closeLine(upTo: lineSpans[lines.count + 1].start)
            }
            if lines.count < lineSpans.count, lineSpans[lines.count].content.contains(offset) {
                let available = lines.isEmpty ? firstWidth : width
                appendGlyphs(
                    for: character, at: offset, scalarCount: scalarCount, available: available,
                    style: styler.style(at: offset), into: &glyphs)
            }
            while nextMarker < markers.count, markers[nextMarker].offset < offset + scalarCount {
                let marker = markers[nextMarker]
                if marker.offset >= offset, lines.count < lineSpans.count, lineSpans[lines.count].content.contains(offset) {
                    for scalar in marker.text.unicodeScalars {
                        glyphs.append(Glyph(text: String(scalar), width: 1, offset: marker.offset, scalarCount: 0, style: .linkMarker))
                    }
                }
                nextMarker += 1
            }
            offset += scalarCount
        }
        while lines.count < lineSpans.count {
            closeLine(upTo: lines.count + 1 < lineSpans.count ? lineSpans[lines.count + 1].start : offset)
        }
        return lines
    }

    /// How many lines `wrap` gives for the same arguments, without building any glyph.
    public static func lineCount(_ text: String, width: Int, firstIndent: Int = 0) -> Int {
        let (width, firstWidth) = widths(width: width, firstIndent: firstIndent)
        return LineBreaker.lines(of: text, width: width, firstWidth: firstWidth).count
    }

    /// Code laid out without reflow: one line per source line, tabs expanded to stops every
    /// `tabWidth` columns, and a line wider than `width` broken at `width` between clusters.
    public static func codeLines(_ text: String, width: Int, tabWidth: Int = 4) -> [WrappedLine] {
        CodeLayout.lines(of: text, width: max(1, width), tabWidth: max(1, tabWidth), keepGlyphs: true)
    }

    /// `codeLines`, with whether each line continues the source line above it: it holds the rest
    /// of a line wider than `width`, which the reader marks in the margin.
    public static func codeLinesMarkingContinuations(
        _ text: String, width: Int, tabWidth: Int = 4
    ) -> [(line: WrappedLine, continues: Bool)] {
        let layout = CodeLayout.layout(of: text, width: max(1, width), tabWidth: max(1, tabWidth), keepGlyphs: true)
        return Array(zip(layout.lines, layout.continuations))
    }

    /// How many lines `codeLines` gives for the same arguments, without keeping any glyph.
    public static func codeLineCount(_ text: String, width: Int, tabWidth: Int = 4) -> Int {
        CodeLayout.lines(of: text, width: max(1, width), tabWidth: max(1, tabWidth), keepGlyphs: false).count
    }

    private static func widths(width: Int, firstIndent: Int) -> (width: Int, firstWidth: Int) {
        let width = max(1, width)
        return (width, max(1, width - max(0, firstIndent)))
    }

    /// The glyphs drawn for one cluster: itself, a space for a tab, one placeholder per unsafe
    /// scalar, or the narrow substitute when it is wider than the line.
    static func appendGlyphs(
        for character: Character, at offset: Int, scalarCount: Int, available: Int,
        style: InlineStyle, into glyphs: inout [Glyph]
    ) {
        if let ascii = character.singleASCIIByte {
            if ascii >= 0x20, ascii < 0x7F {
                glyphs.append(Glyph(text: String(character), width: 1, offset: offset, scalarCount: 1, style: style))
                return
            }
            if ascii == 0x09 {
                glyphs.append(Glyph(text: " ", width: 1, offset: offset, scalarCount: 1, style: style))
                return
            }
        }
        if character.unicodeScalars.contains(where: TerminalSafe.needsPlaceholder) {
            var scalarOffset = offset
            for scalar in character.unicodeScalars {
                let shown = TerminalSafe.placeholderScalar(for: scalar) ?? scalar
                glyphs.append(
                    Glyph(text: String(Character(shown)), width: DisplayWidth.of(shown),
                          offset: scalarOffset, scalarCount: 1, style: style))
                scalarOffset += 1
            }
            return
        }
        let width = DisplayWidth.of(character)
        if width > available {
            glyphs.append(Glyph(text: narrowSubstitute, width: 1, offset: offset, scalarCount: scalarCount, style: style))
        } else {
            glyphs.append(Glyph(text: String(character), width: width, offset: offset, scalarCount: scalarCount, style: style))
        }
    }
}
