/// Writes an `ExportJSON` value as pretty-printed UTF-8 JSON: two-space indents, members in
/// their built order, one final newline. Equal values always give identical bytes.
///
/// Strings are written in Unicode NFC, the form article text and annotation offsets use, so a
/// quote in the output compares equal to the article text it came from. Non-ASCII text stays
/// as it is; `"`, `\` and every control character (C0, DEL, C1) are escaped, so the output is
/// safe on a terminal, as are U+2028 and U+2029 (line breaks to JavaScript) and U+FEFF
/// (dropped as a byte order mark by some parsers, Foundation's among them).
struct ExportJSONWriter {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private var out: [UInt8] = []

    static func serialize(_ value: ExportJSON) -> String {
        var writer = ExportJSONWriter()
        writer.write(value, indent: 0)
        writer.out.append(0x0A)
        return String(decoding: writer.out, as: UTF8.self)
    }

    private mutating func newline(indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    private mutating func write(_ value: ExportJSON, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let integer): append(String(integer))
        case .string(let string): write(string: string)
        case .array(let elements):
            guard !elements.isEmpty else { append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(string: member.key)
                append(": ")
                write(member.value, indent: indent + 1)
            }
            newline(indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func write(string: String) {
        out.append(UInt8(ascii: "\""))
        var text = ArticleText.nfc(string)
        // Byte by byte: everything to escape is recognisable from its UTF-8 bytes, and the
        // text is valid UTF-8, so multi-byte sequences can be copied through unexamined.
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x00..<0x20, 0x7F: writeEscape(UInt32(byte))
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // A C1 control, U+0080...U+009F.
                    writeEscape(UInt32(bytes[index + 1]))
                    index += 1
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
                    writeEscape(0x2000 | UInt32(bytes[index + 2] & 0x3F))
                    index += 2
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                    // U+FEFF, which some parsers (Foundation's among them) drop as a byte order mark.
                    writeEscape(0xFEFF)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` with lower-case hex digits; every escaped scalar is in the Basic Multilingual Plane.
    private mutating func writeEscape(_ value: UInt32) {
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
