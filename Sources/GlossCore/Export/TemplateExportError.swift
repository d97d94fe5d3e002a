/// Why an export template could not be used.
public enum ExportTemplateError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The template is not valid Mustache; the position is 1-based when the parser knows it.
    case malformed(line: Int?, column: Int?, reason: String)

    public var description: String {
        switch self {
        case let .malformed(line?, column?, reason):
            return "export template: line \(line), column \(column): \(reason)"
        case let .malformed(line?, nil, reason):
            return "export template: line \(line): \(reason)"
        case let .malformed(_, _, reason):
            return "export template: \(reason)"
        }
    }
}
