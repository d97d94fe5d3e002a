import Foundation
import GlossTestSupport
import Testing

/// The committed `WidthTables.swift` is what `WidthTablesGenerator` makes of the Unicode data
/// (the Debian `unicode-data` package, or `UNICODE_DATA_DIR`).
@Suite struct WidthTablesGeneratorTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tableFile = root.appendingPathComponent("Sources/GlossCore/Layout/WidthTables.swift")
    static let dataDirectory = ProcessInfo.processInfo.environment["UNICODE_DATA_DIR"] ?? "/usr/share/unicode"

    /// What changed after Unicode 15.0 (the version Debian 12 installs) among scalars 15.0 already
    /// assigns, so that the 17.0 table can be checked against 15.0 data: 16.0 made the trigram,
    /// digram, hexagram and Tai Xuan Jing symbols East Asian Wide, made U+1171E and the Hangul tone
    /// marks U+302E-302F spacing marks (Mc), and the Khitan/Vietnamese marks U+16FF0-16FF1
    /// nonspacing (Mn).
    static let changedSince15: [String: [ClosedRange<UInt32>]] = [
        "zeroWidth": [0x1171E...0x1171E],
        "wide": [
            0x2630...0x2637, 0x268A...0x268F, 0x302E...0x302F, 0x4DC0...0x4DFF, 0x16FF0...0x16FF1,
            0x1D300...0x1D356, 0x1D360...0x1D376,
        ],
        "emojiVariationBase": [],
    ]

    @Test func theCommittedFileIsInTheGeneratorsFormat() throws {
        let committed = try String(contentsOf: Self.tableFile, encoding: .utf8)
        let parsed = try #require(WidthTablesGenerator.parse(committed))
        #expect(parsed.source() == committed)
        #expect(parsed.zeroWidth.count > 300 && parsed.wide.count > 100 && parsed.emojiVariationBase.count > 50)
    }

    @Test func theCommittedTableIsTheGeneratorsOutput() throws {
        let generated = try WidthTablesGenerator(directory: Self.dataDirectory)
        let committedText = try String(contentsOf: Self.tableFile, encoding: .utf8)
        let committed = try #require(WidthTablesGenerator.parse(committedText))
        if generated.version == committed.version {
            let failure = GoldenFile.mismatch(generated.source(), file: Self.tableFile)
            #expect(failure == nil, Comment(rawValue: failure ?? ""))
            return
        }
        // Older data: every scalar it assigns must be classed alike, but for the known changes.
        #expect(generated.version == "15.0", "no list of changes between Unicode \(generated.version) and \(committed.version)")
        let tables = [
            ("zeroWidth", generated.zeroWidth, committed.zeroWidth), ("wide", generated.wide, committed.wide),
            ("emojiVariationBase", generated.emojiVariationBase, committed.emojiVariationBase),
        ]
        for (name, mine, theirs) in tables {
            let known = Self.changedSince15[name] ?? []
            let differing = WidthTablesGenerator.scalars(mine).symmetricDifference(WidthTablesGenerator.scalars(theirs))
                .filter { !WidthTablesGenerator.contains($0, in: generated.unassigned) && !known.contains { $0.contains($0) } }
            let shown = WidthTablesGenerator.ranges(Set(differing)).prefix(10).map {
                WidthTablesGenerator.hex($0.lowerBound) + "..." + WidthTablesGenerator.hex($0.upperBound)
            }
            #expect(differing.isEmpty, "\(name) differs from Unicode \(generated.version) data at \(shown)")
        }
    }

    @Test func theGeneratorFollowsTheRules() throws {
        let generated = try WidthTablesGenerator(directory: Self.dataDirectory)
        func zero(_ value: UInt32) -> Bool { WidthTablesGenerator.contains(value, in: generated.zeroWidth) }
        func wide(_ value: UInt32) -> Bool { WidthTablesGenerator.contains(value, in: generated.wide) }
        #expect(zero(0x0301) && zero(0x200D) && zero(0x1160) && zero(0xE0001))  // a mark, ZWJ, a jamo vowel, a tag
        #expect(!zero(0x00AD) && !zero(0x0600) && !zero(0x202E) && !zero(0x0903))  // soft hyphen, PCM, bidi, Mc
        #expect(wide(0x4E00) && wide(0xAC00) && wide(0x1F600) && wide(0x3248) && wide(0x2A6DF))
        #expect(!wide(0x3099) && !wide(0x0041))  // a combining kana mark is zero, not wide
        #expect(WidthTablesGenerator.contains(0x2764, in: generated.emojiVariationBase))
        #expect(!WidthTablesGenerator.contains(0x231A, in: generated.emojiVariationBase))  // already wide
    }
}
