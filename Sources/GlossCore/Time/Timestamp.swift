/// A moment in time with millisecond precision, written as ISO 8601 in UTC
/// (`2024-05-01T12:34:56.789Z`), so annotation files stay readable and sort as text.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// The ISO 8601 form in UTC with milliseconds.
    public var description: String {
        let millis = millisecondsSince1970
        let days = CivilDate.floorDiv(millis, 86_400_000)
        let msOfDay = millis - days * 86_400_000
        let (year, month, day) = CivilDate.date(days: days)
        let hours = msOfDay / 3_600_000
        let minutes = msOfDay / 60_000 % 60
        let seconds = msOfDay / 1000 % 60
        let ms = msOfDay % 1000
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(hours, 2)):\(Self.pad(minutes, 2)):\(Self.pad(seconds, 2)).\(Self.pad(ms, 3))Z"
    }

    /// A compact form safe in file names: `20240501T123456Z`.
    public var compactDescription: String {
        let full = description
        var out = ""
        for character in full where character != "-" && character != ":" {
            if character == "." { break }
            out.append(character)
        }
        return out + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil when the text is not such a date.
    public init?(iso8601 text: String) {
        guard let milliseconds = Self.millisecondsOfOwnForm(text) ?? Self.millisecondsOfAnyForm(text) else {
            return nil
        }
        self.millisecondsSince1970 = milliseconds
    }

    /// The time in `text` read by the general scanner (any form `init?(iso8601:)` accepts).
    static func millisecondsOfAnyForm(_ text: String) -> Int64? {
        guard let fields = ISO8601Fields(text.unicodeScalars), let time = fields.time, let second = time.second,
              fields.spacesBeforeZone == 0, let zone = fields.zone,
              (1...12).contains(fields.month), (1...31).contains(fields.day), time.hour < 24, time.minute < 60,
              second < 61
        else { return nil }
        let offsetMinutes: Int64
        switch zone {
        case .name(let name):
            guard name == "Z" || name == "z" else { return nil }
            offsetMinutes = 0
        case .offset(let sign, let hours, let minutes?):
            offsetMinutes = Int64(sign * (hours * 60 + minutes))
        case .offset(_, _, nil):
            return nil
        }
        // Milliseconds: the first three digits of the fraction.
        var millis: Int64 = 0
        for (position, digit) in time.fraction.prefix(3).enumerated() {
            millis += Int64(digit) * [100, 10, 1][position]
        }
        let days = CivilDate.days(year: Int64(fields.year), month: Int64(fields.month), day: Int64(fields.day))
        let seconds = days * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + second) - offsetMinutes * 60
        return seconds * 1000 + millis
    }

    /// The time in `text` when it has exactly the form `description` writes
    /// (`2024-05-01T12:34:56.789Z`), read from its bytes; nil for any other form, which the
    /// general reader handles (with the same result for this form). Annotation files hold two
    /// of these per note, so opening an article with many notes reads a great many.
    private static let ownFormPunctuation: [(Int, UInt8)] = [
        (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")), (13, UInt8(ascii: ":")),
        (16, UInt8(ascii: ":")), (19, UInt8(ascii: ".")), (23, UInt8(ascii: "Z")),
    ]

    static func millisecondsOfOwnForm(_ text: String) -> Int64? {
        guard text.utf8.count == 24 else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            guard bytes.count == 24 else { return nil }
            for (position, byte) in Self.ownFormPunctuation where bytes[position] != byte { return nil }
            var failed = false
            func number(_ range: Range<Int>) -> Int64 {
                var value: Int64 = 0
                for position in range {
                    let digit = bytes[position] &- UInt8(ascii: "0")
                    if digit > 9 { failed = true }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
            let (hour, minute, second) = (number(11..<13), number(14..<16), number(17..<19))
            let millis = number(20..<23)
            guard !failed, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
            else { return nil }
            let days = CivilDate.days(year: year, month: month, day: day)
            return (days * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + millis
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value < 0 ? -value : value)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
