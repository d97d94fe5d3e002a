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
        ScalarClasses.isCJKSentenceTerminator(scalar.value)
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        isLatinTerminator(scalar) || isCJKTerminator(scalar)
    }

    /// Closing quotes and brackets that stay with the sentence they end.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x22 || value == 0x27 || ScalarClasses.isASCIIClosingBracket(value)
            || ScalarClasses.isLatinClosingQuote(value) || ScalarClasses.isCJKSentenceCloser(value)
    }

    /// Opening quotes and brackets that may come before a sentence's first word.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // `¿` and `¡` open Spanish sentences.
        return value == 0x22 || value == 0x27 || value == 0xBF || value == 0xA1
            || ScalarClasses.isASCIIOpeningBracket(value) || ScalarClasses.isLatinOpeningQuote(value)
            || ScalarClasses.isCJKSentenceOpener(value)
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
