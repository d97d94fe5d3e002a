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
        default: break
        }
        // CJK and Latin punctuation and scripts come from the shared table (see `ScalarClasses`).
        if ScalarClasses.isLatinClosingQuote(value) { return .closingLatin }
        if ScalarClasses.isLatinOpeningQuote(value) { return .openingLatin }
        if ScalarClasses.isCJKNonStarter(value) || ScalarClasses.isCJKClosingBracket(value) { return .closingCJK }
        if ScalarClasses.isCJKOpeningBracket(value) { return .openingCJK }
        if ScalarClasses.isCJKIdeograph(value) || ScalarClasses.isWideScriptBlock(value) { return .ideographic }
        return .other
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
