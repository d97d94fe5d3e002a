/// The two questions text conversion asks of every scalar, answered for ASCII without Unicode's
/// property tables: the table lookups took a fifth of the time `gloss fetch` spent converting
/// HTML to Markdown, and feed text is mostly ASCII.
enum TextScalar {
    /// Unicode `White_Space`.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return scalar.properties.isWhitespace
    }

    /// General category Cc, which is exactly U+0000–U+001F and U+007F–U+009F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
