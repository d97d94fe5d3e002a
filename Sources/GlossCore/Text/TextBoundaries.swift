/// Sentence and word ranges of a block's text, in Unicode-scalar offsets (the unit annotations
/// are anchored in).
public enum TextBoundaries {
    /// The sentences of `text`, without surrounding whitespace, in order.
    ///
    /// A sentence ends after `.`, `!`, `?` or `…` (and runs of them), plus any closing quotes or
    /// brackets, when whitespace or the end follows and the next word does not start with a
    /// lowercase letter; not after abbreviations such as "Dr.", "Mr.", "e.g.", "vs.", dotted
    /// acronyms such as "U.S." or single initials as in "J. R. R. Tolkien". `。`, `！` and `？`
    /// end a sentence even without a space after them, and a line break always does.
    public static func sentenceRanges(in text: String) -> [Range<Int>] {
        SentenceSplitter(text).ranges()
    }

    /// The words of `text`: whitespace-separated tokens with their attached punctuation, except
    /// that each CJK ideograph or kana, and each emoji, is a word of its own. A grapheme cluster is
    /// never split.
    public static func wordRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var state = WordState.none
        var offset = 0

        func close(at end: Int) {
            if let begin = start, begin < end { ranges.append(begin..<end) }
            start = nil
            state = .none
        }

        for character in text {
            let scalarCount = character.scalarCount
            defer { offset += scalarCount }
            let kind = WordKind(character)
            switch (kind, state) {
            case (.space, _):
                close(at: offset)
                continue
            case (.standalone, .leadingPunctuation):
                state = .standalone
            case (.standalone, _), (.opening, .standalone), (.letter, .standalone):
                close(at: offset)
                state = kind == .standalone ? .standalone : kind == .opening ? .leadingPunctuation : .letters
            case (.opening, .none), (.punctuation, .none):
                state = .leadingPunctuation
            case (.letter, .none), (.letter, .leadingPunctuation):
                state = .letters
            default:
                break  // punctuation attaches to whatever word it follows
            }
            if start == nil { start = offset }
        }
        close(at: offset)
        return ranges
    }

    private enum WordState {
        case none, leadingPunctuation, letters, standalone
    }

    /// How a grapheme cluster takes part in a word.
    enum WordKind: Equatable {
        case space
        /// A CJK ideograph, kana or emoji: a word by itself.
        case standalone
        case opening
        case punctuation
        case letter

        init(_ character: Character) {
            guard let first = character.unicodeScalars.first else {
                self = .letter
                return
            }
            if character.isWhitespace {
                self = .space
            } else if WordKind.isProlongedSoundMark(first.value) {
                self = .punctuation  // stays with the kana before it
            } else if WordKind.isIdeographOrKana(first.value) || WordKind.isEmoji(character, first) {
                self = .standalone
            } else {
                switch first.properties.generalCategory {
                case .openPunctuation, .initialPunctuation: self = .opening
                case .closePunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation,
                    .connectorPunctuation:
                    self = .punctuation
                default: self = .letter
                }
            }
        }

        static func isIdeographOrKana(_ value: UInt32) -> Bool {
            ScalarClasses.isCJKIdeograph(value) || ScalarClasses.isKana(value)
                || ScalarClasses.isIdeographicMark(value) || ScalarClasses.isHalfwidthKatakana(value)
        }

        static func isProlongedSoundMark(_ value: UInt32) -> Bool {
            ScalarClasses.isKanaLengthMark(value) || value == ScalarClasses.halfwidthLengthMark
        }

        static func isEmoji(_ character: Character, _ first: Unicode.Scalar) -> Bool {
            guard first.value >= 0x80 else { return false }  // digits, "#" and "*" are Emoji too
            let properties = first.properties
            if properties.isEmojiPresentation { return true }
            return properties.isEmoji && character.unicodeScalars.contains { $0.value == 0xFE0F }
        }
    }
}
