/// The characters windows-1252 puts at bytes 0x80–0x9F, where Unicode has C1 control characters.
///
/// Text converted from windows-1252 by a tool that took it for Latin-1 (and `&#146;`-style
/// references, which browsers read the same way) holds these controls where the author wrote
/// curly quotes, dashes and the euro sign: they are read as windows-1252 meant them, never dropped.
enum Windows1252 {
    /// The character a C1 control stands for, or nil for any other scalar (and the five unused bytes).
    static func character(forControl scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(scalar.value) else { return nil }
        let value = table[Int(scalar.value - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Whether every byte is defined in windows-1252 (five of 0x80–0x9F are not, and stop a conversion).
    static func canDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 == 0x81 || $0 == 0x8D || $0 == 0x8F || $0 == 0x90 || $0 == 0x9D }
    }

    /// The encodings to read bytes in that are not UTF-8 whatever they claim: windows-1252, or
    /// ISO-8859-1 (which has every byte) when windows-1252 cannot decode them.
    static func fallbacks(for bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        canDecode(bytes) ? ["windows-1252", "ISO-8859-1"] : ["ISO-8859-1"]
    }

    private static let table: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
