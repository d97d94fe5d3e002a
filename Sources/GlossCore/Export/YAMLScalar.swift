/// Writes values for YAML front matter so that any YAML 1.1 or 1.2 reader gets back exactly the
/// value written: strings are always double-quoted with escapes, and only values whose plain form
/// cannot be misread (dates, timestamps, simple tags) are left unquoted.
package enum YAMLScalar {
    /// `text` in double quotes. Quotes and backslashes are escaped, and every character a YAML
    /// reader would fold, drop or reject (line breaks, tabs, control characters, BOM) is written as
    /// an escape sequence, so a value always stays on one line. A combining mark right after an
    /// escape is escaped too: written as itself it would compose with the escape's last letter
    /// (`\n` and U+0300 make `\ǹ` in NFC), so the output would not be NFC, and normalizing it would
    /// break the escape.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        var afterEscape = false
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar, afterEscape: afterEscape) {
                out += escaped
                afterEscape = true
            } else {
                out.unicodeScalars.append(scalar)
                afterEscape = false
            }
        }
        out += "\""
        return out
    }

    /// The escape sequence for `scalar` inside double quotes, or nil when it is written as itself.
    private static func escape(_ scalar: Unicode.Scalar, afterEscape: Bool) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\u{0}": return "\\0"
        case "\u{85}": return "\\N"
        case "\u{2028}": return "\\L"
        case "\u{2029}": return "\\P"
        case "\u{FEFF}", "\u{FFFE}", "\u{FFFF}": return "\\u" + hex(scalar.value, digits: 4)
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "\\x" + hex(scalar.value, digits: 2)
            }
            if afterEscape, scalar.properties.canonicalCombiningClass != .notReordered {
                return scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, digits: 8) : "\\u" + hex(scalar.value, digits: 4)
            }
            return nil
        }
    }

    /// A flow sequence such as `[energy, "local government"]`.
    package static func flowList(_ items: [String]) -> String {
        "[" + items.map(flowItem).joined(separator: ", ") + "]"
    }

    /// One item of a flow sequence: plain when it is a simple word that no YAML reader could take
    /// for a number, boolean, null, date or syntax; quoted otherwise.
    static func flowItem(_ item: String) -> String {
        isPlainWord(item) ? item : quoted(item)
    }

    /// An article's date: unquoted when it is a valid `YYYY-MM-DD` day (read back as a YAML date,
    /// as front matter dates usually are), quoted otherwise so free-form dates stay text.
    package static func date(_ text: String) -> String {
        isCalendarDay(text) ? text : quoted(text)
    }

    /// A timestamp in ISO 8601 UTC, to the second when it has no milliseconds
    /// (`2026-11-24T10:00:00Z`); quoted when its year has no four-digit form.
    package static func timestamp(_ time: Timestamp) -> String {
        let text = isoText(time)
        return isCalendarDay(String(text.prefix(10))) ? text : quoted(text)
    }

    /// The ISO 8601 form of `time`, without the milliseconds when they are zero.
    package static func isoText(_ time: Timestamp) -> String {
        let full = time.description
        return full.hasSuffix(".000Z") ? String(full.dropLast(5)) + "Z" : full
    }

    // MARK: - Rules

    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null",
    ]

    private static func isPlainWord(_ item: String) -> Bool {
        guard let first = item.unicodeScalars.first, first.properties.isAlphabetic,
              !reservedWords.contains(item.lowercased())
        else { return false }
        return item.unicodeScalars.allSatisfy { scalar in
            if scalar == "-" || scalar == "_" { return true }
            if scalar.properties.isAlphabetic { return true }
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark: return true
            default: return false
            }
        }
    }

    /// Whether `text` is exactly `YYYY-MM-DD` naming a real day of the Gregorian calendar.
    private static func isCalendarDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1
        else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
