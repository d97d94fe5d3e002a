/// Simple (one scalar to one scalar) case folding, close to CaseFolding.txt's C+S mappings:
/// "É" and "é", "Σ", "σ" and "ς", "K" and the Kelvin sign all fold alike. Full foldings that
/// change the scalar count ("ß" → "ss") are not applied, so folded text keeps the scalar offsets
/// of the original.
struct CaseFolding {
    // A direct-mapped cache of non-ASCII folds: property lookups cost far more than a probe,
    // and a text mostly repeats the few hundred letters of its script.
    private static let cacheSize = 1024
    private var cachedScalars = [UInt32](repeating: .max, count: cacheSize)
    private var cachedFolds = [UInt32](repeating: 0, count: cacheSize)

    mutating func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 {
            return value &- 0x41 < 26 ? value | 0x20 : value
        }
        let slot = Int(value) & (CaseFolding.cacheSize - 1)
        if cachedScalars[slot] == value { return cachedFolds[slot] }
        // Most non-ASCII scalars (lowercase letters, CJK, symbols) are their own fold.
        let folded = scalar.properties.changesWhenCaseFolded ? CaseFolding.slowFold(scalar) : value
        cachedScalars[slot] = value
        cachedFolds[slot] = folded
        return folded
    }

    static func slowFold(_ scalar: Unicode.Scalar) -> UInt32 {
        // Lowercase first ("İ" lowercases to "i" + a combining dot: keep the "i"), then send
        // variant lowercase forms through their uppercase to the common one ("ς" → "Σ" → "σ").
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        let upper = lowered.properties.uppercaseMapping.unicodeScalars
        guard upper.count == 1, let single = upper.first else { return lowered.value }
        let relowered = single.properties.lowercaseMapping.unicodeScalars
        guard relowered.count == 1, let common = relowered.first else { return lowered.value }
        return common.value
    }

    /// Every scalar of `text` folded.
    mutating func fold(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { fold($0) }
    }
}
