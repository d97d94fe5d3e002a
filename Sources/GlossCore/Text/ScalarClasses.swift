/// The one table of Unicode scalar classes that line breaking (`BreakClass`), word boundaries
/// (`TextBoundaries`) and sentence splitting (`Punctuation`) ask about: CJK scripts, CJK and
/// Latin brackets, quotes and punctuation. Each caller builds its classes from these sets.
///
/// Where the callers' old tables disagreed, each kept its behaviour, and the difference is named
/// where it is made:
/// - Line breaking treats every CJK block, Hangul and the fullwidth forms as ideographic (a break
///   on either side); words take only ideographs and kana as one-character words, since Korean
///   separates its words with spaces. Halfwidth katakana are words of their own but, as before,
///   not break opportunities.
/// - Line breaking keeps every CJK closing bracket off the start of a line; the sentence splitter
///   keeps only the common ones (`cjkSentenceClosers`, `cjkSentenceOpeners`) with the sentence,
///   plus the fullwidth quotes `＂` and `＇`.
/// - The halfwidth prolonged sound mark `ｰ` stays with the kana before it in words; line breaking
///   has no rule for it.
enum ScalarClasses {
    /// CJK unified ideographs (with extension A and the supplementary planes) and compatibility ideographs.
    static func isCJKIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// Hiragana and katakana letters (with the phonetic extensions).
    static func isKana(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x31F0...0x31FF: return true
        default: return false
        }
    }

    static func isHalfwidthKatakana(_ value: UInt32) -> Bool {
        (0xFF66...0xFF9D).contains(value)
    }

    /// `々`, `〆`, `〇`: written like ideographs.
    static func isIdeographicMark(_ value: UInt32) -> Bool {
        (0x3005...0x3007).contains(value)
    }

    /// The kana iteration marks and `ー`: they belong to the kana before them.
    static func isKanaLengthMark(_ value: UInt32) -> Bool {
        value == 0x30FC || value == 0x309D || value == 0x309E || value == 0x30FD || value == 0x30FE
    }

    /// `ｰ`, the halfwidth `ー`.
    static let halfwidthLengthMark: UInt32 = 0xFF70

    /// Whole blocks line breaking treats as ideographic besides the ideographs: Hangul, CJK
    /// radicals and symbols, the kana and Bopomofo blocks, and the fullwidth forms.
    static func isWideScriptBlock(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x2FDF, 0x3003...0x303F, 0x3040...0x31FF, 0xA960...0xA97F,
            0xAC00...0xD7A3, 0xFF01...0xFF60:
            return true
        default: return false
        }
    }

    /// `。`, `！`, `？` and the halfwidth `｡`: end a sentence even with no space after.
    static func isCJKSentenceTerminator(_ value: UInt32) -> Bool {
        value == 0x3002 || value == 0xFF01 || value == 0xFF1F || value == 0xFF61
    }

    /// CJK punctuation that must not start a line: the terminators, commas, colons, the fullwidth
    /// full stop, and `々`, `〻`, `・` with the kana length marks.
    static func isCJKNonStarter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF64, 0x3005, 0x303B, 0x30FB: return true
        default: return isCJKSentenceTerminator(value) || isKanaLengthMark(value)
        }
    }

    /// Closing CJK brackets: `」`, `』`, `】`, `〉`, `》`, `〕`, `〗`, `〙`, `〛`, `〞`, `〟` and the fullwidth ones.
    static func isCJKClosingBracket(_ value: UInt32) -> Bool {
        switch value {
        case 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F,
            0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF63:
            return true
        default: return false
        }
    }

    /// Opening CJK brackets: `「`, `『`, `【`, `〈`, `《`, `〔`, `〖`, `〘`, `〚`, `〝` and the fullwidth ones.
    static func isCJKOpeningBracket(_ value: UInt32) -> Bool {
        switch value {
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
            0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62:
            return true
        default: return false
        }
    }

    /// The closing CJK brackets and quotes that stay with the sentence they end: the common
    /// brackets (not `〙`, `〛`, `〞`, `〟`, `｠`) and the fullwidth `＂` and `＇`.
    static func isCJKSentenceCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x3019, 0x301B, 0x301E, 0x301F, 0xFF60: return false
        case 0xFF02, 0xFF07: return true
        default: return isCJKClosingBracket(value)
        }
    }

    /// The opening CJK brackets that may come before a sentence's first word: the common ones
    /// (not `〘`, `〚`, `〝`, `｟`).
    static func isCJKSentenceOpener(_ value: UInt32) -> Bool {
        switch value {
        case 0x3018, 0x301A, 0x301D, 0xFF5F: return false
        default: return isCJKOpeningBracket(value)
        }
    }

    /// `‘`, `“`, `«`, `‹`.
    static func isLatinOpeningQuote(_ value: UInt32) -> Bool {
        value == 0x2018 || value == 0x201C || value == 0x00AB || value == 0x2039
    }

    /// `’`, `”`, `»`, `›`.
    static func isLatinClosingQuote(_ value: UInt32) -> Bool {
        value == 0x2019 || value == 0x201D || value == 0x00BB || value == 0x203A
    }

    /// `(`, `[`, `{`.
    static func isASCIIOpeningBracket(_ value: UInt32) -> Bool {
        value == 0x28 || value == 0x5B || value == 0x7B
    }

    /// `)`, `]`, `}`.
    static func isASCIIClosingBracket(_ value: UInt32) -> Bool {
        value == 0x29 || value == 0x5D || value == 0x7D
    }
}
