/// Replaces characters that a terminal would interpret with visible one-column placeholders, so
/// no byte of an article can drive the terminal or disguise the text around it.
///
/// | scalars | placeholder |
/// |---|---|
/// | C0 controls U+0000–U+001F | the control picture U+2400 + n (ESC → ␛, BEL → ␇, tab → ␉) |
/// | DEL U+007F | ␡ U+2421 |
/// | C1 controls U+0080–U+009F (U+009B is CSI in UTF-8 terminals) | ␦ U+2426 |
/// | bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 | ⇄ U+21C4 |
///
/// Layout turns tabs and line breaks into spacing before text reaches this filter; anything left
/// is shown. Every placeholder is East Asian Neutral and not an emoji, so it is one column in any
/// locale and cannot be widened by a following U+FE0F.
public enum TerminalSafe {
    /// Shown for C1 controls.
    public static let c1Placeholder: Unicode.Scalar = "\u{2426}"
    /// Shown for bidi embeddings, overrides and isolates.
    public static let bidiPlaceholder: Unicode.Scalar = "\u{21C4}"

    /// The placeholder for a scalar, or nil if it is safe to show as is.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        placeholderScalar(for: scalar).map { String(Character($0)) }
    }

    /// The placeholder scalar for a scalar, or nil if it is safe to show as is.
    static func placeholderScalar(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return c1Placeholder
        case _ where isBidiControl(value): return bidiPlaceholder
        default: return nil
        }
    }

    /// Whether the scalar must not reach the terminal as itself.
    public static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || isBidiControl(value)
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// The text with every unsafe scalar replaced by its placeholder.
    public static func visible(_ text: String) -> String {
        guard mayNeedPlaceholders(text) else { return text }
        guard text.unicodeScalars.contains(where: needsPlaceholder) else { return text }
        var safe = ""
        safe.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            safe.unicodeScalars.append(placeholderScalar(for: scalar) ?? scalar)
        }
        return safe
    }

    /// Text for a command's output: like `visible`, but line breaks and tabs stay, as they lay
    /// the output out and cannot drive a terminal.
    public static func printable(_ text: String) -> String {
        escaping(text) { placeholder(for: $0) ?? String($0) }
    }

    /// The text with every unsafe scalar but `\n` and `\t` replaced by `escape(scalar)`: for
    /// outputs that must decode to the same text (a JSON `\u` escape, a Markdown character
    /// reference) and still be safe to print on a terminal.
    public static func escaping(_ text: String, _ escape: (Unicode.Scalar) -> String) -> String {
        guard mayNeedPlaceholders(text),
              text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && needsPlaceholder($0) })
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\t", needsPlaceholder(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The character as the graphemes to draw: itself, or placeholders for its unsafe scalars
    /// (each placeholder its own grapheme, so "\r\n" gives two).
    public static func placeholder(forCharacter character: Character) -> [Character] {
        guard character.unicodeScalars.contains(where: needsPlaceholder) else { return [character] }
        return character.unicodeScalars.map { Character(placeholderScalar(for: $0) ?? $0) }
    }

    /// A quick byte scan: false means the text certainly has nothing to replace. Controls are
    /// single bytes, C1 controls start with 0xC2 and the bidi controls with 0xE2 in UTF-8.
    static func mayNeedPlaceholders(_ text: String) -> Bool {
        let verdict = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
        }
        return verdict ?? true
    }
}
