/// Writes a `JSONValue` pretty-printed: two-space indents, one final newline. Equal values always
/// give identical bytes.
public struct JSONWriter {
    /// How objects are ordered and strings escaped.
    public struct Style: Sendable {
        /// Keys sorted (data files); otherwise members in their built order (exports).
        var sortsKeys: Bool
        /// Strings in Unicode NFC, the form article text and annotation offsets use, with C1
        /// controls, U+2028/U+2029 (line breaks to JavaScript) and U+FEFF (dropped as a byte
        /// order mark by some parsers, Foundation's among them) escaped too, so the output is
        /// safe on a terminal. Data files keep strings exactly as given.
        var escapesForReaders: Bool
        /// Everything on one line (no indents; strings escape their line breaks anyway), for
        /// formats of one record per line such as the annotation journal.
        var isSingleLine = false

        public static let dataFile = Style(sortsKeys: true, escapesForReaders: false)
        public static let export = Style(sortsKeys: false, escapesForReaders: true)
        public static let dataLine = Style(sortsKeys: true, escapesForReaders: false, isSingleLine: true)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private let style: Style
    private var out: [UInt8] = []

    private init(style: Style) { self.style = style }

    public static func serialize(_ value: JSONValue, style: Style) -> [UInt8] {
        var writer = JSONWriter(style: style)
        writer.write(value, indent: 0)
        writer.out.append(0x0A)
        return writer.out
    }

    private mutating func newline(_ indent: Int) {
        guard !style.isSingleLine else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    private mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let integer): append(String(integer))
        case .double(let double):
            // JSON has no infinities or NaN.
            append(double.isFinite ? "\(double)" : "null")
        case .string(let string): write(string: string)
        case .array(let elements):
            guard !elements.isEmpty else { append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { append("{}"); return }
            out.append(UInt8(ascii: "{"))
            let keys = style.sortsKeys ? members.orderedKeys.sorted() : members.orderedKeys
            for (position, key) in keys.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(string: key)
                append(style.isSingleLine ? ":" : ": ")
                if let member = members[key] { write(member, indent: indent + 1) }
            }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func write(string: String) {
        out.append(UInt8(ascii: "\""))
        var text = style.escapesForReaders ? ArticleText.nfc(string) : string
        // Byte by byte: everything to escape is recognisable from its UTF-8 bytes, and the
        // text is valid UTF-8, so multi-byte sequences can be copied through unexamined.
        text.withUTF8 { bytes in
            // Most strings need no escaping: copy them whole (a save writes every note and quote).
            let escapesForReaders = style.escapesForReaders
            if !bytes.contains(where: { Self.needsEscape($0, escapesForReaders: escapesForReaders) }) {
                out.append(contentsOf: bytes)
                return
            }
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
                case 0xC2 where style.escapesForReaders && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // A C1 control, U+0080...U+009F.
                    writeEscape(UInt32(bytes[index + 1]))
                    index += 1
                case 0xE2 where style.escapesForReaders && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
                    writeEscape(0x2000 | UInt32(bytes[index + 2] & 0x3F))
                    index += 2
                case 0xEF where style.escapesForReaders && index + 2 < bytes.count && bytes[index + 1] == 0xBB
                    && bytes[index + 2] == 0xBF:
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

    /// Whether a byte may start something to escape: ASCII controls, `"`, `\`, and in the
    /// export style the lead bytes of C1 controls, U+2028/2029 and U+FEFF.
    private static func needsEscape(_ byte: UInt8, escapesForReaders: Bool) -> Bool {
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F { return true }
        return escapesForReaders && (byte == 0xC2 || byte == 0xE2 || byte == 0xEF)
    }

    /// `\uXXXX` with lower-case hex digits; every escaped scalar is in the Basic Multilingual Plane.
    private mutating func writeEscape(_ value: UInt32) {
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
