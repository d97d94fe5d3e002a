import TOMLKit

/// One TOML table of the config file being read, with its dotted path, so that every
/// typed read can fail with an error naming the key and its line.
struct ConfigSection {
    let table: TOMLTable
    let path: [String]
    let file: String
    let lines: TOMLKeyLines

    /// `reader.measure` for key `measure` of `[reader]`.
    func dotted(_ key: String) -> String {
        (path + [key]).joined(separator: ".")
    }

    func location(of key: String) -> ConfigLocation {
        ConfigLocation(file: file, line: lines.line(of: path + [key]) ?? lines.line(of: path))
    }

    /// The keys of this table in the order they appear in the file.
    var keysInFileOrder: [String] {
        table.keys.sorted { (lines.line(of: path + [$0]) ?? Int.max, $0) < (lines.line(of: path + [$1]) ?? Int.max, $1) }
    }

    /// Fails on the first key, in file order, that is not in `allowed`.
    func rejectUnknownKeys(allowed: [String]) throws(ConfigError) {
        for key in keysInFileOrder where !allowed.contains(key) {
            throw .unknownKey(location(of: key), key: dotted(key), suggestion: Suggestion.closest(to: key, in: allowed))
        }
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw wrongType(key, expected: "an integer", found: value) }
        guard range.contains(number) else {
            throw .invalidValue(location(of: key), key: dotted(key), value: String(number),
                                expected: "between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw wrongType(key, expected: "true or false", found: value) }
        return flag
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw wrongType(key, expected: "a string", found: value) }
        return text
    }

    /// A non-empty string naming a file or folder.
    func path(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.isEmpty else {
            throw .invalidValue(location(of: key), key: dotted(key), value: "an empty string", expected: "a path")
        }
        return text
    }

    func section(_ key: String) throws(ConfigError) -> ConfigSection? {
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else { throw wrongType(key, expected: "a table", found: value) }
        return ConfigSection(table: subtable, path: path + [key], file: file, lines: lines)
    }

    func array(_ key: String) throws(ConfigError) -> TOMLArray? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw wrongType(key, expected: "an array", found: value) }
        return array
    }

    func wrongType(_ key: String, expected: String, found value: TOMLValueConvertible) -> ConfigError {
        .wrongType(location(of: key), key: dotted(key), expected: expected, found: Self.describe(value))
    }

    /// A value's type as a user would say it, with short values quoted: `a string ("80")`.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string:
            let text = value.string ?? ""
            return text.count <= 40 ? "a string (\"\(text)\")" : "a string"
        case .int: return "an integer (\(value.int.map(String.init) ?? ""))"
        case .double: return "a floating-point number (\(value.double.map { String($0) } ?? ""))"
        case .bool: return "a boolean (\(value.bool.map { String($0) } ?? ""))"
        case .table: return "a table"
        case .array: return "an array"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }
}
