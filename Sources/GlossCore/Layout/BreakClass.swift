/// How a grapheme cluster takes part in line breaking: a small subset of UAX #14 that is enough
/// for prose in Latin and CJK scripts.
enum BreakClass: Sendable {
    /// Dropped at a wrap point; a break may follow it.
    case space
    /// Ends the line.
    case newline
    /// Ideographs, kana, Hangul: a break is allowed on either side.
    case ideographic
    /// CJK opening brackets: a break may come before, never after.
    case openingCJK
    /// CJK closing punctuation and small marks that must not start a line; a break may follow.
    case closingCJK
    /// Latin opening brackets and quotes: never a break after.
    case openingLatin
    /// Latin closing punctuation: never a break before.
    case closingLatin
    /// Hyphens: a break may follow when a letter comes next.
    case hyphen
    /// Dashes such as "—": a break may follow.
    case dash
    /// Word joiners: never a break on either side.
    case glue
    /// Letters, digits, symbols, emoji: no break inside a run of them.
    case other

    init(_ character: Character) {
        guard let first = character.unicodeScalars.first else {
            self = .other
            return
        }
        if first.value < 0x80 {
            self = BreakClass.ascii(first.value)
        } else {
            self = BreakClass.nonASCII(first.value)
        }
    }

    static func ascii(_ value: UInt32) -> BreakClass {
        switch value {
        case 0x20, 0x09: return .space
        case 0x0A, 0x0D: return .newline  // "\r\n" is one cluster
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D: return .closingLatin  // ! ) , . : ; ? ] }
        case 0x28, 0x5B, 0x7B: return .openingLatin  // ( [ {
        case 0x2D: return .hyphen
        default: return .other
        }
    }

    private static func nonASCII(_ value: UInt32) -> BreakClass {
        switch value {
        case 0x2028, 0x2029: return .newline
        case 0x1680, 0x2000...0x2006, 0x2008...0x200B, 0x205F, 0x3000: return .space
        case 0x2060, 0xFEFF: return .glue
        case 0x2010: return .hyphen
        case 0x2013, 0x2014: return .dash
        case 0x2019, 0x201D, 0x00BB, 0x203A: return .closingLatin  // ’ ” » ›
        case 0x2018, 0x201C, 0x00AB, 0x2039: return .openingLatin  // ‘ “ « ‹
        case 0x3001, 0x3002, 0x3005, 0x303B, 0x30FB, 0x30FC, 0x309D, 0x309E, 0x30FD, 0x30FE,
            0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F,
            0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60,
            0xFF61, 0xFF63, 0xFF64:
            return .closingCJK
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
            0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62:
            return .openingCJK
        case 0x1100...0x115F, 0x2E80...0x2FDF, 0x3003...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60,
            0x20000...0x3FFFD:
            return .ideographic
        default: return .other
        }
    }

    /// Whether a line may break between a cluster of class `before` and one of class `after`
    /// (spaces and newlines are handled by the caller). `afterIsLetter` tells whether the second
    /// cluster starts with a letter, which hyphens need.
    static func allowsBreak(between before: BreakClass, and after: BreakClass, afterIsLetter: Bool) -> Bool {
        switch (before, after) {
        case (.glue, _), (_, .glue), (.openingLatin, _), (.openingCJK, _), (_, .closingLatin), (_, .closingCJK):
            return false
        case (.hyphen, _):
            return afterIsLetter
        case (.dash, .dash):
            return false
        case (.ideographic, _), (.closingCJK, _), (.dash, _), (_, .ideographic), (_, .openingCJK):
            return true
        default:
            return false
        }
    }
}
