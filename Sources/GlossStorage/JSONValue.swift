import Foundation

/// Any JSON value, kept as read so that fields this version does not know survive a rewrite.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 1e15: return Int64(value)
        default: return nil
        }
    }

    /// This value with `known` laid over it: objects merge key by key (recursively), so keys
    /// only this value has are kept; anything else is replaced by `known`.
    func overlaid(with known: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let top) = known else { return known }
        for (key, value) in top {
            base[key] = base[key].map { $0.overlaid(with: value) } ?? value
        }
        return .object(base)
    }

    /// Parses JSON bytes.
    static func parse(_ bytes: [UInt8]) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(bytes)
    }

    /// The JSON form of an encodable value.
    static func from<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(Array(try JSONEncoder().encode(value)))
    }

    /// Pretty-printed JSON with sorted keys and a final newline: stable, diff-friendly files.
    func serialized() -> [UInt8] {
        JSONWriter.serialize(self)
    }
}
