/// Picks an encoding for HTML bytes when the transport named none.
///
/// A page's own declaration is followed unless the bytes show it cannot be right: bytes that are
/// valid UTF-8 (with some non-ASCII) are UTF-8 whatever the page declares (legacy multi-byte text
/// is practically never valid UTF-8), and a page declaring UTF-8, or nothing, whose bytes are not
/// UTF-8 is read as windows-1252 (as browsers do).
enum CharsetSniffer {
    /// nil (let libxml2 read the page's own declaration), else the encoding to read the page in.
    static func defaultEncoding(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(2048))
        // UTF-16 and UTF-32 pages are left to libxml2's own detection.
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.prefix(4).contains(0) { return nil }
        let declared = declaredCharset(in: head)
        let isASCII = !bytes.contains { $0 >= 0x80 }
        if isASCII { return declared == nil ? "UTF-8" : nil }
        if XMLEncoding.isValidUTF8(bytes) { return "UTF-8" }
        let declaresUTF8 = declared.map { ["utf-8", "utf8"].contains($0) } ?? true
        return declaresUTF8 ? Windows1252.fallbacks(for: bytes).first : nil
    }

    /// The value after the first `charset=` in the head of the page, lower-cased.
    static func declaredCharset(in head: [UInt8]) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("charset".utf8)
        guard lower.count >= needle.count else { return nil }
        for start in 0...(lower.count - needle.count) where lower[start] == needle[0] {
            guard Array(lower[start..<start + needle.count]) == needle else { continue }
            var cursor = start + needle.count
            while cursor < lower.count, [0x20, 0x09, 0x0A, 0x0D].contains(lower[cursor]) { cursor += 1 }
            guard cursor < lower.count, lower[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < lower.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'")].contains(lower[cursor]) {
                cursor += 1
            }
            let start = cursor
            while cursor < lower.count, isCharsetByte(lower[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: lower[start..<cursor], as: UTF8.self) }
        }
        return nil
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }
}
