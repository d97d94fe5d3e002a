#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// Reads the dates feeds write: RFC 822 (RSS, with the usual liberties) and RFC 3339 / ISO 8601
/// (Atom, Dublin Core, HTML `datetime`). Anything unreadable is nil, never an error.
public enum FeedDate {
    /// The moment `text` names, or nil when it is not a date this reader knows.
    public static func parse(_ text: String) -> Date? {
        let scalars = Array(XMLText.trimmed(text).unicodeScalars)
        guard scalars.count >= 4 else { return nil }
        let isISO = scalars.count >= 10 && scalars[0..<4].allSatisfy(isDigit) && scalars[4] == "-"
        guard let seconds = isISO ? iso8601(scalars) : rfc822(scalars) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    // MARK: - RFC 3339 / ISO 8601

    /// `YYYY-MM-DD`, optionally `T` or a space and `hh:mm[:ss[.fff]]`, optionally `Z` or `±hh[:]mm`.
    private static func iso8601(_ s: [Unicode.Scalar]) -> Double? {
        guard let fields = ISO8601Fields(s) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if let time = fields.time {
            hour = time.hour
            minute = time.minute
            second = Double(time.second ?? 0)
            var scale = 0.1
            for digit in time.fraction {
                second += Double(digit) * scale
                scale /= 10
            }
        }
        switch fields.zone {
        case nil: break
        case .offset(let sign, let hours, let minutes):
            guard hours < 24, (minutes ?? 0) < 60 else { return nil }
            offset = sign * (hours * 60 + (minutes ?? 0))
        case .name(let name):
            guard let zone = namedZones[name.lowercased()] else { return nil }
            offset = zone
        }
        return epochSeconds(year: fields.year, month: fields.month, day: fields.day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: - RFC 822

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let namedZones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60,
    ]

    /// `[Day,] DD Mon YYYY [hh:mm[:ss]] [zone]`, tolerating full month names, two-digit years,
    /// a missing comma, `GMT+0100` and `+01:00`.
    private static func rfc822(_ s: [Unicode.Scalar]) -> Double? {
        let tokens = String(String.UnicodeScalarView(s)).split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset = 0
        for token in tokens {
            let lower = token.lowercased()
            if token.contains(":"), time == nil, let first = token.unicodeScalars.first, isDigit(first) {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count == 2 || parts.count == 3, let hour = parts[0], let minute = parts[1] else { return nil }
                time = (hour, minute, parts.count == 3 ? (parts[2] ?? -1) : 0)
            } else if let value = Int(token), token.unicodeScalars.allSatisfy(isDigit) {
                if day == nil, token.count <= 2, year == nil {
                    day = value
                } else if year == nil {
                    year = token.count == 2 ? (value < 50 ? 2000 + value : 1900 + value) : value
                } else {
                    return nil
                }
            } else if month == nil, lower.count >= 3, let index = months.firstIndex(of: String(lower.prefix(3))) {
                month = index + 1
            } else if time != nil, let zone = zone(lower) {
                offset = zone
            } else if month == nil, day == nil, lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "." }) {
                continue  // the day of the week
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        return epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second), offset: offset)
    }

    /// A zone token in minutes east of UTC: a name, `+hhmm`, `+hh:mm`, or a name followed by an offset.
    private static func zone(_ token: String) -> Int? {
        if let named = namedZones[token] { return named }
        let scalars = Array(token.unicodeScalars)
        var cursor = 0
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic { cursor += 1 }
        guard cursor == 0 || namedZones[String(token.prefix(cursor))] != nil else {
            // Military single letters and unknown names: RFC 2822 says to treat them as UTC.
            return cursor == scalars.count ? 0 : nil
        }
        guard let value = numericZone(scalars, &cursor), cursor == scalars.count else { return nil }
        return value
    }

    // MARK: - Pieces

    private static func numericZone(_ s: [Unicode.Scalar], _ cursor: inout Int) -> Int? {
        guard cursor < s.count, s[cursor] == "+" || s[cursor] == "-" else { return nil }
        let sign = s[cursor] == "-" ? -1 : 1
        var probe = cursor + 1
        guard let hours = number(s, &probe, digits: 2) else { return nil }
        _ = expect(s, &probe, ":")
        let minutes = number(s, &probe, digits: 2) ?? 0
        guard hours < 24, minutes < 60 else { return nil }
        cursor = probe
        return sign * (hours * 60 + minutes)
    }

    private static func number(_ s: [Unicode.Scalar], _ cursor: inout Int, digits: Int) -> Int? {
        guard cursor + digits <= s.count else { return nil }
        var value = 0
        for index in cursor..<cursor + digits {
            guard isDigit(s[index]) else { return nil }
            value = value * 10 + Int(s[index].value - 48)
        }
        cursor += digits
        return value
    }

    private static func expect(_ s: [Unicode.Scalar], _ cursor: inout Int, _ scalar: Unicode.Scalar) -> Bool {
        guard cursor < s.count, s[cursor] == scalar else { return false }
        cursor += 1
        return true
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    /// Seconds since 1970 for a validated civil date and time; `offset` is minutes east of UTC.
    private static func epochSeconds(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int
    ) -> Double? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              (0...24).contains(hour), (0...59).contains(minute), second >= 0, second < 61,
              hour < 24 || (minute == 0 && second == 0)
        else { return nil }
        let days = Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day)))
        let minutes = Double(days * 1440 + hour * 60 + minute - offset)
        return minutes * 60 + second
    }
}
