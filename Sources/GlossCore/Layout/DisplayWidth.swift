/// Terminal column widths of characters and strings (East Asian Wide/Fullwidth and emoji take 2,
/// combining marks and zero-width characters take 0).
public enum DisplayWidth {
    /// Columns a grapheme cluster takes on a terminal.
    public static func of(_ character: Character) -> Int {
        // PROVISIONAL: refined by the layout work (emoji presentation, ZWJ sequences, tables).
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return scalarWidth(first)
    }

    /// Columns a string takes: the sum over its grapheme clusters.
    public static func of(_ string: String) -> Int {
        string.reduce(0) { $0 + of($1) }
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }
}
