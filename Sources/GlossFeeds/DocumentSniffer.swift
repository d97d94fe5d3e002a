/// A first look at a body, before parsing it as XML.
enum DocumentSniffer {
    enum Kind: Equatable {
        case empty, html, other
        /// Not markup at all; the first characters, for the message.
        case text(String)
    }

    /// HTML pages start with a doctype or `<html>` (after a BOM, blanks and comments); an
    /// XML declaration means XML whatever follows.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while true {
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count else { return .empty }
            guard hasPrefix("<!--", at: index, in: bytes) else { break }
            guard let end = find("-->", from: index + 4, in: bytes) else { return .other }
            index = end + 3
        }
        if hasPrefix("<!doctype html", at: index, in: bytes) || hasPrefix("<html", at: index, in: bytes) {
            return .html
        }
        guard bytes[index] == UInt8(ascii: "<") || !isASCII(bytes[index]) else {
            // Multi-byte encodings (UTF-16) are left to the parser; ASCII text without `<` is not XML.
            let end = min(bytes.count, index + 96)
            let start = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            return .text(String(XMLText.collapsed(start).prefix(24)))
        }
        return .other
    }

    private static func isASCII(_ byte: UInt8) -> Bool {
        byte != 0 && byte < 0x80
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Case-insensitive ASCII prefix test.
    private static func hasPrefix(_ prefix: String, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pattern = Array(prefix.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] | 0x20 != byte | 0x20 {
            return false
        }
        return true
    }

    private static func find(_ needle: String, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, hasPrefix(needle, at: index, in: bytes) { return index }
            index += 1
        }
        return nil
    }
}
