/// The fields of an ISO 8601 / RFC 3339 date as written, read by one scanner for annotation
/// timestamps and feed dates: `YYYY-MM-DD`, optionally `T` (or `t`, or a space) and
/// `hh:mm[:ss[.fraction]]`, optionally spaces and a zone (`Z`, `±hh[[:]mm]`, or a name).
/// Callers apply their own rules (which parts are required, which zones count) and ranges.
public struct ISO8601Fields: Sendable, Equatable {
    public struct Time: Sendable, Equatable {
        public var hour: Int
        public var minute: Int
        public var second: Int?
        /// The digits after `.` or `,` (at least one when present).
        public var fraction: [Int]
    }

    public enum Zone: Sendable, Equatable {
        /// `±hh`, `±hh:mm` or `±hhmm`; `minutes` is nil when not written.
        case offset(sign: Int, hours: Int, minutes: Int?)
        /// Letters (or anything else) up to the end: `Z`, `UTC`, `EST`…, as written.
        case name(String)
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var time: Time?
    /// Spaces between the time and the zone.
    public var spacesBeforeZone: Int
    public var zone: Zone?

    /// The fields of `scalars`, or nil when they do not have this shape to the end.
    public init?(_ scalars: some Collection<Unicode.Scalar>) {
        var s = Scanner(Array(scalars))
        guard let year = s.number(digits: 4), s.skip("-"), let month = s.number(digits: 2), s.skip("-"),
              let day = s.number(digits: 2)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        spacesBeforeZone = 0
        guard !s.isAtEnd else { return }
        guard s.skip("T") || s.skip("t") || s.skip(" "),
              let hour = s.number(digits: 2), s.skip(":"), let minute = s.number(digits: 2)
        else { return nil }
        var time = Time(hour: hour, minute: minute, second: nil, fraction: [])
        if s.skip(":") {
            guard let second = s.number(digits: 2) else { return nil }
            time.second = second
            if s.skip(".") || s.skip(",") {
                while let digit = s.digit() { time.fraction.append(digit) }
                guard !time.fraction.isEmpty else { return nil }
            }
        }
        self.time = time
        while s.skip(" ") { spacesBeforeZone += 1 }
        guard !s.isAtEnd else { return }
        if s.peek == "+" || s.peek == "-" {
            let sign = s.skip("-") ? -1 : (s.skip("+") ? 1 : 1)
            guard let hours = s.number(digits: 2) else { return nil }
            _ = s.skip(":")
            let minutes = s.number(digits: 2)
            guard s.isAtEnd else { return nil }
            zone = .offset(sign: sign, hours: hours, minutes: minutes)
        } else {
            zone = .name(s.rest)
        }
    }

    /// ASCII digits and punctuation read from the front.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var isAtEnd: Bool { index == scalars.count }
        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        var rest: String { String(String.UnicodeScalarView(scalars[index...])) }

        mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard let scalar = peek, ("0"..."9").contains(scalar) else { return nil }
            index += 1
            return Int(scalar.value) - 48
        }

        mutating func number(digits count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            let start = index
            var value = 0
            for _ in 0..<count {
                guard let d = digit() else {
                    index = start
                    return nil
                }
                value = value * 10 + d
            }
            return value
        }
    }
}
