/// Lays result rows out as a plain-text table for the terminal.
enum TableFormatter {
    static let nameWidth = 50
    static let subjectWidth = 15
    static let valueWidth = 30

    static var header: String {
        pad("measurement", nameWidth) + pad("who", subjectWidth) + pad("median (min – max)", valueWidth) + "goal"
    }

    static func line(_ row: ResultRow) -> String {
        let value = "\(number(row.median, row.unit)) (\(number(row.min, row.unit, bare: true)) – \(number(row.max, row.unit)))"
        var text = pad(row.name, nameWidth) + pad(row.subject, subjectWidth) + pad(value, valueWidth)
        if let goal = row.goal {
            text += goal.text + "  " + verdict(row, goal)
        }
        if let note = row.note { text += (row.goal == nil ? "" : "  ") + "[\(note)]" }
        return text
    }

    /// `ok`, or `MISSED` with how far off the median is.
    static func verdict(_ row: ResultRow, _ goal: Goal) -> String {
        guard row.runs > 0 else { return "NOT MEASURED" }
        if row.goalMet == true { return "ok" }
        let factor = goal.limit > 0 ? row.median / goal.limit : .infinity
        let times = "\(format(factor, decimals: factor < 10 ? 1 : 0))× the limit"
        if row.unit == "×" { return "MISSED (\(times))" }
        return "MISSED by \(number(row.median - goal.limit, row.unit)) (\(times))"
    }

    /// A value with its unit, with as many decimals as are meaningful at its size.
    static func number(_ value: Double, _ unit: String, bare: Bool = false) -> String {
        let magnitude = abs(value)
        let decimals = magnitude < 1 ? 3 : magnitude < 10 ? 2 : magnitude < 1000 ? 1 : 0
        let digits = format(value, decimals: unit == "×" ? 2 : unit == "items" ? 0 : decimals)
        if bare { return digits }
        return unit == "×" ? digits + "×" : digits + " " + unit
    }

    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if text.hasSuffix(".0"), decimals == 0 { text.removeLast(2) }
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < decimals { text += String(repeating: "0", count: decimals - have) }
        } else if decimals > 0 {
            text += "." + String(repeating: "0", count: decimals)
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }
}
