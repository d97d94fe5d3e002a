import Foundation

/// Writes `Sources/GlossCore/Layout/WidthTables.swift` from the Unicode Character Database, with
/// glibc's `wcwidth` rules (see the header it writes). It reads a UCD directory laid out like the
/// Debian `unicode-data` package's `/usr/share/unicode`: `EastAsianWidth.txt`, `PropList.txt`,
/// `DerivedCoreProperties.txt`, `extracted/DerivedGeneralCategory.txt`, `emoji/emoji-data.txt`
/// and `emoji/emoji-variation-sequences.txt`.
///
/// To regenerate the table for a new Unicode version, point `UNICODE_DATA_DIR` at that version's
/// files and run `RECORD_GOLDEN=1 swift test --filter WidthTablesGeneratorTests`.
struct WidthTablesGenerator {
    typealias Ranges = [ClosedRange<UInt32>]

    var version: String
    var zeroWidth: Ranges
    var wide: Ranges
    var emojiVariationBase: Ranges
    /// Scalars the data leaves unassigned (general category Cn).
    var unassigned: Ranges

    enum Problem: Error, CustomStringConvertible {
        case unreadable(String)
        case noVersion(String)
        var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path)"
            case .noVersion(let path): return "no Unicode version in the first line of \(path)"
            }
        }
    }

    init(directory: String) throws {
        let eawPath = directory + "/EastAsianWidth.txt"
        let eawText = try Self.read(eawPath)
        // "# EastAsianWidth-15.0.0.txt" → "15.0"
        guard let first = eawText.split(separator: "\n").first, let dash = first.firstIndex(of: "-") else {
            throw Problem.noVersion(eawPath)
        }
        let numbers = first[first.index(after: dash)...].split(separator: ".").prefix(2)
        guard numbers.count == 2 else { throw Problem.noVersion(eawPath) }
        version = numbers.joined(separator: ".")

        let category = Self.properties(try Self.read(directory + "/extracted/DerivedGeneralCategory.txt"))
        let eastAsianWidth = Self.properties(eawText)
        let propList = Self.properties(try Self.read(directory + "/PropList.txt"))
        let core = Self.properties(try Self.read(directory + "/DerivedCoreProperties.txt"))
        let emoji = Self.properties(try Self.read(directory + "/emoji/emoji-data.txt"))

        let unassigned = category["Cn"] ?? []
        var zero = Self.scalars((category["Mn"] ?? []) + (category["Me"] ?? []) + (category["Cf"] ?? []))
        // Default-ignorable scalars not yet assigned are invisible too (U+2065, U+FFF0-FFF8, tags).
        zero.formUnion(Self.scalars(core["Default_Ignorable_Code_Point"] ?? []).filter { Self.contains($0, in: unassigned) })
        // Hangul jamo medial vowels and final consonants combine with the initial before them.
        zero.formUnion(0x1160...0x11FF)
        zero.formUnion(0xD7B0...0xD7FF)
        // The soft hyphen and the prepended concatenation marks are shown; bidi controls never
        // reach the table (`TerminalSafe` draws them as placeholders).
        zero.remove(0x00AD)
        zero.subtract(Self.scalars(propList["Prepended_Concatenation_Mark"] ?? []))
        zero.subtract(0x202A...0x202E)
        zero.subtract(0x2066...0x2069)
        zero = zero.filter { $0 >= 0x300 }

        var wideSet = Self.scalars((eastAsianWidth["W"] ?? []) + (eastAsianWidth["F"] ?? []) + (emoji["Emoji_Presentation"] ?? []))
        wideSet.formUnion(0x3248...0x324F)
        wideSet.formUnion(0x20000...0x2FFFD)
        wideSet.formUnion(0x30000...0x3FFFD)
        wideSet.subtract(zero)

        var bases = Set<UInt32>()
        for line in try Self.read(directory + "/emoji/emoji-variation-sequences.txt").split(separator: "\n") {
            let fields = line.prefix { $0 != "#" }.split(separator: ";").first?.split(separator: " ") ?? []
            if fields.count == 2, fields[1] == "FE0F", let base = UInt32(fields[0], radix: 16) { bases.insert(base) }
        }
        bases.subtract(wideSet)

        zeroWidth = Self.ranges(zero)
        wide = Self.ranges(wideSet)
        emojiVariationBase = Self.ranges(bases)
        self.unassigned = unassigned
    }

    init(version: String, zeroWidth: Ranges, wide: Ranges, emojiVariationBase: Ranges) {
        self.version = version
        self.zeroWidth = zeroWidth
        self.wide = wide
        self.emojiVariationBase = emojiVariationBase
        self.unassigned = []
    }

    /// The Swift source of `WidthTables.swift`.
    func source() -> String {
        var out = """
            // Generated from Unicode \(version) (EastAsianWidth.txt, DerivedGeneralCategory.txt,
            // emoji-variation-sequences.txt), following glibc's wcwidth rules: Mn, Me and Cf are zero width
            // (except U+00AD and the prepended concatenation marks), Mc is one column, Hangul medial vowels and
            // final consonants U+1160-11FF and U+D7B0-D7FF are zero width, East Asian Wide/Fullwidth plus
            // U+3248-324F and all of planes 2 and 3 are two columns. Scalars below U+0300 and the bidi controls
            // never reach these tables. Do not edit by hand.

            /// Sorted, non-overlapping inclusive scalar ranges, flattened as `[low, high, low, high, ...]`.
            enum WidthTables {

            """
        let tables: [(comment: String, name: String, ranges: Ranges)] = [
            ("Combining marks, format characters and Hangul jamo vowels/finals.", "zeroWidth", zeroWidth),
            ("East Asian Wide and Fullwidth, including emoji with Emoji_Presentation.", "wide", wide),
            ("Text-default characters that become two columns wide before U+FE0F.", "emojiVariationBase", emojiVariationBase),
        ]
        for (index, table) in tables.enumerated() {
            if index > 0 { out += "\n" }
            out += "    /// \(table.comment)\n    static let \(table.name): [UInt32] = [\n"
            let numbers = table.ranges.flatMap { [$0.lowerBound, $0.upperBound] }
            for start in stride(from: 0, to: numbers.count, by: 8) {
                let line = numbers[start..<min(start + 8, numbers.count)].map { Self.hex($0) + "," }
                out += "        " + line.joined(separator: " ") + "\n"
            }
            out += "    ]\n"
        }
        return out + "}\n"
    }

    /// The tables of a `WidthTables.swift` source text, to compare with generated ones.
    static func parse(_ source: String) -> WidthTablesGenerator? {
        func table(_ name: String) -> Ranges? {
            guard let start = source.range(of: "static let \(name): [UInt32] = [") else { return nil }
            let rest = source[start.upperBound...]
            guard let end = rest.range(of: "]") else { return nil }
            let numbers = rest[..<end.lowerBound].split { $0 == "," || $0 == " " || $0 == "\n" }
                .compactMap { UInt32($0.dropFirst(2), radix: 16) }
            guard numbers.count % 2 == 0 else { return nil }
            return stride(from: 0, to: numbers.count, by: 2).map { numbers[$0]...numbers[$0 + 1] }
        }
        guard let zero = table("zeroWidth"), let wide = table("wide"), let bases = table("emojiVariationBase"),
              let versionStart = source.range(of: "Generated from Unicode "),
              let versionEnd = source[versionStart.upperBound...].firstIndex(of: " ")
        else { return nil }
        return WidthTablesGenerator(
            version: String(source[versionStart.upperBound..<versionEnd]), zeroWidth: zero, wide: wide,
            emojiVariationBase: bases)
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem.unreadable(path) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The ranges of each property value in a UCD file of `range ; value # comment` lines.
    static func properties(_ text: String) -> [String: Ranges] {
        var result: [String: Ranges] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.prefix { $0 != "#" }.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2 else { continue }
            let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
            guard let low = bounds.first, let high = bounds.last, low <= high else { continue }
            result[fields[1], default: []].append(low...high)
        }
        return result
    }

    static func scalars(_ ranges: Ranges) -> Set<UInt32> {
        var result = Set<UInt32>()
        for range in ranges { result.formUnion(range) }
        return result
    }

    /// Whether `value` lies in one of `ranges` (sorted, as UCD files list them).
    static func contains(_ value: UInt32, in ranges: Ranges) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    static func ranges(_ scalars: Set<UInt32>) -> Ranges {
        var result: Ranges = []
        for value in scalars.sorted() {
            if let last = result.last, last.upperBound + 1 == value {
                result[result.count - 1] = last.lowerBound...value
            } else {
                result.append(value...value)
            }
        }
        return result
    }
}
