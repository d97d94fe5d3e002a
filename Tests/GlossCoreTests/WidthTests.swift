import Testing

@testable import GlossCore

@Suite("Display width")
struct WidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func eastAsianWideAndFullwidthTakeTwo() {
        #expect(DisplayWidth.of(Character("漢")) == 2)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of(Character("Ａ")) == 2)  // fullwidth A
        #expect(DisplayWidth.of(Character("の")) == 2)
        #expect(DisplayWidth.of(Character("한")) == 2)
        #expect(DisplayWidth.of(Character("\u{20000}")) == 2)  // CJK extension B
        #expect(DisplayWidth.of(Character("ｱ")) == 1)  // halfwidth katakana
    }

    @Test func hangulJamoVowelsAndFinalsJoinTheirSyllable() {
        let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as three jamo
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 2)
        #expect(DisplayWidth.of(Character("\u{1161}")) == 0)
        #expect(DisplayWidth.of(Character("\u{11AB}")) == 0)
    }

    @Test func emojiPresentationTakesTwo() {
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("🎉")) == 2)
        #expect(DisplayWidth.of("a😀b") == 4)
    }

    @Test func textStyleEmojiWidensOnlyWithVariationSelector16() {
        #expect(DisplayWidth.of(Character("\u{2764}")) == 1)  // ❤ text style
        #expect(DisplayWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
        #expect(DisplayWidth.of(Character("1\u{FE0F}\u{20E3}")) == 2)  // keycap 1
        #expect(DisplayWidth.of(Character("\u{231A}\u{FE0E}")) == 2)  // ⌚ is wide even as text
    }

    @Test func sequencesAreOneTwoColumnCluster() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("🏳\u{FE0F}\u{200D}🌈") == 2)  // rainbow flag
        #expect(DisplayWidth.of("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}") == 2)  // England
    }

    @Test func combiningMarksAndFormatCharactersTakeNothing() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)  // ZWJ
        #expect(DisplayWidth.of(Character("\u{200C}")) == 0)  // ZWNJ
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)  // zero width space
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func spacingMarksTakeAColumnAsInGlibc() {
        let ka = "\u{915}\u{93E}"  // का: consonant + spacing vowel sign
        #expect(ka.count == 1)
        #expect(DisplayWidth.of(ka) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x93E)!) == 1)
    }

    @Test func unsafeScalarsMeasureAsTheirPlaceholder() {
        for value: UInt32 in [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0x202E, 0x2066] {
            let scalar = Unicode.Scalar(value)!
            #expect(DisplayWidth.of(scalar) == 1)
            let placeholder = TerminalSafe.placeholder(for: scalar)
            #expect(placeholder.map { DisplayWidth.of($0) } == 1)
        }
        let raw = "a\u{1B}[31mb\u{202E}c"
        #expect(DisplayWidth.of(raw) == DisplayWidth.of(TerminalSafe.visible(raw)))
    }

    @Test func stringWidthIsTheSumOverClusters() {
        let samples = ["plain", "mixed 日本 text", "e\u{301}👍🏽x", "\u{915}\u{93E}漢", "tab\there", "\r\n"]
        for sample in samples {
            #expect(DisplayWidth.of(sample) == sample.reduce(0) { $0 + DisplayWidth.of($1) })
        }
    }

    @Test(arguments: [
        ("zeroWidth", WidthTables.zeroWidth), ("wide", WidthTables.wide),
        ("emojiVariationBase", WidthTables.emojiVariationBase),
    ])
    func tablesAreSortedDisjointRanges(name: String, table: [UInt32]) {
        #expect(table.count % 2 == 0, "\(name)")
        for index in stride(from: 0, to: table.count, by: 2) {
            #expect(table[index] <= table[index + 1], "\(name) range \(index / 2)")
            if index >= 2 { #expect(table[index - 1] < table[index], "\(name) range \(index / 2)") }
        }
    }

    @Test func tablesAgreeWithTheStandardLibrarysCharacterProperties() {
        var mismatches: [String] = []
        for value in UInt32(0x300)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value), !TerminalSafe.needsPlaceholder(scalar) else { continue }
            let properties = scalar.properties
            let width = DisplayWidth.of(scalar)
            if properties.isEmojiPresentation, width != 2 {
                mismatches.append("U+\(String(value, radix: 16)) emoji presentation is \(width)")
            }
            let category = properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark, width != 0 {
                mismatches.append("U+\(String(value, radix: 16)) mark is \(width)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
