/// Replaces characters that a terminal would interpret (C0/C1 controls, ESC, DEL, bidi
/// overrides) with visible placeholders, so no byte of an article can drive the terminal.
public enum TerminalSafe {
    /// The placeholder for a scalar, or nil if it is safe to show as is.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x00...0x1F: return String(Character(Unicode.Scalar(0x2400 + v) ?? "?"))
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{2426}"
        case 0x202A...0x202E, 0x2066...0x2069: return "\u{2426}"
        default: return nil
        }
    }

    /// The text with every unsafe scalar replaced by its placeholder.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { placeholder(for: $0) != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let p = placeholder(for: scalar) { out += p } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

extension TerminalSafe {
    /// The character as the graphemes to draw: itself, or placeholders for its unsafe scalars.
    public static func placeholder(forCharacter character: Character) -> [Character] {
        guard character.unicodeScalars.contains(where: { placeholder(for: $0) != nil }) else { return [character] }
        return Array(visible(String(character)))
    }
}
