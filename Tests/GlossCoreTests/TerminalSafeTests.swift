import Testing

@testable import GlossCore

@Suite("Terminal-safe text")
struct TerminalSafeTests {
    @Test func c0ControlsBecomeControlPictures() {
        #expect(TerminalSafe.placeholder(for: "\u{1B}") == "\u{241B}")  // ␛
        #expect(TerminalSafe.placeholder(for: "\u{07}") == "\u{2407}")  // ␇
        #expect(TerminalSafe.placeholder(for: "\u{00}") == "\u{2400}")  // ␀
        #expect(TerminalSafe.placeholder(for: "\u{1F}") == "\u{241F}")  // ␟
        #expect(TerminalSafe.placeholder(for: "\t") == "\u{2409}")  // ␉
    }

    @Test func deleteC1AndBidiControlsGetTheirPlaceholders() {
        #expect(TerminalSafe.placeholder(for: "\u{7F}") == "\u{2421}")  // ␡
        for value: UInt32 in 0x80...0x9F {
            #expect(TerminalSafe.placeholder(for: Unicode.Scalar(value)!) == "\u{2426}")
        }
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            #expect(TerminalSafe.placeholder(for: Unicode.Scalar(value)!) == "\u{21C4}")
        }
    }

    @Test func ordinaryTextIsLeftAlone() {
        for scalar: Unicode.Scalar in ["a", " ", "~", "\u{A0}", "é", "—", "©", "漢", "😀", "\u{200D}", "\u{200E}"] {
            #expect(TerminalSafe.placeholder(for: scalar) == nil)
        }
        let text = "Plain — café © 日本 👨\u{200D}👩\u{200D}👧 ‘quoted’"
        #expect(TerminalSafe.visible(text) == text)
    }

    @Test func visibleReplacesEveryUnsafeScalarAndKeepsTheRest() {
        #expect(TerminalSafe.visible("a\u{1B}[31mred\u{07}") == "a\u{241B}[31mred\u{2407}")
        #expect(TerminalSafe.visible("x\u{9B}2Jy") == "x\u{2426}2Jy")
        #expect(TerminalSafe.visible("abc\u{202E}fed") == "abc\u{21C4}fed")
        #expect(TerminalSafe.visible("é\u{7F}") == "é\u{2421}")
    }

    @Test func nothingUnsafeSurvivesAndEveryPlaceholderIsOneColumn() {
        var all = ""
        for value: UInt32 in Array(0...0x9F) + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            all.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        let visible = TerminalSafe.visible(all)
        #expect(!visible.unicodeScalars.contains(where: TerminalSafe.needsPlaceholder))
        #expect(visible.unicodeScalars.count == all.unicodeScalars.count)
        for scalar in all.unicodeScalars {
            if let placeholder = TerminalSafe.placeholder(for: scalar) {
                #expect(placeholder.count == 1)
                #expect(DisplayWidth.of(placeholder) == 1)
                // A following U+FE0F must not turn a placeholder into a wide emoji.
                #expect(DisplayWidth.of(placeholder + "\u{FE0F}") == 1)
            }
        }
    }

    @Test func placeholderForCharacterGivesOneGraphemePerUnsafeScalar() {
        #expect(TerminalSafe.placeholder(forCharacter: "\r\n") == ["\u{240D}", "\u{240A}"])
        #expect(TerminalSafe.placeholder(forCharacter: "\u{1B}") == ["\u{241B}"])
        #expect(TerminalSafe.placeholder(forCharacter: "e\u{301}") == ["e\u{301}"])
        #expect(TerminalSafe.placeholder(forCharacter: "👍🏽") == ["👍🏽"])
    }
}
