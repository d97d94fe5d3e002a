import CLibXML2

/// Mends the usual slips of feeds before they are parsed again, so that libxml2's recover mode,
/// which drops every entity reference after the first error (`&lt;p&gt;` becomes `p`), is rarely
/// needed: a stray `&` becomes `&amp;`, a `<` that starts no tag `&lt;`, an HTML entity such as `&nbsp;` (undeclared in XML) becomes
/// its character reference, control characters XML forbids are dropped, `--` inside a comment
/// is broken up, and a last end tag cut before its `>` is closed.
///
/// Comments, processing instructions and the doctype are copied as they are; `&` inside CDATA is
/// text. Only for encodings in which bytes below 0x80 are ASCII (never UTF-16 or UTF-32).
enum XMLRepair {
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 64)
        let declared = declaredEntities(in: bytes)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let end = endOfVerbatim(at: index, in: bytes) {
                    let isCDATA = starts("<![CDATA[", at: index, in: bytes)
                    let isComment = starts("<!--", at: index, in: bytes)
                    for offset in index..<end where !(isCDATA && isForbiddenControl(bytes[offset])) {
                        // `--` is not allowed inside a comment: the second hyphen becomes a space.
                        let isDoubleHyphen = isComment && offset >= index + 5 && offset < end - 3
                            && bytes[offset] == UInt8(ascii: "-") && out.last == UInt8(ascii: "-")
                        out.append(isDoubleHyphen ? 0x20 : bytes[offset])
                    }
                    index = end
                    continue
                }
                // A `<` that starts no tag (`a < b`) is text.
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if startsMarkup(next) { out.append(byte) } else { out += Array("&lt;".utf8) }
                index += 1
            } else if byte == UInt8(ascii: "&") {
                index = appendReference(at: index, in: bytes, declared: declared, to: &out)
            } else {
                if !isForbiddenControl(byte) { out.append(byte) }
                index += 1
            }
        }
        closeLastEndTag(&out)
        return out
    }

    /// Adds the `>` a document cut one byte short lacks (`…</feed`).
    private static func closeLastEndTag(_ out: inout [UInt8]) {
        var end = out.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(out[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isNameByte(out[start - 1], numeric: false, hex: false) { start -= 1 }
        guard start < end, start >= 2, out[start - 1] == UInt8(ascii: "/"), out[start - 2] == UInt8(ascii: "<") else { return }
        out.insert(UInt8(ascii: ">"), at: end)
    }

    /// Whether a byte after `<` can begin a tag, an end tag, a comment or a processing instruction.
    private static func startsMarkup(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte >= 0x80
            || [UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "_"), UInt8(ascii: ":")].contains(byte)
    }

    /// Tab, line feed and carriage return are the only control characters XML allows.
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// The end (exclusive) of a comment, CDATA section, processing instruction or doctype starting
    /// at `index`, or nil for an ordinary tag. An unterminated one runs to the end.
    private static func endOfVerbatim(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let pairs: [(String, String)] = [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")]
        for (open, close) in pairs where starts(open, at: index, in: bytes) {
            return find(close, from: index + open.utf8.count, in: bytes).map { $0 + close.utf8.count } ?? bytes.count
        }
        guard starts("<!DOCTYPE", at: index, in: bytes) else { return nil }
        // Up to the first `>` outside the internal subset `[ … ]`.
        var cursor = index + 9
        var inSubset = false
        while cursor < bytes.count {
            switch bytes[cursor] {
            case UInt8(ascii: "["): inSubset = true
            case UInt8(ascii: "]"): inSubset = false
            case UInt8(ascii: ">") where !inSubset: return cursor + 1
            default: break
            }
            cursor += 1
        }
        return bytes.count
    }

    /// Copies or mends the reference starting with the `&` at `index`; returns where to go on.
    private static func appendReference(
        at index: Int, in bytes: UnsafeBufferPointer<UInt8>, declared: Set<String>, to out: inout [UInt8]
    ) -> Int {
        var cursor = index + 1
        let isNumeric = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "#")
        if isNumeric { cursor += 1 }
        let isHex = isNumeric && cursor < bytes.count && bytes[cursor] | 0x20 == UInt8(ascii: "x")
        if isHex { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count, cursor - nameStart < 64, isNameByte(bytes[cursor], numeric: isNumeric, hex: isHex) {
            cursor += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self)
        guard cursor > nameStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") else {
            out += Array("&amp;".utf8)
            return index + 1
        }
        let end = cursor + 1
        if isNumeric {
            // A reference to a character XML forbids (`&#25;`) is dropped; others are kept as written.
            // `&#X41;` (upper-case X, which XML does not allow) is written `&#x41;`.
            if let value = UInt32(name, radix: isHex ? 16 : 10), isAllowedCharacter(value) {
                out += Array((isHex ? "&#x" : "&#").utf8) + bytes[nameStart..<end]
            }
            return end
        }
        if predefined.contains(name) || declared.contains(name) {
            out += bytes[index..<end]
        } else if let value = htmlEntityValue(name) {
            out += Array("&#\(value);".utf8)
        } else {
            out += Array("&amp;".utf8)
            return index + 1
        }
        return end
    }

    private static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    private static func htmlEntityValue(_ name: String) -> UInt32? {
        name.withCString { pointer in
            let xmlName = UnsafeRawPointer(pointer).assumingMemoryBound(to: xmlChar.self)
            return gloss_htmlEntityLookup(xmlName).map { $0.pointee.value }
        }
    }

    private static func isAllowedCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func isNameByte(_ byte: UInt8, numeric: Bool, hex: Bool) -> Bool {
        let isDigit = (0x30...0x39).contains(byte)
        if numeric { return isDigit || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)) }
        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        return isLetter || isDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }

    /// The general entities the document's internal subset declares (`<!ENTITY name …>`).
    static func declaredEntities(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var names = Set<String>()
        guard let doctype = find("<!DOCTYPE", from: 0, in: bytes, limit: 4096) else { return names }
        let end = endOfVerbatim(at: doctype, in: bytes) ?? bytes.count
        var cursor = doctype
        while let found = find("<!ENTITY", from: cursor, in: bytes), found < end {
            cursor = found + 8
            while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D {
                cursor += 1
            }
            let start = cursor
            while cursor < end, isNameByte(bytes[cursor], numeric: false, hex: false) { cursor += 1 }
            if cursor > start { names.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)) }
        }
        return names
    }

    private static func starts(_ prefix: String, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = index
        for byte in prefix.utf8 {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
        }
        return true
    }

    private static func find(_ needle: String, from start: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int = Int.max) -> Int? {
        guard let first = needle.utf8.first else { return nil }
        var index = start
        let end = min(bytes.count, limit)
        while index < end {
            if bytes[index] == first, starts(needle, at: index, in: bytes) { return index }
            index += 1
        }
        return nil
    }
}
