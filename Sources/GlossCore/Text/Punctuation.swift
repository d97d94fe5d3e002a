/// Punctuation classes that sentence splitting looks at.
enum Punctuation {
    /// `.`, `!`, `?`, `…` and their doubled forms: end a sentence when a space follows.
    static func isLatinTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    /// `。`, `！`, `？` and the halfwidth `｡`: end a sentence even with no space after.
    static func isCJKTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF61: return true
        default: return false
        }
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        isLatinTerminator(scalar) || isCJKTerminator(scalar)
    }

    /// Closing quotes and brackets that stay with the sentence they end.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F, 0x3011, 0x3009,
            0x300B, 0x3015, 0x3017, 0xFF09, 0xFF3D, 0xFF5D, 0xFF02, 0xFF07, 0xFF63:
            return true
        default:
            return false
        }
    }

    /// Opening quotes and brackets that may come before a sentence's first word.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0xBF, 0xA1, 0x2018, 0x201C, 0x2039, 0x300C, 0x300E,
            0x3010, 0x3008, 0x300A, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B, 0xFF62:
            return true
        default:
            return false
        }
    }

    /// Combining marks and selectors that belong to the scalar before them.
    static func isExtender(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return scalar.value == 0x200D || scalar.value == 0xFE0E || scalar.value == 0xFE0F
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
