/// Where in a config file something went wrong: the file as the user named it, and a 1-based line when known.
public struct ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    /// `config.toml:12`, or just the file when the line is unknown.
    public var description: String {
        line.map { "\(file):\($0)" } ?? file
    }
}

/// Why a config file could not be used. Each description is one line naming the file, line and key.
public enum ConfigError: Error, CustomStringConvertible, Equatable {
    /// A file named by `--config` or `$GLOSS_CONFIG` does not exist.
    case fileNotFound(path: String, namedBy: String)
    case unreadable(path: String, reason: String)
    /// Not valid TOML.
    case syntax(ConfigLocation, column: Int?, message: String)
    /// `key` is the dotted path; `suggestion` a valid name close to its last part.
    case unknownKey(ConfigLocation, key: String, suggestion: String?)
    /// A value of the wrong TOML type, e.g. a string where a number belongs.
    case wrongType(ConfigLocation, key: String, expected: String, found: String)
    /// A value of the right type that is out of range or malformed.
    case invalidValue(ConfigLocation, key: String, value: String, expected: String)
    case unknownAction(ConfigLocation, mode: Mode, key: String, action: String, suggestion: String?)
    case unknownKeyNotation(ConfigLocation, mode: Mode, notation: String)
    /// A word in a style or colour value that names no colour or attribute.
    case badColour(ConfigLocation, key: String, value: String, suggestion: String?)

    public var description: String {
        switch self {
        case .fileNotFound(let path, let namedBy):
            return "\(path): no such config file (named by \(namedBy))"
        case .unreadable(let path, let reason):
            return "\(path): cannot read config file: \(reason)"
        case .syntax(let location, let column, let message):
            let at = column.map { " (column \($0))" } ?? ""
            return "\(location): syntax error: \(message)\(at)"
        case .unknownKey(let location, let key, let suggestion):
            return "\(location): unknown key \"\(key)\"\(Self.hint(suggestion))"
        case .wrongType(let location, let key, let expected, let found):
            return "\(location): \(key) must be \(expected), not \(found)"
        case .invalidValue(let location, let key, let value, let expected):
            return "\(location): \(key) must be \(expected), not \(value)"
        case .unknownAction(let location, let mode, let key, let action, let suggestion):
            return "\(location): keys.\(mode.rawValue): unknown action \"\(action)\" for key \"\(key)\"\(Self.hint(suggestion))"
        case .unknownKeyNotation(let location, let mode, let notation):
            return "\(location): keys.\(mode.rawValue): unknown key notation \"\(notation)\""
                + " (use a single character, <C-x>, <M-x>, <F1>-<F24> or a named key such as <Down>)"
        case .badColour(let location, let key, let value, let suggestion):
            return "\(location): bad colour \"\(value)\" in \(key)\(Self.hint(suggestion))"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
