/// Terminal column widths of characters and strings, as glibc's `wcwidth` gives them, extended to
/// whole grapheme clusters the way modern terminals draw emoji.
///
/// Every width is 0, 1 or 2:
/// - East Asian Wide/Fullwidth and emoji with Emoji_Presentation take 2; so does a text-style
///   emoji followed by U+FE0F, and a cluster that starts with a wide character (ZWJ sequences,
///   skin-tone modifiers, flags) stays 2.
/// - Combining marks, format characters (ZWJ, ZWNJ, U+200B) and Hangul jamo vowels/finals take 0.
/// - Spacing marks (Mc) take 1 each, as in glibc; a cluster is capped at 2.
/// - Scalars that `TerminalSafe` replaces (controls, bidi overrides) measure as their placeholder,
///   1 column, so a width measured on raw text matches what is drawn.
public enum DisplayWidth {
    /// Columns a grapheme cluster takes on a terminal.
    public static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard let second = scalars.next() else { return of(first) }
        let firstWidth = of(first)
        if firstWidth == 2 { return 2 }
        var hasPresentationSelector = second.value == 0xFE0F
        var total = firstWidth + of(second)
        while let scalar = scalars.next() {
            if scalar.value == 0xFE0F { hasPresentationSelector = true }
            total += of(scalar)
        }
        if hasPresentationSelector, isEmojiVariationBase(first) { return 2 }
        return min(total, 2)
    }

    /// Columns a string takes: the sum over its grapheme clusters.
    public static func of(_ string: String) -> Int {
        // Every ASCII scalar takes one column (controls as their placeholder), and "\r\n" is
        // drawn as two placeholders, so ASCII text is as wide as its byte count.
        let asciiCount = string.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.count : -1
        }
        if let asciiCount, asciiCount >= 0 { return asciiCount }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Columns a single scalar takes when drawn on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Latin, IPA and all controls (drawn as placeholders) are one column.
        if value < 0x300 { return 1 }
        if TerminalSafe.isBidiControl(value) { return 1 }
        if contains(value, in: WidthTables.zeroWidth) { return 0 }
        if contains(value, in: WidthTables.wide) { return 2 }
        return 1
    }

    /// Whether U+FE0F after this scalar asks for a two-column emoji presentation.
    static func isEmojiVariationBase(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar.value, in: WidthTables.emojiVariationBase)
    }

    /// Binary search over a flattened `[low, high, low, high, ...]` table of inclusive ranges.
    static func contains(_ value: UInt32, in table: [UInt32]) -> Bool {
        table.withUnsafeBufferPointer { ranges in
            let rangeCount = ranges.count / 2
            guard rangeCount > 0, value >= ranges[0], value <= ranges[ranges.count - 1] else { return false }
            var low = 0
            var high = rangeCount - 1
            while low <= high {
                let middle = (low + high) / 2
                if value < ranges[2 * middle] {
                    high = middle - 1
                } else if value > ranges[2 * middle + 1] {
                    low = middle + 1
                } else {
                    return true
                }
            }
            return false
        }
    }
}
