/// Any JSON value: the one JSON type of Gloss, for the data files (kept as read, so that fields
/// this version does not know survive a rewrite) and for exports (members in a deliberate order).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 1e15: return Int64(value)
        default: return nil
        }
    }

    /// This value with `known` laid over it: objects merge key by key (recursively), so keys
    /// only this value has are kept; anything else is replaced by `known`.
    public func overlaid(with known: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let top) = known else { return known }
        for (key, value) in top {
            base[key] = base[key].map { $0.overlaid(with: value) } ?? value
        }
        return .object(base)
    }

    /// Parses JSON bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(bytes)
    }

    // MARK: - Building export documents

    /// An object with `members` in the order given; members whose value is nil are left out,
    /// which keeps optional properties out of the output instead of writing `null`.
    public static func members(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object = JSONObject()
        for (key, value) in members {
            if let value { object[key] = value }
        }
        return .object(object)
    }

    public static func integer(_ value: Int) -> JSONValue {
        .integer(Int64(value))
    }

    /// `.string(text)`, or nil for a nil text.
    public static func string(_ text: String?) -> JSONValue? {
        text.map { .string($0) }
    }

    /// `.array(elements)`, or nil when there are none (for properties that are omitted when empty).
    public static func nonEmptyArray(_ elements: [JSONValue]) -> JSONValue? {
        elements.isEmpty ? nil : .array(elements)
    }

    // MARK: - Writing

    /// Data-file form: pretty-printed with sorted keys and a final newline, so files are stable,
    /// diff well and compare equal when nothing changed.
    public func serialized() -> [UInt8] {
        JSONWriter.serialize(self, style: .dataFile)
    }

    /// Export form: members in their built order, strings in NFC with everything a terminal or
    /// a JavaScript parser could trip on escaped (see `JSONWriter.Style.export`).
    public func exported() -> String {
        String(decoding: JSONWriter.serialize(self, style: .export), as: UTF8.self)
    }
}
