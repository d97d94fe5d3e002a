// TEMPORARY stand-in until the layout branch lands.
public struct Glyph: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var offset: Int
    public var scalarCount: Int
    public var style: InlineStyle
}

public struct WrappedLine: Hashable, Sendable {
    public var glyphs: [Glyph]
    public var width: Int
    public var range: Range<Int>
}

public enum TextWrapper {
    public static func wrap(_ text: String, spans: [InlineSpan] = [], width: Int) -> [WrappedLine] {
        let width = max(1, width)
        var lines: [WrappedLine] = []
        var current: [Glyph] = []
        var w = 0
        var offset = 0
        for ch in text {
            let n = ch.unicodeScalars.count
            if ch == "\n" {
                lines.append(make(current, w, offset)); current = []; w = 0; offset += n; continue
            }
            let gw = DisplayWidth.of(ch)
            if w + gw > width {
                lines.append(make(current, w, offset)); current = []; w = 0
                if ch == " " { offset += n; continue }
            }
            let style = spans.filter { $0.range.contains(offset) }.reduce(InlineStyle()) { $0.union($1.style) }
            current.append(Glyph(text: TerminalSafe.visible(String(ch)), width: gw, offset: offset, scalarCount: n, style: style))
            w += gw
            offset += n
        }
        lines.append(make(current, w, offset))
        return lines
    }

    public static func codeLines(_ text: String, width: Int, tabWidth: Int = 4) -> [WrappedLine] {
        wrap(text, width: width)
    }

    static func make(_ glyphs: [Glyph], _ w: Int, _ end: Int) -> WrappedLine {
        let start = glyphs.first?.offset ?? end
        return WrappedLine(glyphs: glyphs, width: w, range: start..<(glyphs.last.map { $0.offset + $0.scalarCount } ?? end))
    }
}
