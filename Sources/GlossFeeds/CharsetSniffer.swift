/// Picks an encoding for HTML bytes when the transport named none.
enum CharsetSniffer {
    /// nil (let libxml2 read the page's own declaration) when the start of the page declares a
    /// charset; UTF-8 when the bytes are valid UTF-8; nil otherwise (libxml2 falls back to Latin-1).
    static func defaultEncoding(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = bytes.prefix(2048).map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
        if containsCharset(head) { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return "UTF-8"
            case .error: return nil
            }
        }
    }

    private static func containsCharset(_ head: [UInt8]) -> Bool {
        let needle = Array("charset".utf8)
        guard head.count >= needle.count else { return false }
        for start in 0...(head.count - needle.count) where head[start] == needle[0] {
            if Array(head[start..<start + needle.count]) == needle { return true }
        }
        return false
    }
}
