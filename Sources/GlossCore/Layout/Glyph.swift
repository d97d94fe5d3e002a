/// One grapheme cluster as laid out on a line: what to draw, how wide it is and which part of the
/// block's text it shows.
public struct Glyph: Hashable, Sendable {
    /// Terminal-safe text of one grapheme cluster, placeholders already applied. A tab is drawn
    /// as spaces (one glyph per column) and a character too wide for the line as `?`.
    public var text: String
    /// Columns taken: 0, 1 or 2.
    public var width: Int
    /// Unicode-scalar offset, in the block's text, of this grapheme's first scalar.
    public var offset: Int
    /// Scalars of the block's text this glyph shows; 0 for the extra columns of an expanded tab.
    public var scalarCount: Int
    /// Inline emphasis of the span covering `offset`.
    public var style: InlineStyle

    public init(text: String, width: Int, offset: Int, scalarCount: Int, style: InlineStyle = []) {
        self.text = text
        self.width = width
        self.offset = offset
        self.scalarCount = scalarCount
        self.style = style
    }

    /// The scalar offsets this glyph shows.
    public var range: Range<Int> { offset..<(offset + scalarCount) }
}

extension Character {
    /// The byte of a one-scalar ASCII character ("\r\n" is two bytes, so it is nil there).
    var singleASCIIByte: UInt8? {
        let bytes = utf8
        return bytes.count == 1 ? bytes.first : nil
    }

    /// Scalars in this grapheme cluster, without walking them for the common ASCII case.
    var scalarCount: Int {
        singleASCIIByte == nil ? unicodeScalars.count : 1
    }
}
