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
        self.millisecondsSince1970 = seconds * 1000 + millis
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
